import type { ReferentialPack } from '../referentials/formats.ts';
import type { ScenarioIndex } from '../scenario/scenario-index.ts';
import { marksByPack } from '../scoring/evaluate.ts';
import { replayVisit } from '../visit/visit-session.ts';
import type { VisitEvent } from '../visit/visit-types.ts';
import type { Attempt, Marks, UnverifiedReason } from './format.ts';

/** A scenario of the library as the replay needs it: its index and the hash of its text. */
export interface ReplayableScenario {
  index: ScenarioIndex;
  hash: string;
}

export type ReplayVerdict = { ok: true; endingId: string; marks: Marks } | { ok: false; reason: UnverifiedReason };

/**
 * What a file says about an attempt's marks is never taken on trust: its log is replayed on the
 * scenario it was played on and marked again under every pack. A log the rules refuse, an
 * unfinished visit, or another version of the scenario leaves the attempt unverified.
 */
export function verifyAttempt(
  scenario: ReplayableScenario | undefined,
  attempt: Attempt,
  packs: readonly ReferentialPack[],
): ReplayVerdict {
  if (!scenario) return { ok: false, reason: 'unknown-scenario' };
  // The same log on other content would be another visit: only the text it was played on counts.
  if (scenario.hash !== attempt.contentHash) return { ok: false, reason: 'scenario-changed' };
  // The save checked each event is small, plain JSON; the rules check what it means.
  const { session, refused } = replayVisit(scenario.index, { seed: attempt.seed }, attempt.log as VisitEvent[]);
  try {
    if (refused.length > 0) return { ok: false, reason: 'log-refused' };
    const ctx = session.context();
    if (!ctx.ending) return { ok: false, reason: 'not-ended' };
    return { ok: true, endingId: ctx.ending.id, marks: marksByPack(scenario.index, packs, ctx) };
  } finally {
    session.stop();
  }
}
