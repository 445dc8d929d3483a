import { z } from 'zod';
import { RESULTS_KIND } from '../core/save/index.ts';
import { EXAM_MAX_SECONDS, EXAM_MIN_SECONDS } from '../core/exam/exam-timing.ts';
import { JOIN_CODE_PATTERN, normalizeCode } from './auth/secrets.ts';

/**
 * What each request may carry, as Zod schemas (the attempts themselves are checked one by one
 * with the save format's own AttemptSchema, so one bad attempt never rejects its neighbours).
 */

/** A pseudonym: a display name, not an identity. No control characters, no markup is ever rendered. */
export const PseudonymSchema = z
  .string()
  .transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      .min(1)
      .max(40)
      .regex(/^[^\p{Cc}\p{Cf}]+$/u),
  );

export const CodeSchema = z.string().max(20).transform(normalizeCode).pipe(z.string().regex(JOIN_CODE_PATTERN));

const DAY = 24 * 60 * 60 * 1000;

/** A duration of the exam rehearsal a class sets: the range a link may ask for (src/core/exam/exam-timing.ts). */
const ExamSecondsSchema = z.number().int().min(EXAM_MIN_SECONDS).max(EXAM_MAX_SECONDS);

export const CreateSessionSchema = z
  .strictObject({
    title: z
      .string()
      .transform((s) => s.trim())
      .pipe(z.string().min(1).max(120)),
    scenarios: z.array(z.string().min(1).max(80)).min(1).max(50),
    referential: z.string().min(1).max(40),
    mode: z.enum(['assisted', 'exam']),
    opensAt: z.number().int().nonnegative().nullable().optional(),
    closesAt: z.number().int().nonnegative().nullable().optional(),
    /** Days the session's data is kept after it closes (or after it is created, without a closing date). */
    retentionDays: z.number().int().min(1).max(400).optional(),
    /** The exam rehearsal's preparation and simulation, in whole seconds (docs/exam.md); null: 40 and 20 min. */
    prepSeconds: ExamSecondsSchema.nullable().optional(),
    simSeconds: ExamSecondsSchema.nullable().optional(),
  })
  .refine((s) => !s.opensAt || !s.closesAt || s.opensAt < s.closesAt, {
    message: 'closesAt must come after opensAt',
    path: ['closesAt'],
  });
export type CreateSession = z.infer<typeof CreateSessionSchema>;
export const DEFAULT_RETENTION_DAYS = 30;
export const RETENTION_UNIT_MS = DAY;

export const JoinSchema = z.strictObject({
  pseudonym: PseudonymSchema,
  /** The key this browser was given when it first joined: lets it come back under the same pseudonym. */
  key: z.string().min(10).max(100).optional(),
});

export const UploadSchema = z.strictObject({
  student: PseudonymSchema,
  /** A negosim-results document; its attempts are checked one by one. */
  results: z.looseObject({
    kind: z.literal(RESULTS_KIND),
    saveVersion: z.number().int(),
    attempts: z.array(z.unknown()).max(200),
  }),
});

export const ProgressSchema = z.strictObject({
  student: PseudonymSchema,
  attemptId: z.string().min(1).max(80),
  scenarioId: z.string().min(1).max(80),
  phase: z.enum(['briefing', 'prospection', 'discovery', 'argument', 'objection', 'closing', 'followup', 'debrief']),
});

export const LevelIdSchema = z.enum(['non-acquis', 'en-cours', 'acquis', 'maitrise']);

export const ReviewSchema = z.strictObject({
  comment: z.string().max(4000),
  overrides: z.record(z.string().min(1).max(20), LevelIdSchema.nullable()),
});

export const PasswordSchema = z.string().min(10).max(200);
export const SetupSchema = z.strictObject({ token: z.string().min(10).max(100), password: PasswordSchema });
export const LoginSchema = z.strictObject({ password: z.string().min(1).max(200) });

export const LangSchema = z.enum(['fr', 'en']).catch('fr');
