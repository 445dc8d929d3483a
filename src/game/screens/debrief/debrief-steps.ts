import type { TFunction } from 'i18next';
import type { ScenarioIndex } from '../../../core/scenario/scenario-index.ts';
import { pickText } from '../../../core/scenario/text.ts';
import type { Evaluation, Point } from '../../../core/scoring/evaluate.ts';
import type { VisitContext } from '../../../core/visit/visit-types.ts';
import type { UiLanguage } from '../../../i18n/languages.ts';
import { timelineRows, type TimelineRow } from '../../../present/debrief.ts';
import { faultSentences } from '../../../present/faults.ts';
import { describeMove } from '../../../present/negotiation.ts';
import { h } from '../../dom/h.ts';

const MARKS = { good: '✓ ', neutral: '• ', poor: '! ' } as const;

/** Strengths and points to work on: each names the step in the student's own words (or move). */
export function pointsSection(ev: Evaluation, index: ScenarioIndex, ctx: VisitContext, lang: UiLanguage, t: TFunction) {
  const said = (p: Point) => {
    if (p.choiceId) return t('debrief.quoted', { text: pickText(index.choices.get(p.choiceId)?.choice.text, lang) });
    const step = ctx.steps[p.step];
    return step?.kind === 'negotiation'
      ? describeMove(step.move, lang, t, index.scenario.phases.closing.negotiation)
      : t('debrief.negotiationMove');
  };
  const faults = (p: Point) => {
    const step = ctx.steps[p.step];
    return step?.kind === 'negotiation' ? faultSentences(index, step.evidence, lang, t) : [];
  };
  const item = (p: Point) =>
    h(
      'li',
      {},
      h('span', {}, said(p)),
      p.competences.length ? h('span', { class: 'tag' }, p.competences.join(', ')) : null,
      ...faults(p).map((sentence) => h('p', { class: 'points__fault' }, sentence)),
      p.betterChoice
        ? h(
            'p',
            { class: 'feedback__better' },
            t('feedback.betterChoice', { text: pickText(index.choices.get(p.betterChoice)?.choice.text, lang) }),
          )
        : null,
    );
  const list = (points: Point[]) =>
    points.length ? h('ul', { class: 'points' }, ...points.map(item)) : h('p', {}, t('debrief.none'));
  return h(
    'section',
    { class: 'debrief__points' },
    h('div', {}, h('h2', {}, h('span', { 'aria-hidden': 'true' }, '＋ '), t('debrief.strengths')), list(ev.strengths)),
    h(
      'div',
      {},
      h('h2', {}, h('span', { 'aria-hidden': 'true' }, '－ '), t('debrief.weaknesses')),
      list(ev.weaknesses),
    ),
  );
}

/** Every step of the visit with its feedback, as a jury reads the candidate's path back. */
export function timelineSection(index: ScenarioIndex, ctx: VisitContext, lang: UiLanguage, t: TFunction) {
  return h(
    'section',
    { class: 'debrief__timeline', 'aria-labelledby': 'timeline-heading' },
    h('h2', { id: 'timeline-heading' }, t('debrief.timeline')),
    h('p', { class: 'hint' }, t('debrief.reflect')),
    h('ol', { class: 'timeline' }, ...timelineRows(index, ctx, lang, t).map((r) => timelineItem(r, t))),
  );
}

function timelineItem(r: TimelineRow, t: TFunction): HTMLElement {
  return h(
    'li',
    { class: `timeline__item timeline__item--${r.quality}`, 'data-kind': r.kind },
    h(
      'p',
      { class: 'timeline__head' },
      h('span', { class: 'tag' }, t(`common:phases.${r.stage}`)),
      ' ',
      h('span', { class: `verdict verdict--${r.quality}` }, MARKS[r.quality], t(`feedback.${r.quality}`)),
    ),
    h(
      'p',
      { class: 'timeline__choice' },
      t(r.kind === 'choice' ? 'debrief.yourChoiceLine' : 'debrief.yourMoveLine', { text: r.text }),
    ),
    r.answer ? h('p', { class: 'timeline__answer' }, t('debrief.answerLine', { text: r.answer })) : null,
    r.feedback ? h('p', {}, r.feedback) : null,
    r.better ? h('p', { class: 'feedback__better' }, t('feedback.better', { text: r.better })) : null,
    r.betterChoice ? h('p', { class: 'feedback__better' }, t('feedback.betterChoice', { text: r.betterChoice })) : null,
  );
}
