import { bestNegotiatorFrom, worstNegotiatorFrom } from '../negotiation/index.ts';
import type { PathStep } from '../playthroughs/path.ts';
import type { VisitSession } from '../visit/visit-session.ts';

/**
 * Plays the negotiation step of a session to its end with a reference negotiator — the best
 * for 'max', the worst for 'min' — and returns the moves as path steps. The witness plays of
 * `negosim check` and `negosim play --negotiator` use it, so a reported path replays exactly.
 */
export function playNegotiation(session: VisitSession, mode: 'max' | 'min'): PathStep[] {
  const ctx = session.context();
  const spec = session.rules.negotiation?.spec;
  const state = ctx.negotiation;
  if (!spec || !state) return [];
  const game = mode === 'max' ? bestNegotiatorFrom(spec, state, ctx.rng) : worstNegotiatorFrom(spec, state, ctx.rng);
  const steps: PathStep[] = [];
  for (const move of game.moves) {
    if (!session.send({ type: 'nego.move', move }).ok) break;
    steps.push({ nego: move });
  }
  if (session.context().cursor.kind === 'negotiation') {
    session.send({ type: 'nego.move', move: { type: 'leave' } });
    steps.push({ nego: { type: 'leave' } });
  }
  return steps;
}
