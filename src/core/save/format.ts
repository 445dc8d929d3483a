import { z } from 'zod';
import { inertJson } from './inert-json.ts';

/**
 * The player's save, format v3: settings, results (every attempt with its full event log) and
 * the visit in progress. Pure data: the browser adapter (src/adapters/storage) keeps each part
 * as its own IndexedDB record, one per attempt.
 *
 * A visit is stored as its event log, never as a score: the same scenario, seed and events
 * replay to the same evaluation, so a debrief can be rebuilt — under either referential — and
 * a visit interrupted by a reload resumes exactly where it stopped.
 *
 * Everything here may come from outside (a damaged save, a file a classmate sent): ids have a
 * charset and a length, numbers and dates a range, logs a size, and nothing keyed by outside
 * data is a plain object (see bestFromAttempts).
 */
export const SAVE_VERSION = 3 as const;
export const SAVE_KIND = 'negosim-save' as const;

/** A referential pack's id (its file says which): the save never lists the packs itself. */
export const PackIdSchema = z.string().regex(/^[a-z0-9-]{1,40}$/);

/** The latest instant a JavaScript date can hold (ECMA-262 §21.4.1.1): anything later cannot be shown. */
export const MAX_TIME = 8.64e15;
/** Milliseconds since the epoch (or since a visit opened), as a date can show it. */
export const TimeSchema = z.number().int().min(0).max(MAX_TIME);

/**
 * Scenario ids are the scenario format's own `meta.id` (KebabIdSchema): same charset, same
 * length. Written here rather than imported so the boot does not load the whole scenario format
 * for one rule; tests/core/save-hostile.test.ts fails if the two ever differ.
 */
export const SCENARIO_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const SCENARIO_ID_MAX = 80;
export const ScenarioIdSchema = z.string().regex(SCENARIO_ID_PATTERN).max(SCENARIO_ID_MAX);
/**
 * An attempt id is `<scenario id>-<start time in base 36>` (the briefing makes it). Its longest
 * form follows from the two limits above: the longest scenario id, a hyphen, and the latest
 * date in base 36 — so an 80-character `meta.id` never makes an id the save then refuses.
 */
export const ATTEMPT_ID_MAX = SCENARIO_ID_MAX + 1 + MAX_TIME.toString(36).length;
export const AttemptIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase letters, digits and single hyphens')
  .max(ATTEMPT_ID_MAX);

/** Seeds are 32-bit (the generator's whole state is one 32-bit integer); negative ones come from old links. */
export const SeedSchema = z
  .number()
  .int()
  .min(-(2 ** 31))
  .max(2 ** 32 - 1);

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
  /** The referential the student prepares for; null until they say (the first launch asks). */
  pack: PackIdSchema.nullable().default(null),
  /**
   * Low graphics: the client does not move (no gestures, no breathing). 'auto': when the browser draws without a
   * GPU.
   */
  lowGraphics: z.enum(['auto', 'on', 'off']).default('auto'),
  /** The name printed on the jury grid: asked once, kept in this browser only. */
  studentName: z.string().max(80).default(''),
  /**
   * Spoken answers (docs/exam.md): say each answer aloud before the choices appear — in exam
   * rehearsals (the default), in every visit, or never. The recordings are not in the save.
   */
  spokenAnswers: z.enum(['exam', 'always', 'off']).default('exam'),
});
export type Settings = z.infer<typeof SettingsSchema>;
export const defaultSettings = (): Settings => SettingsSchema.parse({});

/** At most this many events in one visit's log (a real visit has about fifty). */
export const MAX_LOG_EVENTS = 5000;
/** One logged event, as JSON: a choice, a note (at most 2,000 characters), a negotiation move. */
export const MAX_EVENT_CHARS = 8000;

/**
 * An event of the visit log, shaped loosely — the visit rules check it when it is replayed —
 * but inert: plain JSON, shallow, small, with no `__proto__` key anywhere.
 */
const LoggedEventSchema = z
  .looseObject({
    type: z
      .string()
      .regex(/^[a-z]+\.[a-z-]+$/)
      .max(40),
    at: TimeSchema.optional(),
  })
  .refine((e) => inertJson(e, { maxDepth: 6, maxChars: MAX_EVENT_CHARS }), 'not plain, small JSON');

const MarkSchema = z.number().min(0).max(20);
export const MarksSchema = z.partialRecord(PackIdSchema, MarkSchema);
export type Marks = z.infer<typeof MarksSchema>;

/** One field of the exam preparation sheet: typed by the student, at most this many characters. */
export const MAX_SHEET_FIELD = 2000;
/** The fields of the preparation sheet, in the order the sheet shows them (docs/exam.md). */
export const PREP_SHEET_FIELDS = [
  'high',
  'realistic',
  'fallback',
  'motives',
  'objections',
  'arguments',
  'listPrice',
  'floorPrice',
  'concessions',
  'counterparts',
] as const;
export type PrepSheetField = (typeof PREP_SHEET_FIELDS)[number];
export const PrepSheetSchema = z.partialRecord(z.enum(PREP_SHEET_FIELDS), z.string().max(MAX_SHEET_FIELD));
export type PrepSheet = z.infer<typeof PrepSheetSchema>;

/** The longest preparation (40 min en loge) and simulation (20 min) an exam rehearsal allows. */
const ExamLimitSchema = z
  .number()
  .int()
  .min(1000)
  .max(2 * 60 * 60 * 1000);

/**
 * An exam rehearsal (docs/exam.md): the time allowed for the preparation and the simulation,
 * when each began (clock time), the time the simulation took once it ended, and the sheet
 * the student typed while preparing. Optional: attempts from before it read as they were.
 */
export const ExamRunSchema = z.object({
  prepLimitMs: ExamLimitSchema,
  simLimitMs: ExamLimitSchema,
  prepStartedAt: TimeSchema,
  simStartedAt: TimeSchema.optional(),
  /** Milliseconds from the start of the simulation to its end. */
  simMs: TimeSchema.optional(),
  sheet: PrepSheetSchema.optional(),
  /** The jury's questions answered after the simulation: question id → the justification chosen. */
  jury: z
    .record(
      z
        .string()
        .regex(/^[a-z]+-[A-Za-z0-9_.-]*$/)
        .max(120),
      z.string().regex(/^[a-z-]{1,40}$/),
    )
    .optional(),
});
export type ExamRun = z.infer<typeof ExamRunSchema>;

const attemptFields = {
  id: AttemptIdSchema,
  scenarioId: ScenarioIdSchema,
  scenarioVersion: z
    .string()
    .regex(/^\d+\.\d+\.\d+$/)
    .max(40)
    .optional(),
  /** Hash of the scenario text it was played on: a replay on changed content is flagged. */
  contentHash: z
    .string()
    .regex(/^[0-9a-f]+$/)
    .min(1)
    .max(40),
  seed: SeedSchema,
  pack: PackIdSchema,
  mode: z.enum(['assisted', 'exam']),
  lang: z.enum(['fr', 'en']),
  /** Milliseconds since the epoch, from the clock adapter. */
  startedAt: TimeSchema,
  log: z.array(LoggedEventSchema).max(MAX_LOG_EVENTS),
  /** Present when the visit was played as an exam rehearsal. */
  exam: ExamRunSchema.optional(),
};

/**
 * Why an imported attempt could not be replayed: its scenario is not in this library, the
 * scenario changed since it was played, or the scenario refuses its log (or the log stops
 * before an ending).
 */
export const UNVERIFIED_REASONS = ['unknown-scenario', 'scenario-changed', 'log-refused', 'not-ended'] as const;
export type UnverifiedReason = (typeof UNVERIFIED_REASONS)[number];

export const AttemptSchema = z.object({
  ...attemptFields,
  endedAt: TimeSchema,
  endingId: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/)
    .max(80),
  /** The mark under each referential when it ended, for lists; the log stays the source of truth. */
  marks: MarksSchema,
  /**
   * Where the marks come from. Absent: this game recorded them when the visit ended. `replayed`:
   * an imported attempt whose log the core replayed and marked again. `unverified`: an imported
   * attempt the core could not replay; it keeps no marks and never counts as a best mark.
   */
  trust: z.enum(['replayed', 'unverified']).optional(),
  /**
   * The scoring model its marks come from (docs/scoring.md). Absent: before model 2. A stale
   * attempt is marked again from its log when its scenario is unchanged (remarkStale); otherwise
   * it keeps the marks it had, shown as the former scale.
   */
  scoring: z.number().int().min(1).max(1000).optional(),
  unverified: z.enum(UNVERIFIED_REASONS).optional(),
});
export type Attempt = z.infer<typeof AttemptSchema>;

export const InProgressSchema = z.object(attemptFields);
export type InProgress = z.infer<typeof InProgressSchema>;

/** Best mark per scenario and referential. A null-prototype object: its keys come from outside. */
export type BestMarks = Readonly<Record<string, Marks>>;

export interface Save {
  kind: typeof SAVE_KIND;
  saveVersion: typeof SAVE_VERSION;
  settings: Settings;
  attempts: Attempt[];
  /** Derived from the attempts whose marks are trusted (bestFromAttempts); never stored. */
  best: BestMarks;
  current: InProgress | null;
}

export const emptySave = (): Save => ({
  kind: SAVE_KIND,
  saveVersion: SAVE_VERSION,
  settings: defaultSettings(),
  attempts: [],
  best: Object.create(null) as BestMarks,
  current: null,
});

/**
 * Imports stop adding attempts at this many in the save. It never removes one: a student's own
 * attempts are always kept (there is no cap on them), and an import past the cap reports the
 * attempts it left out. See docs/game.md, "Save format".
 */
export const MAX_ATTEMPTS = 2000;

/** Marks of an attempt count (results, best marks) unless the core could not replay it. */
export function isTrusted(attempt: Attempt): boolean {
  return attempt.trust !== 'unverified';
}
