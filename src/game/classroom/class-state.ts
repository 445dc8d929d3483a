import { z } from 'zod';
import { AttemptSchema, PackIdSchema, type Attempt } from '../../core/save/index.ts';

/**
 * What this browser knows of the class it joined, and what it still has to send. Kept in its
 * own localStorage key, beside the save (which keeps every attempt as today): the queue only
 * holds copies to upload, and an item leaves it only when the server has answered for it.
 */
export const CLASS_KEY = 'negosim.classroom';

const SessionSchema = z.object({
  code: z.string(),
  title: z.string(),
  scenarios: z.array(z.string()),
  referential: z.string(),
  mode: z.enum(['assisted', 'exam']),
  /** The exam rehearsal's durations the teacher set, in seconds (absent or null: 40 and 20 minutes). */
  prepSeconds: z.number().nullable().optional(),
  simSeconds: z.number().nullable().optional(),
});

const QueueItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('attempt'), attempt: AttemptSchema }),
  z.object({
    kind: z.literal('progress'),
    attemptId: z.string(),
    scenarioId: z.string(),
    phase: z.string(),
  }),
]);

export const ClassStateSchema = z.object({
  session: SessionSchema,
  pseudonym: z.string(),
  key: z.string(),
  queue: z.array(QueueItemSchema).default([]),
  /** Attempt ids the server has taken, and those it refused with a code. */
  sent: z.array(z.string()).default([]),
  refused: z.array(z.object({ id: z.string(), code: z.string() })).default([]),
});
export type ClassState = z.infer<typeof ClassStateSchema>;
export type QueueItem = ClassState['queue'][number];

/** Reads the stored state; anything damaged is dropped (the save still has every attempt). */
export function readClassState(raw: string | null): ClassState | null {
  if (!raw) return null;
  try {
    const parsed = ClassStateSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Queues a finished attempt once (by id), unless the server already has it. */
export function queueAttempt(state: ClassState, attempt: Attempt): ClassState {
  if (!state.session.scenarios.includes(attempt.scenarioId)) return state;
  if (state.sent.includes(attempt.id)) return state;
  if (state.queue.some((q) => q.kind === 'attempt' && q.attempt.id === attempt.id)) return state;
  // The attempt says more than any progress of the same visit: the progress is dropped.
  const queue = state.queue.filter((q) => !(q.kind === 'progress' && q.attemptId === attempt.id));
  return { ...state, queue: [...queue, { kind: 'attempt', attempt }] };
}

/** Only the latest phase of a visit matters: it replaces an older one still waiting. */
export function queueProgress(state: ClassState, progress: { attemptId: string; scenarioId: string; phase: string }) {
  if (!state.session.scenarios.includes(progress.scenarioId)) return state;
  const queue = state.queue.filter((q) => q.kind !== 'progress');
  return { ...state, queue: [...queue, { kind: 'progress' as const, ...progress }] };
}

/** The server answered for this item: it leaves the queue, and an attempt is remembered as sent or refused. */
export function acknowledge(state: ClassState, item: QueueItem, refusedCode?: string): ClassState {
  const queue = state.queue.filter((q) => q !== item && !sameItem(q, item));
  if (item.kind !== 'attempt') return { ...state, queue };
  const id = item.attempt.id;
  return refusedCode
    ? { ...state, queue, refused: [...state.refused, { id, code: refusedCode }].slice(-100) }
    : { ...state, queue, sent: [...state.sent.filter((s) => s !== id), id].slice(-1000) };
}

function sameItem(a: QueueItem, b: QueueItem): boolean {
  if (a.kind === 'attempt' && b.kind === 'attempt') return a.attempt.id === b.attempt.id;
  if (a.kind === 'progress' && b.kind === 'progress') return a.attemptId === b.attemptId && a.phase === b.phase;
  return false;
}

/**
 * The referential and mode the class locks for this student (when the game knows the referential),
 * and for the class's scenarios, the exam rehearsal's durations (docs/exam.md).
 */
export function locksOf(state: ClassState | null) {
  if (!state) return null;
  const pack = PackIdSchema.safeParse(state.session.referential);
  const { mode, scenarios, prepSeconds, simSeconds } = state.session;
  return { pack: pack.success ? pack.data : undefined, mode, scenarios, prepSeconds, simSeconds };
}
