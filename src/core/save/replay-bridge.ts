import { evaluateVisitFor } from '../evaluate-visit.ts';
import { negotiationSupport } from '../negotiation-support.ts';
import { packs } from '../referentials/bundled.ts';
import type { ScenarioIndex } from '../scenario/scenario-index.ts';
import { createVisitSession } from '../visit/visit-session.ts';
import type { VisitEvent } from '../visit/visit-types.ts';
import type { Attempt, Marks, UnverifiedReason } from './format.ts';

/**
 * The save's only use of the core's visit and scoring API (issue 9 is changing it: this is the
 * one module to re-point). Replays an attempt's log on its scenario and marks it again under
 * every loaded referential, so what a file says about its marks is never taken on trust.
 */

/** A scenario of the library as the replay needs it: its index and the hash of its text. */
export interface ReplayableScenario {
  index: ScenarioIndex;
  hash: string;
}

export type ReplayVerdict = { ok: true; endingId: string; marks: Marks } | { ok: false; reason: UnverifiedReason };

export function replayAttempt(scenario: ReplayableScenario | undefined, attempt: Attempt): ReplayVerdict {
  if (!scenario) return { ok: false, reason: 'unknown-scenario' };
  // The same log on other content would be another visit: only the text it was played on counts.
  if (scenario.hash !== attempt.contentHash) return { ok: false, reason: 'scenario-changed' };
  const { index } = scenario;
  const support = negotiationSupport(index);
  const session = createVisitSession(
    index,
    { seed: attempt.seed },
    support.negotiation ? { negotiation: support.negotiation } : {},
  );
  try {
    for (const event of attempt.log) if (!session.send(event as unknown as VisitEvent).ok) return refused();
    const ctx = session.context();
    if (!ctx.ending) return { ok: false, reason: 'not-ended' };
    const marks: Marks = {};
    for (const [id, pack] of Object.entries(packs)) marks[id as keyof Marks] = evaluateVisitFor(index, pack, ctx).mark;
    return { ok: true, endingId: ctx.ending.id, marks };
  } catch {
    // The rules refuse what they do not know; an event shaped to make them throw is refused too.
    return refused();
  } finally {
    session.stop();
  }
}

const refused = (): ReplayVerdict => ({ ok: false, reason: 'log-refused' });
