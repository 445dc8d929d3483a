import { z } from 'zod';
import { LocalizedTextSchema as T } from '../scenario/text.ts';
import { SkillIdSchema } from '../scenario/format.ts';

/** The skill taxonomy: observable moves of a visit, each a piece of evidence for scoring. */
export const SkillTaxonomySchema = z
  .strictObject({
    $schema: z.string().optional(),
    formatVersion: z.literal(1),
    note: T.optional(),
    skills: z
      .array(
        z.strictObject({
          id: SkillIdSchema,
          polarity: z
            .enum(['positive', 'negative'])
            .describe('A negative skill is a poor habit: showing it costs points.'),
          label: T,
          description: T,
          source: z.string().optional().describe('Where the domain reference grounds it.'),
        }),
      )
      .min(1),
  })
  .meta({ id: 'SkillTaxonomy', title: 'NegoSim skill taxonomy, format v1' });

const CompetenceCode = z.string().regex(/^[A-Za-z0-9.]+$/);

export const PACK_FORMAT_VERSION = 2 as const;

/**
 * How a pack turns the evidence of a visit into levels and a mark (docs/scoring.md). Every
 * number is NegoSim's proposal, and the calibration playthroughs of each scenario hold it.
 */
export const ScoringRulesSchema = z
  .strictObject({
    faultWeight: z
      .number()
      .min(0)
      .max(3)
      .describe('How much a fault costs, as a share of what the best answer on offer would have earned.'),
    faultCap: z
      .number()
      .min(0)
      .max(1)
      .describe(
        'The highest score a competence keeps once the visit shows a fault of it: a mastered competence has none.',
      ),
    coverage: z
      .number()
      .min(0)
      .max(1)
      .describe("Share of a full visit's occasions a competence must have had to be judged on them alone."),
    severe: z
      .strictObject({
        skills: z
          .array(SkillIdSchema)
          .describe('Faults a jury does not let pass: an illegal term, a sale below the floor…'),
        competenceCap: z
          .number()
          .min(0)
          .max(1)
          .describe('The highest score a competence such a fault touches can keep.'),
        markCap: z.number().min(0).max(20).describe('The highest mark a visit with such a fault can get.'),
      })
      .describe('Severe faults cap the competences they touch and the mark.'),
  })
  .meta({ id: 'ScoringRules' });

/**
 * A referential pack: which competences a visit is marked on, how each skill counts for them,
 * the four levels and the conversion to a mark. The same scenario is marked against any pack.
 */
export const ReferentialPackSchema = z
  .strictObject({
    $schema: z.string().optional(),
    formatVersion: z.literal(PACK_FORMAT_VERSION),
    id: z.string().regex(/^[a-z0-9-]{1,40}$/),
    short: z.string().min(1).max(12).describe('Short name in tabs, lists and marks: « NDRC ».'),
    diploma: T.describe('The diploma, as the first launch asks which one the student prepares.'),
    title: T,
    source: T,
    disclaimer: T.describe('Shown in the debrief: what in this pack is not official.'),
    note: T.optional().describe('Choices made in the weights, for teachers.'),
    official: z.strictObject({ competences: z.boolean(), weights: z.boolean(), levels: z.boolean() }),
    competences: z
      .array(
        z.strictObject({
          code: CompetenceCode,
          group: z.string(),
          weight: z.number().min(0).max(1).describe('Share of the mark; 0 = shown in the debrief but not marked.'),
          optional: z
            .boolean()
            .optional()
            .describe('Only some scenarios exercise it (prospection criteria): no warning when a scenario does not.'),
          title: T,
        }),
      )
      .min(1),
    groups: z.array(z.strictObject({ id: z.string(), title: T })),
    levels: z
      .array(
        z.strictObject({
          id: z.enum(['non-acquis', 'en-cours', 'acquis', 'maitrise']),
          label: T,
          min: z.number().min(0).max(1),
        }),
      )
      .length(4)
      .describe('The four levels, from non acquis to maîtrisé, with the share of the available points each starts at.'),
    mark: z.strictObject({ outOf: z.literal(20), step: z.number().positive().max(1) }),
    scoring: ScoringRulesSchema,
    skillMap: z
      .record(SkillIdSchema, z.record(CompetenceCode, z.number().positive().max(3)))
      .describe('For each skill, how much it counts for each competence.'),
  })
  .meta({ id: 'ReferentialPack', title: `NegoSim referential pack, format v${PACK_FORMAT_VERSION}` });

export type SkillTaxonomy = z.infer<typeof SkillTaxonomySchema>;
export type Skill = SkillTaxonomy['skills'][number];
export type ReferentialPack = z.infer<typeof ReferentialPackSchema>;
export type Competence = ReferentialPack['competences'][number];
export type ScoringRules = z.infer<typeof ScoringRulesSchema>;
export type LevelId = ReferentialPack['levels'][number]['id'];
