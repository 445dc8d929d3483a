import type { App } from '../app/app.ts';
import type { Screen } from '../app/routes.ts';
import { h, replace } from '../dom/h.ts';
import { ficheSujet } from '../../core/exam/fiche-sujet.ts';
import { examLimits } from '../../core/exam/exam-timing.ts';
import { pickText } from '../../core/scenario/text.ts';
import { withCurrent, type InProgress, type PrepSheet } from '../../core/save/index.ts';
import type { CatalogEntry } from '../catalog/scenario-catalog.ts';
import { VisitController } from '../visit/visit-controller.ts';
import { keyToChoice } from '../widgets/choice-buttons.ts';
import { preparationPanel } from './briefing/preparation-panel.ts';
import { durationText, examTimer, type ExamTimer } from './exam/exam-timer.ts';
import { ficheView } from './exam/fiche-view.ts';
import { prepSheetForm } from './exam/prep-sheet.ts';
import { shell } from './shell.ts';

type Playable = Extract<CatalogEntry, { ok: true }>;

/**
 * « Répétition d'épreuve » (docs/exam.md): the fiche-sujet first; then, once the student starts
 * the preparation, the countdown en loge, the typed preparation sheet (kept in the save as it is
 * typed) and the scenario's preparation choices, and the way into the timed simulation.
 */
export async function examScreen(
  app: App,
  scenarioId: string,
  asked: { prep?: string | null; sim?: string | null } = {},
): Promise<Screen> {
  const [entries, refs] = await Promise.all([app.services.catalog(), app.services.referentials()]);
  const entry = entries.find((e): e is Playable => e.ok && e.id === scenarioId);
  if (!entry || !refs) return (await import('./library-screen.ts')).libraryScreen(app, scenarioId);
  const { scenario, index } = entry;
  const t = app.t;
  app.services.stage.showBackdrop();
  const fiche = ficheView(ficheSujet(scenario, app.lang), app.lang, t);
  const body = h('div', { class: 'exam' });
  const heading = `${t('exam.heading')} — ${pickText(scenario.meta.title, app.lang)}`;
  const root = shell(app, { name: 'exam', heading, back: { name: 'library' } }, body);
  let cleanup: () => void = () => undefined;
  let choices: HTMLElement | null = null;

  const current = app.save.current;
  const resumed =
    current?.scenarioId === scenarioId &&
    current.contentHash === entry.hash &&
    current.exam !== undefined &&
    !current.log.some((e) => e.type === 'player.start')
      ? current
      : null;

  const prepare = (record: InProgress) => {
    const exam = record.exam;
    if (!exam) return;
    const persist = (r: InProgress) => app.update((s) => withCurrent(s, r));
    const { controller } = VisitController.open(index, record, persist, () => app.services.clock.now());
    const keepSheet = (sheet: PrepSheet) => {
      const run = controller.record.exam;
      if (!run) return;
      controller.record = { ...controller.record, exam: { ...run, sheet } };
      persist(controller.record);
    };
    const timer: ExamTimer = examTimer(t, {
      label: t('exam.timer.preparation'),
      limitMs: exam.prepLimitMs,
      startedAt: exam.prepStartedAt,
      now: () => app.services.clock.now(),
      onEnd: () => app.toast(t('exam.timer.prepOver'), 'warning'),
    });
    const panel = preparationPanel(app, scenario, controller, {
      beforeStart: () => {
        const run = controller.record.exam;
        if (run) controller.record = { ...controller.record, exam: { ...run, simStartedAt: app.services.clock.now() } };
      },
    });
    choices = panel.choices;
    replace(
      body,
      timer.root,
      h('div', { class: 'exam__columns' }, fiche, prepSheetForm(exam.sheet ?? {}, t, keepSheet)),
      panel.panel,
    );
    cleanup = () => {
      timer.stop();
      controller.stop();
    };
  };

  if (resumed) prepare(resumed);
  else {
    const limits = examLimits(asked);
    const begin = () => {
      const now = app.services.clock.now();
      const record: InProgress = {
        id: `${scenarioId}-${now.toString(36)}`,
        scenarioId,
        scenarioVersion: scenario.meta.version,
        contentHash: entry.hash,
        seed: Math.floor(app.services.random() * 2 ** 31),
        pack: app.packIn(refs).id,
        mode: 'exam',
        lang: app.lang,
        startedAt: now,
        log: [],
        exam: { ...limits, prepStartedAt: now, sheet: {} },
      };
      app.update((s) => withCurrent(s, record));
      prepare(record);
      body.querySelector<HTMLElement>('#sheet-high')?.focus();
    };
    replace(
      body,
      h(
        'p',
        { class: 'exam__intro' },
        t('exam.intro', { prep: durationText(t, limits.prepLimitMs), sim: durationText(t, limits.simLimitMs) }),
      ),
      fiche,
      h(
        'button',
        { type: 'button', class: 'btn btn--primary btn--big', 'data-testid': 'start-prep', onclick: begin },
        t('exam.startPreparation'),
      ),
    );
  }
  return {
    root,
    title: t('exam.heading'),
    onKey: (e) => (choices ? keyToChoice(e, choices) : false),
    dispose: () => cleanup(),
  };
}
