import {
  applyNegotiationMove,
  negotiationOutcomeKey,
  startNegotiation,
  type ClientResponse,
  type Evidence,
  type Influence,
  type MoveRefusal,
  type NegotiationMove,
  type NegotiationSpec,
  type NegotiationState,
} from '../negotiation/index.ts';
import type { RngState } from '../random.ts';
import type { Gauge } from '../scenario/conditions.ts';
import type { ScenarioIndex } from '../scenario/scenario-index.ts';
import type { VisitContext } from './visit-types.ts';

/**
 * The numeric negotiation as the visit rules drive it. Built from the scenario's own spec by
 * the rules themselves (never passed in), so a visit with a negotiation step always has it.
 */
export interface NegotiationStep {
  spec: NegotiationSpec;
  /** Opens the step: the dialogue's trust and interest, and whether value came before price, feed the client. */
  open(ctx: VisitContext): { state: NegotiationState; rng: RngState };
  /** Plays one move, once: the refusal or everything the visit needs from it. */
  move(ctx: VisitContext, state: NegotiationState, move: NegotiationMove): NegotiationStepResult;
}

export type NegotiationStepResult =
  | { ok: false; refusal: MoveRefusal }
  | {
      ok: true;
      state: NegotiationState;
      rng: RngState;
      gauges: Record<Gauge, number>;
      evidence: Evidence[];
      response: ClientResponse;
      /** Set when the negotiation is over: which of the step's outcomes the visit follows. */
      outcome: keyof NegotiationSpec['outcomes'] | null;
    };

export function negotiationStep(index: ScenarioIndex): NegotiationStep | null {
  const spec = index.scenario.phases.closing.negotiation;
  if (!spec) return null;
  return {
    spec,
    open(ctx) {
      const started = startNegotiation(spec, influenceOf(index, ctx), ctx.rng);
      return { state: started.state, rng: started.rng };
    },
    move(ctx, state, move) {
      const outcome = applyNegotiationMove(spec, state, move, ctx.rng);
      if (!outcome.ok) return { ok: false, refusal: outcome.reason };
      const irritation = Math.round((100 * outcome.state.irritation) / Math.max(1, outcome.state.patience));
      return {
        ok: true,
        state: outcome.state,
        rng: outcome.rng,
        // The client's irritation at the table shows on its face like any other.
        gauges: { ...ctx.gauges, irritation: Math.max(ctx.gauges.irritation, irritation) },
        evidence: outcome.evidence,
        response: outcome.response,
        outcome: negotiationOutcomeKey(outcome.state),
      };
    },
  };
}

/**
 * What the dialogue brings to the negotiation: the client's trust and interest, and whether the
 * seller established value before the price — a good argument step (CAP, proof, benefit).
 */
function influenceOf(index: ScenarioIndex, ctx: VisitContext): Influence {
  const valueEstablished = ctx.steps.some(
    (s) => s.kind === 'choice' && s.stage === 'argument' && index.qualityOf(s.choiceId) === 'good',
  );
  return { trust: ctx.gauges.trust, interest: ctx.gauges.interest, valueEstablished };
}
