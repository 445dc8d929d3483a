import { z } from 'zod';
import { ScenarioSchema, SkillIdSchema } from './scenario/format.ts';
import { ReferentialPackSchema, SkillTaxonomySchema } from './referentials/formats.ts';
import { PlaythroughFileSchema } from './playthroughs/format.ts';
import { bundledReferentials } from './referentials/bundled.ts';

/**
 * The published JSON Schemas, generated from the Zod definitions (the single source of truth).
 * Skill ids get the taxonomy's list as an enum so that an editor autocompletes them; the
 * validator still reports an unknown skill with its own code and a suggestion.
 */
export const SCHEMA_FILES = {
  'scenario.v2.schema.json': ScenarioSchema,
  'skills.v1.schema.json': SkillTaxonomySchema,
  'referential.v2.schema.json': ReferentialPackSchema,
  'playthroughs.v2.schema.json': PlaythroughFileSchema,
} as const;

export function generateJsonSchema(name: keyof typeof SCHEMA_FILES): Record<string, unknown> {
  const schema = z.toJSONSchema(SCHEMA_FILES[name], {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      if (ctx.zodSchema === SkillIdSchema && name === 'scenario.v2.schema.json') {
        ctx.jsonSchema.enum = bundledReferentials().referentials?.skills.all.map((s) => s.id);
      }
    },
  });
  return { $id: `urn:negosim:schema:${name.replace(/\.schema\.json$/, '')}`, ...schema };
}

export function jsonSchemaText(name: keyof typeof SCHEMA_FILES): string {
  return JSON.stringify(generateJsonSchema(name), null, 2) + '\n';
}
