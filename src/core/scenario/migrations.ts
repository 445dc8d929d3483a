import type { JsonObject, Migrator } from '../versioning/migrations.ts';
import { FORMAT_VERSION } from './format.ts';

/**
 * Scenario format migrations (fixtures in tests/fixtures/migrations/scenario/<from>/; the
 * meta-test refuses a migration without its fixture). To change the format: bump
 * FORMAT_VERSION, add `{ from, description, up }` here, and add the fixture.
 *
 * v1 → v2 (motives that matter): a frein gets an id ("frein-1", "frein-2"… in file order) so a
 * choice can reveal it (`effects.reveal: ["frein.frein-1"]`) and an argument target it;
 * `persona.needs[].hidden`, which no code ever read, is removed (no dead fields).
 */
export const scenarioMigrator: Migrator = {
  kind: 'scenario',
  current: FORMAT_VERSION,
  versionField: 'formatVersion',
  migrations: [{ from: 1, description: 'freins get ids; needs[].hidden removed', up: freinIdsNoHiddenNeeds }],
};

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function freinIdsNoHiddenNeeds(doc: JsonObject): JsonObject {
  const schema = typeof doc.$schema === 'string' ? doc.$schema.replace('scenario.v1.', 'scenario.v2.') : undefined;
  const out: JsonObject = { ...doc, ...(schema ? { $schema: schema } : {}) };
  // A document too broken to migrate is left as it is: validation then says what is wrong.
  if (!isObject(doc.persona)) return out;
  const persona: JsonObject = { ...doc.persona };
  if (Array.isArray(persona.freins))
    persona.freins = persona.freins.map((label: unknown, i) =>
      isObject(label) && 'id' in label ? label : { id: `frein-${i + 1}`, label },
    );
  if (Array.isArray(persona.needs))
    persona.needs = persona.needs.map((need: unknown) => {
      if (!isObject(need)) return need;
      const { hidden: _hidden, ...rest } = need;
      return rest;
    });
  return { ...out, persona };
}
