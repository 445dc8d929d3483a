import type { NegotiationPlayer } from './check/witness.ts';
import type { ScenarioIndex } from './scenario/scenario-index.ts';
import type { NegotiationReference } from './scoring/scoring-model.ts';
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

export function negotiationSupport(_index: ScenarioIndex): NegotiationSupport {
  return {};
}
