import type { Attempt } from '../../../core/save/index.ts';
import type { Evaluation } from '../../../core/scoring/evaluate.ts';
import type { App } from '../../app/app.ts';
import { h } from '../../dom/h.ts';
import { glossaryButton } from '../../widgets/glossary-dialog.ts';

/** Print, export, replay, another scenario, the glossary: what a student does after reading the jury's debrief. */
export function debriefActions(
  app: App,
  attempt: Attempt,
  scenario: { id: string; version: string | null; contentHash: string },
  evaluation: () => Evaluation,
): HTMLElement {
  const t = app.t;
  const exportJson = () => {
    const doc = { kind: 'negosim-attempt', attempt, scenario, evaluation: evaluation() };
    const url = URL.createObjectURL(new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' }));
    const a = h('a', { href: url, download: `negosim-${attempt.id}.json` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const button = (kind: string, label: string, onclick: () => void) =>
    h('button', { type: 'button', class: `btn btn--${kind}`, onclick }, label);
  return h(
    'div',
    { class: 'debrief__actions no-print' },
    button('secondary', t('debrief.print'), () => window.print()),
    button('secondary', t('debrief.export'), exportJson),
    button('secondary', t('grid.open'), () => void app.show({ name: 'grid', attemptId: attempt.id })),
    button('primary', t('debrief.replay'), () => void app.show({ name: 'briefing', scenarioId: scenario.id })),
    button('secondary', t('debrief.library'), () => void app.show({ name: 'library' })),
    glossaryButton({ lang: app.lang, t }),
  );
}
