import type { TFunction } from 'i18next';
import type { ScenarioIndex } from '../../../core/scenario/scenario-index.ts';
import type { VisitContext } from '../../../core/visit/visit-types.ts';
import type { UiLanguage } from '../../../i18n/languages.ts';
import { motivesDebrief, type FactRow } from '../../../present/debrief.ts';
import { h } from '../../dom/h.ts';

/**
 * The client's motives in the debrief: what the student found and missed, whether each
 * argument spoke to something found, and each objection's kind with the techniques that suit
 * it. Found and missed are separate lists with their own headings: never colour alone.
 */
export function motivesSection(index: ScenarioIndex, ctx: VisitContext, lang: UiLanguage, t: TFunction): HTMLElement {
  const m = motivesDebrief(index, ctx, lang, t);
  const fact = (r: FactRow) =>
    h(
      'li',
      { 'data-fact': r.fact },
      h('strong', {}, r.label),
      ` · ${r.detail}`,
      r.dominant ? h('span', { class: 'tag' }, t('present:motives.dominant')) : null,
    );
  const facts = (rows: FactRow[], testId: string) =>
    rows.length
      ? h('ul', { class: 'motives__facts', 'data-testid': testId }, ...rows.map(fact))
      : h('p', { 'data-testid': testId }, t('present:motives.none'));
  return h(
    'section',
    { class: 'debrief__motives', 'aria-labelledby': 'motives-heading' },
    h('h2', { id: 'motives-heading' }, t('present:motives.title')),
    h('p', {}, t('present:motives.personality', { text: m.personality })),
    h('h3', {}, h('span', { 'aria-hidden': 'true' }, '✓ '), t('present:motives.found')),
    facts(m.found, 'motives-found'),
    h('h3', {}, h('span', { 'aria-hidden': 'true' }, '✗ '), t('present:motives.missed')),
    facts(m.missed, 'motives-missed'),
    m.arguments.length ? h('h3', {}, t('present:motives.arguments')) : null,
    m.arguments.length
      ? h(
          'ul',
          { class: 'motives__arguments' },
          ...m.arguments.map((a) =>
            h(
              'li',
              {},
              h('q', {}, a.text),
              h(
                'p',
                {},
                t(a.targetFound ? 'present:motives.targetFound' : 'present:motives.targetMissed', { target: a.target }),
              ),
            ),
          ),
        )
      : null,
    m.objections.length ? h('h3', {}, t('present:motives.objections')) : null,
    m.objections.length
      ? h(
          'ul',
          { class: 'motives__objections' },
          ...m.objections.map((o) =>
            h(
              'li',
              {},
              h(
                'p',
                {},
                h('strong', {}, t('present:motives.objectionKind', { kind: o.kind })),
                ' ',
                h('q', {}, o.objection),
              ),
              h('p', {}, techniqueLine(o.technique, o.suits, t)),
              h('p', {}, t('present:motives.suited', { list: o.suited.join(', ') })),
            ),
          ),
        )
      : null,
  );
}

function techniqueLine(technique: string, suits: boolean | null, t: TFunction): string {
  if (suits === null) return t('present:motives.noTechnique');
  return t(suits ? 'present:motives.techniqueSuits' : 'present:motives.techniqueUnsuited', { technique });
}
