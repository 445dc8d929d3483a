import type { CheckOptions } from './check/check-scenario.ts';
import type { ScenarioIndex } from './scenario/scenario-index.ts';

/**
 * Everything a scenario's negotiation step needs from the negotiation model: the port the
 * visit rules call, the reference negotiators that bound the scores, and the bots that play
 * witness paths. Provisional until the negotiation model is wired in.
 */
export function negotiationSupport(_index: ScenarioIndex): CheckOptions {
  return {};
}
