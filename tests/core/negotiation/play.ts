import { expect } from 'vitest';
import {
  applyNegotiationMove,
  NEGATIVE_NEGOTIATION_SKILLS,
  type ClientResponse,
  type Evidence,
  type Influence,
  type NegotiationMove,
  type NegotiationSpec,
  type NegotiationState,
  startNegotiation,
} from '../../../src/core/negotiation/index.ts';
import { seedRng } from '../../../src/core/random.ts';

export interface Table {
  state: NegotiationState;
  opening: ClientResponse;
  responses: ClientResponse[];
  /** Evidence of each move, in order. */
  evidence: Evidence[][];
}

/** Opens a negotiation and plays moves that must all be accepted as moves. */
export function play(spec: NegotiationSpec, influence: Influence, moves: NegotiationMove[], seed = 1): Table {
  const start = startNegotiation(spec, influence, seedRng(seed));
  let { state, rng } = start;
  const table: Table = { state, opening: start.response, responses: [], evidence: [] };
  for (const move of moves) {
    const outcome = applyNegotiationMove(spec, state, move, rng);
    if (!outcome.ok) expect.fail(`move ${JSON.stringify(move)} refused: ${JSON.stringify(outcome.reason)}`);
    ({ state, rng } = outcome);
    table.responses.push(outcome.response);
    table.evidence.push(outcome.evidence);
  }
  table.state = state;
  return table;
}

export function skills(evidence: readonly Evidence[]): string[] {
  return evidence.map((e) => e.skill);
}

/** A rough jury reading of evidence: positive skills add their strength, negative ones subtract it. */
export function balance(evidence: readonly Evidence[]): number {
  const negative = new Set<string>(NEGATIVE_NEGOTIATION_SKILLS);
  return evidence.reduce((sum, e) => sum + (negative.has(e.skill) ? -1 : 1) * (e.strength ?? 1), 0);
}
