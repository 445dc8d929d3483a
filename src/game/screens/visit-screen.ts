import type { App } from '../app/app.ts';
import type { Screen } from '../app/routes.ts';
import { h, replace } from '../dom/h.ts';
import { pickText } from '../../core/scenario/text.ts';
import { withCurrent, type InProgress } from '../../core/save/index.ts';
import { settingOf } from '../../core/visit/visit-rules.ts';
import { VisitController } from '../visit/visit-controller.ts';
import { keyToChoice } from '../widgets/choice-buttons.ts';
import { renderVisit } from './visit/visit-dialogue.ts';
import { fileAttempt, onVisitEffects } from './visit/visit-effects.ts';
import { renderFeedback } from './visit/visit-feedback.ts';
import { renderRewind } from './visit/practice-rewind.ts';
import { visitLayout } from './visit/visit-layout.ts';
import type { Playable, VisitUi } from './visit/visit-ui.ts';
import { examTimer } from './exam/exam-timer.ts';
import { prepSheetPanel } from './exam/prep-sheet.ts';
import { stopSpoken } from '../voice/spoken-gate.ts';

/** The visit itself: the drawn client behind, the dialogue, choices and notebook in front. */
/** Screens from which the visit screen opens on a visit that is not being resumed. */
const STARTS_OR_REWINDS: ReadonlySet<string> = new Set(['briefing', 'exam', 'visit']);

export async function visitScreen(app: App): Promise<Screen> {
  const record = app.save.current;
  if (!record) return (await import('./title-screen.ts')).titleScreen(app);
  const [entries, refs] = await Promise.all([app.services.catalog(), app.services.referentials()]);
  const entry = entries.find((e): e is Playable => e.ok && e.id === record.scenarioId);
  if (!refs || !entry || entry.hash !== record.contentHash) return dropRecord(app);
  if (!record.log.some((e) => e.type === 'player.start'))
    return record.exam
      ? (await import('./exam-screen.ts')).examScreen(app, record.scenarioId)
      : (await import('./briefing-screen.ts')).briefingScreen(app, record.scenarioId);
  const persist = (r: InProgress) => app.update((s) => withCurrent(s, r));
  const { controller, refused } = VisitController.open(entry.index, record, persist, () => app.services.clock.now());
  if (refused > 0) return dropRecord(app);

  const t = app.t;
  const persona = entry.scenario.persona;
  const regions = visitLayout(app, t, t('visit.heading', { client: persona.name, company: persona.company }));
  const ui: VisitUi = {
    app,
    t,
    lang: app.lang,
    entry,
    controller,
    regions,
    assisted: record.mode === 'assisted',
    last: null,
    file: () => fileAttempt(ui, refs),
    render: () => {
      renderVisit(ui);
      renderFeedback(ui);
      renderRewind(ui);
    },
  };
  const setting = settingOf(entry.index, controller.session.stage());
  app.services.stage.showVisit(setting, persona.look ?? {});
  app.services.audio.ambience(setting);
  controller.on(onVisitEffects(ui, refs));
  // A class session hears of the phase and of the finished attempt (after this screen filed it).
  void import('../classroom/index.ts').then((c) => c.watchVisit(controller, () => app.save));
  if (controller.context().ending) fileAttempt(ui, refs);
  confirmBeforeLeaving(ui);
  const stopClock = examClock(ui);
  ui.render();
  // Coming back to a visit under way (a reload, "continue"): say so where the eyes are. Not when
  // the briefing or the exam's preparation has just started it, nor after a rewind (it says its own).
  if (record.log.length > 1 && !STARTS_OR_REWINDS.has(app.current.name))
    replace(regions.feedback, h('p', { class: 'notice resumed' }, t('visit.resumed')));
  return {
    root: regions.root,
    title: pickText(entry.scenario.meta.title, app.lang),
    onKey: (e) => keyToChoice(e, regions.choices),
    dispose: () => {
      stopClock();
      stopSpoken(controller);
      controller.stop();
      app.services.speech.cancel();
    },
  };
}

/**
 * An exam rehearsal's simulation: the countdown from the moment the simulation began, and the
 * preparation sheet, read-only. When the time is up the visit ends as a departure (the jury
 * stops the candidate), recorded like any other leaving.
 */
function examClock(ui: VisitUi): () => void {
  const run = ui.controller.record.exam;
  if (!run || run.simStartedAt === undefined) return () => undefined;
  const { app, t } = ui;
  replace(ui.regions.notes, prepSheetPanel(run.sheet ?? {}, t));
  if (ui.controller.context().ending) return () => undefined;
  const timer = examTimer(t, {
    label: t('exam.timer.simulation'),
    limitMs: run.simLimitMs,
    startedAt: run.simStartedAt,
    now: () => app.services.clock.now(),
    onEnd: () => {
      if (ui.controller.context().ending) return;
      app.toast(t('exam.timer.simOver'), 'warning');
      ui.controller.send({ type: 'player.leave' });
      ui.render();
    },
  });
  replace(ui.regions.clock, timer.root);
  // Once the visit has ended, the time it took is filed: the countdown stops where it was.
  ui.controller.on((emitted) => {
    if (emitted.some((e) => e.type === 'visit.ended')) timer.stop();
  });
  return () => timer.stop();
}

/** Leaving ends the visit (it is marked): the first press asks, the second confirms. */
function confirmBeforeLeaving(ui: VisitUi): void {
  let asked = false;
  ui.regions.leave.addEventListener('click', () => {
    if (!asked) {
      asked = true;
      ui.regions.leave.textContent = ui.t('visit.leaveConfirm');
      return;
    }
    ui.controller.send({ type: 'player.leave' });
    ui.render();
  });
}

async function dropRecord(app: App): Promise<Screen> {
  app.update((s) => withCurrent(s, null));
  app.toast(app.t('visit.resumeFailed'), 'warning');
  return (await import('./library-screen.ts')).libraryScreen(app);
}
