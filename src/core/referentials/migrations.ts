import type { JsonObject, Migrator } from '../versioning/migrations.ts';
import { PACK_FORMAT_VERSION } from './formats.ts';

/**
 * Referential pack migrations (fixtures in tests/fixtures/migrations/pack/<from>/).
 *
 * v1 → v2: a pack names its short label and its diploma, and carries its scoring rules (the
 * scoring model of docs/scoring.md). A v1 pack gets the rules NegoSim's own packs start from.
 */
export const DEFAULT_SCORING_RULES = {
  faultWeight: 1,
  faultCap: 0.84,
  coverage: 0.5,
  severe: {
    skills: [
      'negotiation.illegal-terms',
      'negotiation.below-floor',
      'ethics.outside-mandate',
      'ethics.false-promise',
      'ethics.lie',
    ],
    competenceCap: 0.3,
    markCap: 10,
  },
};

export const packMigrator: Migrator = {
  kind: 'pack',
  current: PACK_FORMAT_VERSION,
  versionField: 'formatVersion',
  migrations: [
    {
      from: 1,
      description: 'short name, diploma and scoring rules',
      up(doc: JsonObject): JsonObject {
        const id = typeof doc.id === 'string' ? doc.id : '';
        const schema =
          typeof doc.$schema === 'string' ? doc.$schema.replace('referential.v1.', 'referential.v2.') : undefined;
        return {
          ...doc,
          ...(schema ? { $schema: schema } : {}),
          short: doc.short ?? id.toUpperCase(),
          diploma: doc.diploma ?? doc.title,
          scoring: doc.scoring ?? structuredClone(DEFAULT_SCORING_RULES),
        };
      },
    },
  ],
};
