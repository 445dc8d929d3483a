import type { NegotiationPlayer } from './check/witness.ts';
import {
  applyNegotiationMove,
  bestNegotiator,
  bestNegotiatorFrom,
  NegotiationMoveSchema,
  negotiationEvidenceBounds,
  negotiationOutcomeKey,
  negotiationResult,
  startNegotiation,
  worstNegotiator,
  worstNegotiatorFrom,
  type Influence,
  type NegotiationMove,
  type NegotiationSpec,
  type NegotiationState,
} from './negotiation/index.ts';
import { choiceQuality } from './scenario/choice-quality.ts';
import { skillById } from './referentials/bundled.ts';
import type { ScenarioIndex } from './scenario/scenario-index.ts';
import type { NegotiationReference } from './scoring/scoring-model.ts';
import { negotiationToken } from './visit/path-tokens.ts';
import type { NegotiationPort } from './visit/negotiation-port.ts';
import type { VisitContext } from './visit/visit-types.ts';

/**
 * Everything a scenario's negotiation step needs from the negotiation model: the port the
 * visit rules call, the reference negotiators that bound the scores, the bots that play
 * witness paths, and the result figures for the evaluation. Empty for a scenario without one.
 */
export interface NegotiationSupport {
  negotiation?: NegotiationPort;
  negotiationReference?: NegotiationReference;
  negotiationPlayer?: NegotiationPlayer;
  negotiationResult?: (ctx: VisitContext) => unknown;
}

/** The seed of the reference negotiations that set what "the best a seller can do" is worth. */
const REFERENCE_SEED = 1;

const cache = new WeakMap<ScenarioIndex, NegotiationSupport>();

export function negotiationSupport(index: ScenarioIndex): NegotiationSupport {
  const cached = cache.get(index);
  if (cached) return cached;
  const spec = index.scenario.phases.closing.negotiation;
  const support = spec ? supportFor(spec) : {};
  cache.set(index, support);
  return support;
}

function supportFor(spec: NegotiationSpec): NegotiationSupport {
  const stateOf = (ctx: VisitContext) => ctx.negotiation as NegotiationState | null;
  const negotiation: NegotiationPort = {
    open(_index, ctx) {
      const started = startNegotiation(spec, influenceOf(_index, ctx), ctx.rng);
      return { state: started.state, rng: started.rng };
    },
    check(_index, ctx, move) {
      // A trial run: the agent alone knows whether the terms are acceptable as a proposal.
      const state = stateOf(ctx);
      if (!state || state.status !== 'open') return 'negotiation-over';
      const parsed = NegotiationMoveSchema.safeParse(move);
      if (!parsed.success) return 'invalid-move';
      const outcome = applyNegotiationMove(spec, state, parsed.data as NegotiationMove, ctx.rng);
      return outcome.ok ? null : outcome.reason.code;
    },
    move(_index, ctx, move) {
      const state = stateOf(ctx);
      if (!state) return { ok: false, reason: 'negotiation-over' };
      const parsed = NegotiationMoveSchema.safeParse(move);
      if (!parsed.success) return { ok: false, reason: 'invalid-move' };
      const outcome = applyNegotiationMove(spec, state, parsed.data as NegotiationMove, ctx.rng);
      if (!outcome.ok) return { ok: false, reason: outcome.reason.code };
      const key = negotiationOutcomeKey(outcome.state);
      return {
        ok: true,
        state: outcome.state,
        rng: outcome.rng,
        // The client's irritation in the negotiation shows on its face like any other.
        gauges: {
          ...ctx.gauges,
          irritation: Math.max(
            ctx.gauges.irritation,
            Math.round((100 * outcome.state.irritation) / Math.max(1, outcome.state.patience)),
          ),
        },
        evidence: outcome.evidence,
        response: outcome.response,
        ...(key ? { outcome: key } : {}),
      };
    },
  };
  const best = bestNegotiator(spec, { trust: 100, interest: 100, valueEstablished: true }, REFERENCE_SEED);
  const worst = worstNegotiator(spec, { trust: 0, interest: 0, valueEstablished: false }, REFERENCE_SEED);
  const negotiationPlayer: NegotiationPlayer = {
    play(session, mode) {
      const ctx = session.context();
      const state = stateOf(ctx);
      if (!state) return [];
      const game =
        mode === 'max' ? bestNegotiatorFrom(spec, state, ctx.rng) : worstNegotiatorFrom(spec, state, ctx.rng);
      const tokens: string[] = [];
      for (const move of game.moves) {
        if (!session.send({ type: 'nego.move', move }).ok) break;
        tokens.push(negotiationToken(move));
      }
      if (session.context().cursor.kind === 'negotiation') {
        session.send({ type: 'nego.move', move: { type: 'leave' } });
        tokens.push(negotiationToken({ type: 'leave' }));
      }
      return tokens;
    },
  };
  return {
    negotiation,
    negotiationReference: { best: best.evidence, worst: worst.evidence, upper: upperEvidence(spec) },
    negotiationPlayer,
    negotiationResult: (ctx) => {
      const state = stateOf(ctx);
      return state ? negotiationResult(spec, state) : null;
    },
  };
}

/** Every positive skill the step allows, at full strength: more than any real negotiation can score. */
function upperEvidence(spec: NegotiationSpec) {
  return Object.entries(negotiationEvidenceBounds(spec)).flatMap(([skill, cap]) =>
    skillById(skill)?.polarity === 'positive' && cap > 0 ? [{ skill, strength: 3 }] : [],
  );
}

/**
 * What the dialogue brings to the negotiation: the client's trust and interest, and whether the
 * seller established value before the price — a good argument step (CAP, proof, benefit).
 */
function influenceOf(index: ScenarioIndex, ctx: VisitContext): Influence {
  const valueEstablished = ctx.steps.some(
    (s) =>
      s.kind === 'choice' &&
      s.stage === 'argument' &&
      choiceQuality(index.choices.get(s.choiceId)?.choice.skills, (id) => skillById(id)?.polarity) === 'good',
  );
  return { trust: ctx.gauges.trust, interest: ctx.gauges.interest, valueEstablished };
}
