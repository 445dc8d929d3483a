import { pickText } from '../../../core/scenario/text.ts';
import { feedbackOf } from '../../../present/feedback.ts';
import { h, replace } from '../../dom/h.ts';
import type { VisitUi } from './visit-ui.ts';

const MARKS = { good: '✓', neutral: '•', poor: '!' } as const;

/** The jury's word after each step, in assisted mode; the exam-like mode keeps it for the debrief. */
export function renderFeedback(ui: VisitUi): void {
  const { t, lang, regions } = ui;
  const step = ui.last ? ui.controller.context().steps[ui.last.step] : undefined;
  if (!ui.assisted || !ui.last || !step) {
    replace(regions.feedback);
    return;
  }
  const view = feedbackOf(ui.entry.index, step, lang, t);
  const persona = ui.entry.scenario.persona;
  replace(
    regions.feedback,
    h(
      'aside',
      { class: `feedback feedback--${view.quality}`, 'aria-label': t('feedback.heading') },
      h(
        'p',
        { class: 'feedback__verdict' },
        h('span', { class: 'feedback__icon', 'aria-hidden': 'true' }, MARKS[view.quality]),
        t(`feedback.${view.quality}`),
      ),
      ...view.lines.map((line) => h('p', {}, line)),
      view.better ? h('p', { class: 'feedback__better' }, t('feedback.better', { text: view.better })) : null,
      view.betterChoice
        ? h('p', { class: 'feedback__better' }, t('feedback.betterChoice', { text: view.betterChoice }))
        : null,
      ...ui.last.discovered.map((n) =>
        h(
          'p',
          { class: 'feedback__need' },
          t('feedback.discovered', { need: pickText(persona.needs.find((x) => x.id === n)?.label, lang) }),
        ),
      ),
    ),
  );
}
