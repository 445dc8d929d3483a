import type { JsonObject, Migrator } from '../versioning/migrations.ts';
import { SAVE_VERSION } from './format.ts';

/**
 * Save migrations, one per format change. Each has a before/after fixture in
 * tests/fixtures/migrations/save/<from>/ (tests/game/save-migrations.test.ts refuses one
 * without it).
 *
 * v1 → v2: best marks were one number per scenario (the NRC mark, the only referential v1
 * knew); v2 keeps one per referential, and attempts name their referential.
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
        const best: Record<string, unknown> = {};
        const oldBest = doc.best;
        if (oldBest && typeof oldBest === 'object' && !Array.isArray(oldBest)) {
          for (const [id, mark] of Object.entries(oldBest)) best[id] = typeof mark === 'number' ? { nrc: mark } : mark;
        }
        const attempts = Array.isArray(doc.attempts)
          ? doc.attempts.map((a: unknown) => {
              if (!a || typeof a !== 'object' || Array.isArray(a)) return a;
              const { mark, ...rest } = a as JsonObject;
              return { pack: 'nrc', ...rest, marks: typeof mark === 'number' ? { nrc: mark } : {} };
            })
          : doc.attempts;
        return { ...doc, best, attempts };
      },
    },
  ],
};
