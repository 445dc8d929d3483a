import type { TFunction } from 'i18next';
import { juryQuestions, reflectiveScore } from '../../../core/exam/jury-questions.ts';
import type { Attempt } from '../../../core/save/index.ts';
import type { ScenarioIndex } from '../../../core/scenario/scenario-index.ts';
import type { VisitContext } from '../../../core/visit/visit-types.ts';
import type { UiLanguage } from '../../../i18n/languages.ts';
import { h } from '../../dom/h.ts';
import { questionText } from '../visit/jury-turn.ts';

/**
 * The debrief's reflective-analysis part of an exam rehearsal: each question the jury asked, the
 * justification the student chose, and the one a jury expects. Null for any other attempt.
 */
export function juryAnswersSection(
  attempt: Attempt,
  index: ScenarioIndex,
  ctx: VisitContext,
  lang: UiLanguage,
  t: TFunction,
): HTMLElement | null {
  const answers = attempt.exam?.jury;
  if (!answers) return null;
  const questions = juryQuestions(index, ctx);
  if (questions.length === 0) return null;
  const score = reflectiveScore(questions, answers);
  const option = (kind: string, id: string | undefined) => (id ? t(`exam.jury.option.${kind}.${id}`) : '—');
  return h(
    'section',
    { class: 'debrief__section jury-answers', 'data-testid': 'jury-answers', 'aria-labelledby': 'jury-heading' },
    h('h2', { id: 'jury-heading' }, t('exam.jury.heading')),
    h('p', { class: 'jury-answers__score' }, t('exam.jury.score', { count: score.sound, asked: score.asked })),
    h(
      'ol',
      {},
      ...questions.map((q) => {
        const chosen = answers[q.id];
        return h(
          'li',
          { 'data-sound': chosen === q.expected ? 'true' : 'false' },
          h('p', {}, h('strong', {}, questionText(q, index, lang, t))),
          h('p', {}, t('exam.jury.answered', { answer: option(q.kind, chosen) })),
          h(
            'p',
            { class: 'hint' },
            chosen === q.expected
              ? t('exam.jury.sound')
              : t('exam.jury.expected', { answer: option(q.kind, q.expected) }),
          ),
        );
      }),
    ),
  );
}
