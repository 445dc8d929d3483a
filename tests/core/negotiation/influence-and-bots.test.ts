import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../../support/runs.ts';
import {
  bestNegotiator,
  NEGOTIATION_SKILLS,
  negotiationEvidenceBounds,
  negotiationResult,
  NEGATIVE_NEGOTIATION_SKILLS,
  startNegotiation,
  worstNegotiator,
} from '../../../src/core/negotiation/index.ts';
import { favour } from '../../../src/core/negotiation/item-scales.ts';
import { Dec } from '../../../src/core/pricing/index.ts';
import { seedRng } from '../../../src/core/random.ts';
import { influenceArb, seedArb } from './arbitraries.ts';
import { car, coldClient, copier, warmClient } from './fixtures.ts';
import { balance, skills } from './play.ts';

describe('what the dialogue before the negotiation changes', () => {
  it('a won-over client is more patient and settles for less than a cold one', () => {
    const warm = startNegotiation(copier, warmClient, seedRng(1)).state;
    const cold = startNegotiation(copier, coldClient, seedRng(1)).state;
    expect(warm.patience).toBeGreaterThan(cold.patience);
    expect(Number(warm.targets.discountPercent?.reservation)).toBeLessThan(
      Number(cold.targets.discountPercent?.reservation),
    );
  });

  it("goodwill moves each reservation toward the seller by at most 40 % of the client's gap, never beyond the range", () => {
    fc.assert(
      fc.property(influenceArb, (influence) => {
        const { state } = startNegotiation(copier, influence, seedRng(1));
        for (const [kind, target] of Object.entries(copier.client.targets)) {
          const opening = favour(copier, kind as never, target.opening as never);
          const declared = favour(copier, kind as never, target.reservation as never);
          const effective = new Dec(state.targets[kind as keyof typeof state.targets]?.reservation ?? 'NaN');
          expect(effective.lte(declared)).toBe(true);
          expect(effective.gte(declared.minus(opening.minus(declared).mul('0.4')))).toBe(true);
        }
        expect(state.patience).toBeGreaterThanOrEqual(copier.client.patience);
        expect(state.patience).toBeLessThanOrEqual(Math.round(copier.client.patience * 1.5) + 1);
      }),
    );
  });
});

describe('the scripted sellers', () => {
  it.each([
    ['copier', copier],
    ['car', car],
  ] as const)(
    'on the %s, the best seller closes above the floor with only good evidence; the worst goes under it',
    (_name, spec) => {
      const best = bestNegotiator(spec, warmClient, 11);
      const worst = worstNegotiator(spec, warmClient, 11);
      const bestResult = negotiationResult(spec, best.state);
      const worstResult = negotiationResult(spec, worst.state);

      expect(bestResult).toMatchObject({ status: 'deal', belowFloor: false, concessionsWithoutCounterpart: 0 });
      expect(
        skills(best.evidence).filter((s) => (NEGATIVE_NEGOTIATION_SKILLS as readonly string[]).includes(s)),
      ).toEqual([]);
      expect(skills(best.evidence)).toEqual(
        expect.arrayContaining([
          'price.after-value',
          'negotiation.concession-with-counterpart',
          'negotiation.decreasing-concessions',
          'closing.conditional',
          'negotiation.margin-preserved',
        ]),
      );

      expect(worstResult).toMatchObject({ status: 'deal', belowFloor: true });
      expect(skills(worst.evidence)).toEqual(
        expect.arrayContaining([
          'negotiation.max-discount-at-once',
          'negotiation.concession-without-counterpart',
          'negotiation.split-difference',
          'negotiation.below-floor',
        ]),
      );
      expect(balance(best.evidence)).toBeGreaterThan(0);
      expect(balance(worst.evidence)).toBeLessThan(0);
      expect(Number(bestResult.tauxDeMarque)).toBeGreaterThan(Number(worstResult.tauxDeMarque));
    },
  );

  it('the best seller never does worse than the worst, whatever the client and the seed', () => {
    fc.assert(
      fc.property(influenceArb, seedArb, (influence, seed) => {
        const best = bestNegotiator(copier, influence, seed);
        const worst = worstNegotiator(copier, influence, seed);
        expect(balance(best.evidence)).toBeGreaterThan(balance(worst.evidence));
        expect(negotiationResult(copier, best.state).belowFloor).toBe(false);
      }),
      runs(200),
    );
  });

  it('a bot replays identically from the same seed', () => {
    expect(bestNegotiator(car, coldClient, 5)).toEqual(bestNegotiator(car, coldClient, 5));
  });
});

describe('evidence bounds for the content checker', () => {
  it('covers every skill, and no game ever goes past them', () => {
    const bounds = negotiationEvidenceBounds(copier);
    expect(Object.keys(bounds).sort()).toEqual([...NEGOTIATION_SKILLS].sort());
    fc.assert(
      fc.property(influenceArb, seedArb, (influence, seed) => {
        for (const game of [bestNegotiator(copier, influence, seed), worstNegotiator(copier, influence, seed)]) {
          for (const skill of NEGOTIATION_SKILLS)
            expect(skills(game.evidence).filter((s) => s === skill).length).toBeLessThanOrEqual(bounds[skill]);
        }
      }),
      runs(100),
    );
  });

  it('is 0 for what the scenario makes impossible: no payment item, no illegal terms', () => {
    expect(negotiationEvidenceBounds(car)['negotiation.illegal-terms']).toBe(0);
    expect(negotiationEvidenceBounds(copier)['negotiation.illegal-terms']).toBe(3);
  });

  it('counts presenting the price and the final margin once, repeated skills three times', () => {
    const bounds = negotiationEvidenceBounds(copier);
    expect(bounds['price.sandwich']).toBe(1);
    expect(bounds['negotiation.margin-preserved']).toBe(1);
    expect(bounds['negotiation.concession-with-counterpart']).toBe(3);
  });
});
