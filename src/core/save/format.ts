import { z } from 'zod';

/**
 * The player's save, format v2: settings, results (every attempt with its full event log, and
 * the best mark per scenario and referential) and the visit in progress. Pure data: the
 * browser adapter (src/adapters/storage) does the reading and writing.
 *
 * A visit is stored as its event log, never as a score: the same scenario, seed and events
 * replay to the same evaluation, so a debrief can be rebuilt — under either referential — and
 * a visit interrupted by a reload resumes exactly where it stopped.
 */
export const SAVE_VERSION = 2 as const;
export const SAVE_KIND = 'negosim-save' as const;

export const PACKS = ['nrc', 'ndrc'] as const;
export const PackIdSchema = z.enum(PACKS);

export const SettingsSchema = z.object({
  /** null: follow the browser's language. */
  lang: z.enum(['fr', 'en']).nullable().default(null),
  volume: z.number().min(0).max(1).default(0.7),
  muted: z.boolean().default(false),
  textSize: z.enum(['normal', 'large', 'x-large']).default('normal'),
  /** 'system' follows prefers-reduced-motion. */
  reducedMotion: z.enum(['system', 'on', 'off']).default('system'),
  readAloud: z.boolean().default(false),
  /** Assisted shows the gauges and the feedback after each choice; exam-like keeps both for the debrief. */
  mode: z.enum(['assisted', 'exam']).default('assisted'),
  pack: PackIdSchema.default('nrc'),
  /** Low graphics: the client does not move (no gestures, no breathing). 'auto': when the browser draws without a GPU. */
  lowGraphics: z.enum(['auto', 'on', 'off']).default('auto'),
});
export type Settings = z.infer<typeof SettingsSchema>;
export const defaultSettings = (): Settings => SettingsSchema.parse({});

/** An event of the visit log, shaped loosely: the visit rules check it when it is replayed. */
const LoggedEventSchema = z.looseObject({ type: z.string().min(1) });

const attemptFields = {
  id: z.string().min(1).max(80),
  scenarioId: z.string().min(1).max(80),
  scenarioVersion: z.string().optional(),
  /** Hash of the scenario text it was played on: a replay on changed content is flagged. */
  contentHash: z.string().min(1).max(40),
  seed: z.number().int(),
  pack: PackIdSchema,
  mode: z.enum(['assisted', 'exam']),
  lang: z.enum(['fr', 'en']),
  /** Milliseconds since the epoch, from the clock adapter. */
  startedAt: z.number(),
  log: z.array(LoggedEventSchema).max(5000),
};

export const AttemptSchema = z.object({
  ...attemptFields,
  endedAt: z.number(),
  endingId: z.string(),
  /** The mark under each referential when it ended, for lists; the log stays the source of truth. */
  marks: z.partialRecord(PackIdSchema, z.number().min(0).max(20)),
});
export type Attempt = z.infer<typeof AttemptSchema>;

export const InProgressSchema = z.object(attemptFields);
export type InProgress = z.infer<typeof InProgressSchema>;

export const BestMarksSchema = z.record(z.string(), z.partialRecord(PackIdSchema, z.number().min(0).max(20)));
export type BestMarks = z.infer<typeof BestMarksSchema>;

export interface Save {
  kind: typeof SAVE_KIND;
  saveVersion: typeof SAVE_VERSION;
  settings: Settings;
  attempts: Attempt[];
  best: BestMarks;
  current: InProgress | null;
}

export const emptySave = (): Save => ({
  kind: SAVE_KIND,
  saveVersion: SAVE_VERSION,
  settings: defaultSettings(),
  attempts: [],
  best: {},
  current: null,
});

/** At most this many attempts are kept (oldest dropped first): a save stays well under storage quotas. */
export const MAX_ATTEMPTS = 500;
