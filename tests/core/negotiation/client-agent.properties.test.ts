import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../../support/runs.ts';
import {
  applyNegotiationMove,
  type ClientResponse,
  type Influence,
  MAX_ROUNDS,
  type NegotiationMove,
  type NegotiationSpec,
  negotiationEvidenceBounds,
  type NegotiationState,
  paymentIllegality,
  startNegotiation,
  type Terms,
} from '../../../src/core/negotiation/index.ts';
import { termFavour } from '../../../src/core/negotiation/item-scales.ts';
import { seedRng } from '../../../src/core/random.ts';
import { influenceArb, type Meet, moveArb, resolveMove, seedArb } from './arbitraries.ts';
import { car, copier } from './fixtures.ts';

interface Played {
  states: NegotiationState[];
  responses: ClientResponse[];
  refusals: string[];
}

/** Plays a sequence and checks, after every move, what must always hold. */
function playChecked(
  spec: NegotiationSpec,
  influence: Influence,
  seed: number,
  moves: (NegotiationMove | Meet)[],
): Played {
  const start = startNegotiation(spec, influence, seedRng(seed));
  let { state, rng } = start;
  const played: Played = { states: [state], responses: [start.response], refusals: [] };
  const bounds = negotiationEvidenceBounds(spec);
  let lastCounter: Terms = start.response.kind === 'counter-offer' ? start.response.terms : {};

  for (const planned of moves) {
    const move = resolveMove(spec, state, planned);
    const before = structuredClone(state);
    const outcome = applyNegotiationMove(spec, state, move, rng);
    expect(state, 'the input state is never modified').toEqual(before);
    if (!outcome.ok) {
      expect(outcome.reason.code).not.toBe('internal-error');
      if (state.status !== 'open') expect(outcome.reason.code).toBe('negotiation-over');
      played.refusals.push(outcome.reason.code);
      continue;
    }
    const previousLevel = state.level;
    ({ state, rng } = outcome);
    const { response } = outcome;
    played.states.push(state);
    played.responses.push(response);

    expect(JSON.parse(JSON.stringify(state)), 'the state is plain JSON').toEqual(state);
    expect(state.irritation).toBeGreaterThanOrEqual(0);
    expect(state.irritation).toBeLessThanOrEqual(state.patience);
    expect(state.level).toBeGreaterThanOrEqual(previousLevel);
    expect(state.level).toBeLessThanOrEqual(1);
    expect(state.round).toBeLessThanOrEqual(MAX_ROUNDS);
    for (const [skill, count] of Object.entries(state.evidenceCounts))
      expect(count).toBeLessThanOrEqual(bounds[skill as keyof typeof bounds]);

    if (response.kind === 'accept') {
      expect(state.status).toBe('deal');
      for (const [kind, target] of Object.entries(state.targets))
        expect(
          termFavour(spec, response.terms, kind as never).gte(target.reservation),
          `accepted ${kind} within reservation`,
        ).toBe(true);
      if (response.terms.paymentDays) expect(paymentIllegality(response.terms.paymentDays)).toBeNull();
    }
    if (response.kind === 'walk-away')
      expect(state.irritation >= state.patience || state.round >= MAX_ROUNDS).toBe(true);
    if (state.status === 'open') expect(state.irritation).toBeLessThan(state.patience);
    if (response.kind === 'counter-offer') {
      for (const { kind } of spec.items) {
        if (kind === 'services') {
          for (const id of response.terms.services ?? [])
            expect(lastCounter.services ?? [], 'a dropped service never comes back').toContain(id);
        } else {
          const now = termFavour(spec, response.terms, kind);
          expect(now.lte(termFavour(spec, lastCounter, kind)), `the client never asks more ${kind} than before`).toBe(
            true,
          );
        }
        const target = state.targets[kind];
        if (target)
          expect(
            termFavour(spec, response.terms, kind).gte(target.reservation),
            `its demand on ${kind} stays within its reservation`,
          ).toBe(true);
      }
      lastCounter = response.terms;
    }
  }
  return played;
}

const specs = [
  ['a copier rental negotiated on a discount', copier],
  ['a car sale negotiated on the price', car],
] as const;

describe.each(specs)('the client agent in %s', (_name, spec) => {
  const sequences = fc.array(moveArb(spec), { minLength: 1, maxLength: 40 });

  it('never accepts worse than its reservation, never asks more than it asked before, and keeps its gauges bounded', () => {
    fc.assert(
      fc.property(influenceArb, seedArb, sequences, (influence, seed, moves) => {
        playChecked(spec, influence, seed, moves);
      }),
      runs(1500),
    );
  });

  it('answers the same way to the same moves with the same seed', () => {
    fc.assert(
      fc.property(influenceArb, seedArb, sequences, (influence, seed, moves) => {
        expect(playChecked(spec, influence, seed, moves)).toEqual(playChecked(spec, influence, seed, moves));
      }),
      runs(300),
    );
  });

  it('walks away from a seller who only stalls, within its patience', () => {
    fc.assert(
      fc.property(
        influenceArb,
        seedArb,
        fc.array(fc.constantFrom<NegotiationMove>({ type: 'refuse' }, { type: 'offer', terms: {} }), {
          minLength: 60,
          maxLength: 60,
        }),
        (influence, seed, moves) => {
          const played = playChecked(spec, influence, seed, moves);
          const last = played.states.at(-1) as NegotiationState;
          expect(last.status).toBe('walked-away');
          expect(last.round).toBeLessThanOrEqual(last.patience);
        },
      ),
      runs(200),
    );
  });
});
