import { SCORING_MODEL_VERSION } from '../scoring/scoring-model.ts';
import type { Attempt, UnverifiedReason } from './format.ts';
import type { ReplayVerdict } from './verify-attempt.ts';

/** What an import does with each attempt of the file, before anything is stored. */
export interface ImportPlan {
  /** New attempts, marked again by the core (`replayed`) or kept without marks (`unverified`). */
  toStore: Attempt[];
  /** Attempts this save already has (same id): the save's own copy stays as it is. */
  known: number;
}

/**
 * Decides what to store: attempts already here are left alone, and every new one is replayed
 * by the core (`verify`, the replay bridge) and takes the marks and ending of that replay. One
 * the scenario refuses — or that this library cannot replay — is kept as unverified, with no
 * marks: a forged 20/20 never shows and never becomes a best mark.
 */
export function planImport(
  attempts: readonly Attempt[],
  known: ReadonlySet<string>,
  verify: (attempt: Attempt) => ReplayVerdict,
): ImportPlan {
  const toStore: Attempt[] = [];
  let knownCount = 0;
  for (const incoming of attempts) {
    if (known.has(incoming.id)) {
      knownCount++;
      continue;
    }
    // Whatever the file says about trust is the file's word only.
    const { trust: _claimed, unverified: _reason, ...attempt } = incoming;
    const verdict = verify(attempt);
    toStore.push(
      verdict.ok
        ? {
            ...attempt,
            endingId: verdict.endingId,
            marks: verdict.marks,
            trust: 'replayed',
            scoring: SCORING_MODEL_VERSION,
          }
        : { ...attempt, marks: {}, trust: 'unverified', unverified: verdict.reason },
    );
  }
  return { toStore, known: knownCount };
}

/** What an import did, told to the student exactly: what was stored, what was left out and why. */
export interface ImportReport {
  stored: number;
  /** Of the stored ones, those kept without marks, by reason. */
  unverified: Partial<Record<UnverifiedReason, number>>;
  skipped: {
    /** Already in this save, or listed twice in the file. */
    known: number;
    /** Not an attempt this NegoSim can read. */
    invalid: number;
    /** Left out because the save holds MAX_ATTEMPTS attempts. */
    full: number;
  };
}

export function importReport(
  stored: readonly Attempt[],
  skipped: { known: number; invalid: number; full: number },
): ImportReport {
  const unverified: Partial<Record<UnverifiedReason, number>> = {};
  for (const a of stored) if (a.unverified) unverified[a.unverified] = (unverified[a.unverified] ?? 0) + 1;
  return { stored: stored.length, unverified, skipped };
}
