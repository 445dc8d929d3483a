import type { App } from '../app/app.ts';
import type { Screen } from '../app/routes.ts';
import { h, replace } from '../dom/h.ts';
import { ficheSujet } from '../../core/exam/fiche-sujet.ts';
import { examLimits } from '../../core/exam/exam-timing.ts';
import { pickText } from '../../core/scenario/text.ts';
import { withCurrent, type InProgress } from '../../core/save/index.ts';
import type { CatalogEntry } from '../catalog/scenario-catalog.ts';
import { classLocks } from '../classroom/locks.ts';
import { keyToChoice } from '../widgets/choice-buttons.ts';
import { durationText } from './exam/exam-timer.ts';
import { ficheView } from './exam/fiche-view.ts';
import { openPreparation, paperButtons } from './exam/exam-preparation.ts';
import { shell } from './shell.ts';

type Playable = Extract<CatalogEntry, { ok: true }>;

/** The rehearsal under way for this scenario, if it is still before the simulation. */
function resumable(app: App, entry: Playable): InProgress | null {
  const current = app.save.current;
  return current?.scenarioId === entry.id &&
    current.contentHash === entry.hash &&
    current.exam !== undefined &&
    !current.log.some((e) => e.type === 'player.start')
    ? current
    : null;
}

/** A new rehearsal's record: the countdown of the preparation begins now. */
function newRecord(app: App, entry: Playable, pack: string, limits: ReturnType<typeof examLimits>): InProgress {
  const now = app.services.clock.now();
  return {
    id: `${entry.id}-${now.toString(36)}`,
    scenarioId: entry.id,
    scenarioVersion: entry.scenario.meta.version,
    contentHash: entry.hash,
    seed: Math.floor(app.services.random() * 2 ** 31),
    pack,
    mode: 'exam',
    lang: app.lang,
    startedAt: now,
    log: [],
    exam: { ...limits, prepStartedAt: now, sheet: {} },
  };
}

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
  const t = app.t;
  app.services.stage.showBackdrop();
  const fiche = ficheView(ficheSujet(entry.scenario, app.lang), app.lang, t);
  const body = h('div', { class: 'exam' });
  const heading = `${t('exam.heading')} — ${pickText(entry.scenario.meta.title, app.lang)}`;
  const root = shell(app, { name: 'exam', heading, back: { name: 'library' } }, body);
  let running: ReturnType<typeof openPreparation> = null;

  const resumed = resumable(app, entry);
  if (resumed) running = openPreparation(app, entry, resumed, fiche, body);
  else {
    // In a class, its referential and, for its scenarios, the durations the teacher set (docs/exam.md).
    const locks = classLocks();
    const limits = examLimits(asked, locks?.scenarios.includes(scenarioId) ? locks : {});
    const begin = () => {
      const record = newRecord(app, entry, locks?.pack ?? app.packIn(refs).id, limits);
      app.update((s) => withCurrent(s, record));
      running = openPreparation(app, entry, record, fiche, body);
      body.querySelector<HTMLElement>('#sheet-high')?.focus();
    };
    const intro = t('exam.intro', {
      prep: durationText(t, limits.prepLimitMs),
      sim: durationText(t, limits.simLimitMs),
    });
    replace(
      body,
      h('p', { class: 'exam__intro' }, intro),
      paperButtons(app, scenarioId, ['fiche', 'blank']),
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
    onKey: (e) => (running ? keyToChoice(e, running.choices) : false),
    dispose: () => running?.stop(),
  };
}
