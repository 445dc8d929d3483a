import { z } from 'zod';
import { KebabIdSchema, LocalIdSchema } from '../scenario/format.ts';
import { LocalizedTextSchema } from '../scenario/text.ts';
import { PathSchema } from './path.ts';

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

/**
 * Reference performances and the marks a BTS jury would give them (docs/scoring.md). Every
 * scenario carries one of each; the test-suite replays them under every referential and fails
 * when a mark leaves its band, or when two referentials disagree by more than two points.
 */
export const CALIBRATION_BANDS = {
  excellent: { min: 17, max: 20 },
  'good-one-slip': { min: 14, max: 17 },
  average: { min: 10, max: 13 },
  'recovered-early-mistake': { min: 5, max: 11 },
  'good-dialogue-capitulation': { min: 0, max: 10 },
  'catalogue-dump': { min: 0, max: 8 },
  'pretext-accepted': { min: 0, max: 9 },
  'length-guesser': { min: 0, max: 9 },
} as const satisfies Record<string, { min: number; max: number }>;
export type CalibrationBand = keyof typeof CALIBRATION_BANDS;
export const CALIBRATION_BAND_IDS = Object.keys(CALIBRATION_BANDS) as CalibrationBand[];
/** The most two referentials may disagree on one visit, in points /20. */
export const MAX_REFERENTIAL_GAP = 2;

export const PLAYTHROUGHS_VERSION = 2 as const;

const Mark = z.number().min(0).max(20);
/** Per referential pack, keyed by the pack's id (the packs themselves say which exist). */
const PerPack = <T extends z.ZodType>(schema: T) => z.record(z.string().regex(/^[a-z0-9-]{1,40}$/), schema);

const expectFields = z.strictObject({
  ending: LocalIdSchema.optional(),
  marks: PerPack(z.strictObject({ min: Mark.optional(), max: Mark.optional() })).optional(),
  weakest: PerPack(z.array(z.string()).min(1)).optional().describe('Competences expected among the three weakest.'),
  levelDrop: PerPack(z.string())
    .optional()
    .describe('For a one-mistake path: the competence whose level drops against the best path.'),
});

const common = {
  id: KebabIdSchema,
  description: LocalizedTextSchema,
  seed: z.number().int().optional(),
  path: PathSchema.min(1).describe('Choice ids and { "nego": move } steps, as `negosim play --choices` takes them.'),
  expect: expectFields,
};

/** A bad-habit or one-mistake path names the habit it shows: the test checks the path shows it. */
export const PlaythroughSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ ...common, kind: z.literal('best') }),
    z.strictObject({ ...common, kind: z.literal('other') }),
    z.strictObject({ ...common, kind: z.literal('bad-habit'), habit: z.enum(BAD_HABITS) }),
    z.strictObject({ ...common, kind: z.literal('one-mistake'), habit: z.enum(BAD_HABITS) }),
    z
      .strictObject({ ...common, kind: z.literal('calibration'), band: z.enum(CALIBRATION_BAND_IDS) })
      .describe('A reference performance and the band of marks a jury would give it (docs/scoring.md).'),
  ])
  .meta({ id: 'Playthrough' });

export const PlaythroughFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    formatVersion: z.literal(PLAYTHROUGHS_VERSION),
    scenario: KebabIdSchema,
    playthroughs: z.array(PlaythroughSchema).min(1),
  })
  .meta({ id: 'PlaythroughFile', title: `NegoSim expected playthroughs, format v${PLAYTHROUGHS_VERSION}` });

export type Playthrough = z.infer<typeof PlaythroughSchema>;
export type PlaythroughFile = z.infer<typeof PlaythroughFileSchema>;
