import type { JsonObject, Migrator } from '../versioning/migrations.ts';
import { PLAYTHROUGHS_VERSION } from './format.ts';

/**
 * Playthrough file migrations (fixtures in tests/fixtures/migrations/playthroughs/<from>/).
 *
 * v1 → v2: negotiation moves were JSON escaped inside strings (`"@nego{\\"type\\":…}"`); they
 * become typed steps `{ "nego": { "type": … } }`. A string that is not valid JSON after the
 * prefix is left as it was, so the schema reports it with its path.
 */
const LEGACY_NEGO_PREFIX = '@nego';

function upgradeStep(step: unknown): unknown {
  if (typeof step !== 'string' || !step.startsWith(LEGACY_NEGO_PREFIX)) return step;
  try {
    return { nego: JSON.parse(step.slice(LEGACY_NEGO_PREFIX.length)) as unknown };
  } catch {
    return step;
  }
}

export const playthroughsMigrator: Migrator = {
  kind: 'playthroughs',
  current: PLAYTHROUGHS_VERSION,
  versionField: 'formatVersion',
  migrations: [
    {
      from: 1,
      description: 'negotiation moves as typed { nego } steps instead of escaped JSON strings',
      up(doc: JsonObject): JsonObject {
        const playthroughs = Array.isArray(doc.playthroughs)
          ? doc.playthroughs.map((p: unknown) => {
              if (!p || typeof p !== 'object' || Array.isArray(p)) return p;
              const entry = p as JsonObject;
              return Array.isArray(entry.path) ? { ...entry, path: entry.path.map(upgradeStep) } : entry;
            })
          : doc.playthroughs;
        const schema =
          typeof doc.$schema === 'string' ? doc.$schema.replace('playthroughs.v1.', 'playthroughs.v2.') : undefined;
        return { ...doc, ...(schema ? { $schema: schema } : {}), playthroughs };
      },
    },
  ],
};
