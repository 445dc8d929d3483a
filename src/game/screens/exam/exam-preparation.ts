import type { App } from '../../app/app.ts';
import { h, replace } from '../../dom/h.ts';
import { withCurrent, type InProgress, type PrepSheet } from '../../../core/save/index.ts';
import type { CatalogEntry } from '../../catalog/scenario-catalog.ts';
import { VisitController } from '../../visit/visit-controller.ts';
import { preparationPanel } from '../briefing/preparation-panel.ts';
import { examTimer } from './exam-timer.ts';
import { prepSheetForm } from './prep-sheet.ts';

type Playable = Extract<CatalogEntry, { ok: true }>;
export type PaperDoc = 'fiche' | 'blank' | 'sheet';

/** « Imprimer … » buttons: each opens the printable paper of the rehearsal (the paper screen). */
export function paperButtons(app: App, scenarioId: string, docs: PaperDoc[]): HTMLElement {
  return h(
    'div',
    { class: 'exam__paper no-print' },
    ...docs.map((doc) =>
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn--ghost btn--small',
          'data-paper': doc,
          onclick: () => void app.show({ name: 'paper', doc, scenarioId, back: app.current }),
        },
        app.t(`paper.open.${doc}`),
      ),
    ),
  );
}

/**
 * The preparation en loge of a rehearsal under way: its countdown, the fiche-sujet beside the
 * typed sheet (kept in the save at every keystroke), the scenario's preparation choices and the
 * way into the timed simulation. Returns the choices (for the number keys) and what stops it.
 */
export function openPreparation(
  app: App,
  entry: Playable,
  record: InProgress,
  fiche: HTMLElement,
  body: HTMLElement,
): { choices: HTMLElement; stop(): void } | null {
  const exam = record.exam;
  if (!exam) return null;
  const t = app.t;
  const now = () => app.services.clock.now();
  const persist = (r: InProgress) => app.update((s) => withCurrent(s, r));
  const { controller } = VisitController.open(entry.index, record, persist, now);
  const keepSheet = (sheet: PrepSheet) => {
    const run = controller.record.exam;
    if (!run) return;
    controller.record = { ...controller.record, exam: { ...run, sheet } };
    persist(controller.record);
  };
  const timer = examTimer(t, {
    label: t('exam.timer.preparation'),
    limitMs: exam.prepLimitMs,
    startedAt: exam.prepStartedAt,
    now,
    onEnd: () => app.toast(t('exam.timer.prepOver'), 'warning'),
  });
  const panel = preparationPanel(app, entry.scenario, controller, {
    beforeStart: () => {
      const run = controller.record.exam;
      if (run) controller.record = { ...controller.record, exam: { ...run, simStartedAt: now() } };
    },
  });
  replace(
    body,
    timer.root,
    paperButtons(app, entry.id, ['fiche', 'blank', 'sheet']),
    h('div', { class: 'exam__columns' }, fiche, prepSheetForm(exam.sheet ?? {}, t, keepSheet)),
    panel.panel,
  );
  return {
    choices: panel.choices,
    stop: () => {
      timer.stop();
      controller.stop();
    },
  };
}
