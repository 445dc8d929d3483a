import { isStale, recordAttempt, remarkStale } from '../../core/save/index.ts';
import type { ReplayableScenario } from '../../core/save/verify-attempt.ts';
import type { CatalogEntry } from '../catalog/scenario-catalog.ts';
import type { App } from './app.ts';

/**
 * Before a screen lists marks, attempts marked by an earlier scoring model are marked again from
 * their logs (core/save/remark-stale.ts), so a student compares like with like. Nothing to do
 * costs one pass over the attempts; an attempt whose scenario changed keeps its marks.
 */
export async function refreshStaleMarks(app: App, catalog: readonly CatalogEntry[]): Promise<void> {
  if (!app.save.attempts.some(isStale)) return;
  const refs = await app.services.referentials();
  if (!refs) return;
  const library = new Map<string, ReplayableScenario>();
  for (const e of catalog) if (e.ok) library.set(e.id, { index: e.index, hash: e.hash });
  const { updated } = remarkStale(app.save.attempts, library, refs.packs);
  if (updated.length > 0) app.update((save) => updated.reduce(recordAttempt, save));
}
