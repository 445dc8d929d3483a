import { z } from 'zod';
import { KebabIdSchema, LocalIdSchema } from '../scenario/format.ts';
import { LocalizedTextSchema } from '../scenario/text.ts';

/**
 * Expected playthroughs: paths through a scenario with the marks a jury would give them,
 * shipped next to the scenario as `<id>.playthroughs.json` and replayed by the test-suite
 * (like Yarn Spinner's test plans). They pin down how a scenario scores: the best path, a
 * player who keeps a bad habit all along, and the best path spoiled by one such mistake.
 */
export const BAD_HABITS = [
  'catalogue-before-discovery',
  'discount-at-every-objection',
  'missed-buying-signals',
  'pretext-at-face-value',
  'promises-outside-mandate',
] as const;
export type BadHabit = (typeof BAD_HABITS)[number];

/** The skills that show each habit: a playthrough claiming a habit must show at least one. */
export const HABIT_SIGNATURES: Record<BadHabit, readonly string[]> = {
  'catalogue-before-discovery': ['contact.premature-pitch', 'argument.catalogue-dump', 'discovery.skipped'],
  'discount-at-every-objection': [
    'objection.discount-reflex',
    'negotiation.concession-without-counterpart',
    'negotiation.max-discount-at-once',
  ],
  'missed-buying-signals': ['closing.buying-signal-missed'],
  'pretext-at-face-value': ['objection.pretext-accepted'],
  'promises-outside-mandate': ['ethics.outside-mandate', 'ethics.false-promise', 'negotiation.below-floor'],
};

const Mark = z.number().min(0).max(20);
const PerPack = <T extends z.ZodType>(schema: T) => z.strictObject({ nrc: schema.optional(), ndrc: schema.optional() });

export const PlaythroughSchema = z
  .strictObject({
    id: KebabIdSchema,
    kind: z.enum(['best', 'bad-habit', 'one-mistake', 'other']),
    habit: z.enum(BAD_HABITS).optional().describe('Required for "bad-habit" and "one-mistake".'),
    description: LocalizedTextSchema,
    seed: z.number().int().optional(),
    path: z
      .array(z.string().min(1))
      .min(1)
      .describe('Choice ids and @nego{…} moves, as `negosim play --choices` takes them.'),
    expect: z.strictObject({
      ending: LocalIdSchema.optional(),
      marks: PerPack(z.strictObject({ min: Mark.optional(), max: Mark.optional() })).optional(),
      weakest: PerPack(z.array(z.string()).min(1)).optional().describe('Competences expected among the three weakest.'),
      levelDrop: PerPack(z.string())
        .optional()
        .describe('For a one-mistake path: the competence whose level drops against the best path.'),
    }),
  })
  .meta({ id: 'Playthrough' });

export const PlaythroughFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    formatVersion: z.literal(1),
    scenario: KebabIdSchema,
    playthroughs: z.array(PlaythroughSchema).min(1),
  })
  .meta({ id: 'PlaythroughFile', title: 'NegoSim expected playthroughs, format v1' });

export type Playthrough = z.infer<typeof PlaythroughSchema>;
export type PlaythroughFile = z.infer<typeof PlaythroughFileSchema>;
