import type { VisitPhase } from '../phases.ts';
import type { ScenarioIndex } from '../scenario/scenario-index.ts';
import { openVisit } from './visit-session.ts';
import type { RefusalReason, VisitEvent, VisitInput } from './visit-types.ts';

/** The way a visit is played: only training (assisted) lets a student go back. */
export type PlayMode = 'assisted' | 'exam';

/**
 * A moment of a visit the student can go back to in training (docs/exam.md, « Practice freedom »):
 * `at` is the position in the log of the decision taken there; going back keeps the log before it.
 * `kind: 'start'` is the first moment after « start the visit » (the preparation is kept).
 */
export type DecisionPoint =
  | { kind: 'start'; at: number }
  | { kind: 'choice'; at: number; stage: VisitPhase; nodeId: string; choiceId: string }
  | { kind: 'negotiation'; at: number; stage: VisitPhase; nodeId: string; event: VisitEvent };

export type RewindRefusal = 'exam-mode' | 'not-a-decision-point' | 'replay-refused';
export type RewindResult =
  { ok: true; log: VisitEvent[] } | { ok: false; reason: RewindRefusal; detail?: RefusalReason };

/**
 * The moments of a visit under way that a student may restart from, oldest first: the start,
 * then every decision of the visit itself (preparation choices are not among them: they belong to
 * the briefing). Found by replaying the log, so each point names the node where it was taken.
 * Empty in an exam rehearsal, or before the visit has started.
 */
export function decisionPoints(
  index: ScenarioIndex,
  input: VisitInput,
  mode: PlayMode,
  log: readonly VisitEvent[],
): DecisionPoint[] {
  if (mode !== 'assisted') return [];
  const session = openVisit(index, input);
  const points: DecisionPoint[] = [];
  try {
    for (const [at, event] of log.entries()) {
      const before = session.context().cursor;
      const stage = session.stage();
      if (!session.send(event).ok) break;
      if (event.type === 'player.start') points.push({ kind: 'start', at: at + 1 });
      if (stage === 'briefing' || stage === 'debrief' || (before.kind !== 'node' && before.kind !== 'negotiation'))
        continue;
      if (event.type === 'player.choose')
        points.push({ kind: 'choice', at, stage, nodeId: before.id, choiceId: event.choiceId });
      else if (event.type === 'nego.move') points.push({ kind: 'negotiation', at, stage, nodeId: before.id, event });
    }
  } finally {
    session.stop();
  }
  return points;
}

/**
 * Goes back to a decision point: the log truncated before it, checked by replaying it. Refused
 * in an exam rehearsal (the jury does not let a candidate start again), and for a position that
 * is not one of `decisionPoints()`. Pure: the caller keeps the new log in place of the old one;
 * the abandoned branch is simply not kept (it was never filed as an attempt).
 */
export function rewindVisit(
  index: ScenarioIndex,
  input: VisitInput,
  mode: PlayMode,
  log: readonly VisitEvent[],
  at: number,
): RewindResult {
  if (mode !== 'assisted') return { ok: false, reason: 'exam-mode' };
  if (!decisionPoints(index, input, mode, log).some((p) => p.at === at))
    return { ok: false, reason: 'not-a-decision-point' };
  const kept = log.slice(0, at);
  const session = openVisit(index, input);
  try {
    for (const event of kept) {
      const r = session.send(event);
      if (!r.ok) return { ok: false, reason: 'replay-refused', detail: r.reason };
    }
  } finally {
    session.stop();
  }
  return { ok: true, log: kept };
}
