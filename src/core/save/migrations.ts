import type { JsonObject, Migrator } from '../versioning/migrations.ts';
import { V1_SAVE_PACK_ID } from '../referentials/load-referentials.ts';
import { SAVE_VERSION } from './format.ts';

/**
 * Save migrations, one per format change. Each has a before/after fixture in
 * tests/fixtures/migrations/save/<from>/ (tests/game/save.test.ts refuses one without it).
 *
 * v1 → v2: best marks were one number per scenario (the NRC mark, the only referential v1
 * knew); v2 keeps one per referential, and attempts name their referential.
 *
 * v2 → v3: the save moves to IndexedDB, one record per attempt. Best marks are no longer
 * stored: they are derived from the attempts whose marks are trusted, so a mark without the
 * event log that earned it (a hand-edited save, a forged file) can never become a best mark.
 */
export const saveMigrator: Migrator = {
  kind: 'save',
  current: SAVE_VERSION,
  versionField: 'saveVersion',
  migrations: [
    {
      from: 1,
      description: 'best marks per referential; attempts name their referential',
      up(doc: JsonObject): JsonObject {
        // Keys come from the save: a null-prototype object, so "__proto__" is only a key.
        const best = Object.create(null) as Record<string, unknown>;
        const oldBest = doc.best;
        if (oldBest && typeof oldBest === 'object' && !Array.isArray(oldBest)) {
          for (const [id, mark] of Object.entries(oldBest))
            best[id] = typeof mark === 'number' ? { [V1_SAVE_PACK_ID]: mark } : mark;
        }
        const attempts = Array.isArray(doc.attempts)
          ? doc.attempts.map((a: unknown) => {
              if (!a || typeof a !== 'object' || Array.isArray(a)) return a;
              const { mark, ...rest } = a as JsonObject;
              const marks = typeof mark === 'number' ? { [V1_SAVE_PACK_ID]: mark } : {};
              return { pack: V1_SAVE_PACK_ID, ...rest, marks };
            })
          : doc.attempts;
        return { ...doc, best, attempts };
      },
    },
    {
      from: 2,
      description: 'best marks are derived from the attempts, no longer stored',
      up(doc: JsonObject): JsonObject {
        const { best: _derivedNow, ...rest } = doc;
        return rest;
      },
    },
  ],
};
