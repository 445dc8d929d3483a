import type { ReferentialPack } from '../referentials/formats.ts';
import { SCORING_MODEL_VERSION } from '../scoring/scoring-model.ts';
import type { Attempt } from './format.ts';
import { verifyAttempt, type ReplayableScenario } from './verify-attempt.ts';

export interface Remarked {
  /** Attempts marked again from their log under today's model, to store in place of the old. */
  updated: Attempt[];
  /** Stale attempts whose scenario changed since: they keep their marks, shown as the former scale. */
  kept: number;
}

/**
 * A mark is only comparable with marks of the same model. When the scoring model changes, every
 * finished attempt whose scenario text is unchanged is replayed from its log and marked again;
 * the others keep what they had — a student's result is never dropped, only labelled. An
 * unverified import has no marks to refresh and stays as it is.
 */
export function remarkStale(
  attempts: readonly Attempt[],
  library: ReadonlyMap<string, ReplayableScenario>,
  packs: readonly ReferentialPack[],
): Remarked {
  const updated: Attempt[] = [];
  let kept = 0;
  for (const attempt of attempts) {
    if (!isStale(attempt)) continue;
    const verdict = verifyAttempt(library.get(attempt.scenarioId), attempt, packs);
    if (verdict.ok)
      updated.push({ ...attempt, endingId: verdict.endingId, marks: verdict.marks, scoring: SCORING_MODEL_VERSION });
    else kept++;
  }
  return { updated, kept };
}

/** Marked by an earlier model (and not an unverified import, which has no marks). */
export function isStale(attempt: Attempt): boolean {
  return attempt.trust !== 'unverified' && (attempt.scoring ?? 1) < SCORING_MODEL_VERSION;
}
