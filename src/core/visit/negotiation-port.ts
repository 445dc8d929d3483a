import type { Gauge } from '../scenario/conditions.ts';
import type { ScenarioIndex } from '../scenario/scenario-index.ts';
import type { RngState } from '../random.ts';
import type { VisitContext } from './visit-types.ts';

/**
 * How the visit rules reach the numeric negotiation step. Kept behind this small port so the
 * dialogue rules do not depend on the negotiation model's internals, and tests of the
 * dialogue can run without it.
 */
export interface NegotiationPort {
  /** Opens the step when the dialogue reaches it; the dialogue's trust and interest feed the client agent. */
  open(index: ScenarioIndex, ctx: VisitContext): { state: unknown; rng: RngState };
  /** Why a move cannot be played now, or null. */
  check(index: ScenarioIndex, ctx: VisitContext, move: unknown): string | null;
  move(
    index: ScenarioIndex,
    ctx: VisitContext,
    move: unknown,
  ):
    | { ok: false; reason: string }
    | {
        ok: true;
        state: unknown;
        rng: RngState;
        gauges?: Record<Gauge, number>;
        evidence: { skill: string; strength?: number; note?: string }[];
        /** The client's answer to the move. */
        response?: unknown;
        /** Set when the negotiation is over: which of the step's outcomes the visit follows. */
        outcome?: 'deal' | 'noDeal' | 'walkAway';
      };
}

/** Used until a scenario's negotiation model is wired in: every move is refused. */
export const noNegotiation: NegotiationPort = {
  open: (_index, ctx) => ({ state: null, rng: ctx.rng }),
  check: () => 'negotiation-unavailable',
  move: () => ({ ok: false, reason: 'negotiation-unavailable' }),
};
