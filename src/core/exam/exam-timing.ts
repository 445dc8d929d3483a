import type { ExamRun } from '../save/format.ts';
import { EXAM_PREPARATION_MINUTES, EXAM_SIMULATION_MINUTES } from './fiche-sujet.ts';

const MINUTE = 60_000;
/** The shortest and longest durations a link (or a class session) may ask for, in seconds. */
export const EXAM_MIN_SECONDS = 1;
export const EXAM_MAX_SECONDS = 120 * 60;

/**
 * The durations of an exam rehearsal: 40 and 20 minutes, unless a "training" value in seconds
 * shortens them (a teacher's link, or a test: `?exam=<id>&prep=30&sim=300`). Anything that is
 * not a whole number of seconds in range is ignored.
 */
export function examLimits(
  asked: { prep?: string | null; sim?: string | null },
  classSet: ClassDurations = {},
): {
  prepLimitMs: number;
  simLimitMs: number;
} {
  return {
    prepLimitMs: inRange(classSet.prepSeconds) ?? seconds(asked.prep) ?? EXAM_PREPARATION_MINUTES * MINUTE,
    simLimitMs: inRange(classSet.simSeconds) ?? seconds(asked.sim) ?? EXAM_SIMULATION_MINUTES * MINUTE,
  };
}

/**
 * The durations a class session sets (seconds, docs/classroom.md): they win over a link's, as the
 * class's referential and mode win over the student's settings. Null or out of range: not set.
 */
export interface ClassDurations {
  prepSeconds?: number | null | undefined;
  simSeconds?: number | null | undefined;
}

function seconds(text: string | null | undefined): number | null {
  if (!text || !/^\d{1,5}$/.test(text)) return null;
  return inRange(Number(text));
}

function inRange(n: number | null | undefined): number | null {
  return typeof n === 'number' && Number.isInteger(n) && n >= EXAM_MIN_SECONDS && n <= EXAM_MAX_SECONDS
    ? n * 1000
    : null;
}

/** Milliseconds left of a countdown of `limitMs` begun at `startedAt`, at `now` (never below 0). */
export function remainingMs(limitMs: number, startedAt: number, now: number): number {
  return Math.max(0, Math.min(limitMs, startedAt + limitMs - now));
}

/** The exam run of a simulation that ended at `endedAt`: the time it took, counted from its start. */
export function withSimulationTime(exam: ExamRun, endedAt: number): ExamRun {
  if (exam.simStartedAt === undefined) return exam;
  return { ...exam, simMs: Math.max(0, endedAt - exam.simStartedAt) };
}

/** Minutes and seconds of a duration, rounded up to the second (a countdown shows 0:01 until it is over). */
export function clockOf(ms: number): { minutes: number; seconds: number } {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  return { minutes: Math.floor(total / 60), seconds: total % 60 };
}
