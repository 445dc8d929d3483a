import type { App } from '../app/app.ts';
import type { Screen } from '../app/routes.ts';
import { h } from '../dom/h.ts';
import { pickText } from '../../core/scenario/text.ts';
import { withCurrent, type InProgress } from '../../core/save/index.ts';
import type { CatalogEntry } from '../catalog/scenario-catalog.ts';
import { VisitController } from '../visit/visit-controller.ts';
import { keyToChoice } from '../widgets/choice-buttons.ts';
import { briefSheet } from './briefing/brief-sheet.ts';
import { preparationPanel } from './briefing/preparation-panel.ts';
import { shell } from './shell.ts';
import { classLocks } from '../classroom/locks.ts';
import type { Referentials } from '../../core/referentials/load-referentials.ts';

type Playable = Extract<CatalogEntry, { ok: true }>;

/** The briefing: the preparation sheet on one side, the preparation itself on the other. */
export async function briefingScreen(app: App, scenarioId: string, seed?: number): Promise<Screen> {
  const [entries, refs] = await Promise.all([app.services.catalog(), app.services.referentials()]);
  const entry = entries.find((e): e is Playable => e.ok && e.id === scenarioId);
  if (!entry || !refs) return (await import('./library-screen.ts')).libraryScreen(app, scenarioId);
  const { scenario, index } = entry;
  app.services.stage.showBackdrop();

  // Continue a briefing already under way for this scenario; otherwise a fresh attempt.
  const current = app.save.current;
  const existing = current?.scenarioId === scenarioId && current.contentHash === entry.hash ? current : null;
  const now = app.services.clock.now();
  const record: InProgress = existing ?? {
    id: `${scenarioId}-${now.toString(36)}`,
    scenarioId,
    scenarioVersion: scenario.meta.version,
    contentHash: entry.hash,
    seed: seed ?? Math.floor(app.services.random() * 2 ** 31),
    // A class session locks the referential and the mode; a lock naming a pack this game does
    // not ship (a newer server) falls back to the player's own rather than marking under nothing.
    pack: lockedPack(refs) ?? app.packIn(refs).id,
    mode: classLocks()?.mode ?? app.save.settings.mode,
    lang: app.lang,
    startedAt: now,
    log: [],
  };
  const persist = (r: InProgress) => app.update((s) => withCurrent(s, r));
  const { controller } = VisitController.open(index, record, persist, () => app.services.clock.now());
  const { panel, choices } = preparationPanel(app, scenario, controller);
  const heading = `${app.t('briefing.heading')} — ${pickText(scenario.meta.title, app.lang)}`;
  const root = shell(
    app,
    { name: 'briefing', heading, back: { name: 'library' } },
    h('div', { class: 'briefing' }, briefSheet(scenario, app.lang, app.t), panel),
  );
  return {
    root,
    title: pickText(scenario.meta.title, app.lang),
    onKey: (e) => keyToChoice(e, choices),
    dispose: () => controller.stop(),
  };
}

function lockedPack(refs: Referentials): string | undefined {
  const locked = classLocks()?.pack;
  return locked !== undefined && refs.pack(locked) ? locked : undefined;
}
