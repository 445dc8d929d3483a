import { describe, expect, it } from 'vitest';
import {
  equivalentRate,
  htToTtc,
  invoice,
  perPeriod,
  priceFromTauxDeMarque,
  prixPlancher,
  tauxDeMarge,
  tauxDeMargeFromTauxDeMarque,
  tauxDeMarque,
  tauxEvolution,
} from '../../../src/core/pricing/index.ts';
import { expectError } from './expect-result.ts';

describe('a calculation refuses a bad input with a stable code instead of a wrong figure', () => {
  it('a negative purchase price is refused', () => {
    expectError(tauxDeMarque({ costHt: -80, priceHt: 120 }), 'negative', 'costHt');
  });

  it('a price typed as text or NaN is not a number', () => {
    expectError(htToTtc({ ht: 'douze', vatPercent: 20 }), 'not-a-number', 'ht');
    expectError(htToTtc({ ht: Number.NaN, vatPercent: 20 }), 'not-a-number', 'ht');
    expectError(htToTtc({ ht: Number.POSITIVE_INFINITY, vatPercent: 20 }), 'not-a-number', 'ht');
    expectError(htToTtc({ ht: '1e3', vatPercent: 20 }), 'not-a-number', 'ht');
  });

  it('a taux de marge on a zero cost and a taux de marque on a zero price are impossible', () => {
    expectError(tauxDeMarge({ costHt: 0, priceHt: 10 }), 'zero', 'costHt');
    expectError(tauxDeMarque({ costHt: 5, priceHt: 0 }), 'zero', 'priceHt');
  });

  it('a taux de marque of 100 % or more cannot be turned into a price or a taux de marge', () => {
    expectError(priceFromTauxDeMarque({ costHt: 50, tauxDeMarque: 100 }), 'rate-too-high', 'tauxDeMarque');
    expectError(tauxDeMargeFromTauxDeMarque(120), 'rate-too-high', 'tauxDeMarque');
    expectError(prixPlancher({ costHt: 60, minTauxDeMarque: 100 }), 'rate-too-high', 'minTauxDeMarque');
  });

  it('a remise of 100 % in a cascade is refused and the step is named', () => {
    expectError(equivalentRate([10, 100]), 'rate-too-high', 'ratesPercent.1');
    expectError(
      invoice({ gross: 100, reductions: [{ ratePercent: 5 }, { ratePercent: -2 }], vatPercent: 20 }),
      'negative',
      'reductions.1',
    );
  });

  it('a price cannot be split over 0 or 2,5 months', () => {
    expectError(perPeriod({ price: 1200, periods: 0 }), 'zero', 'periods');
    expectError(perPeriod({ price: 1200, periods: 2.5 }), 'not-an-integer', 'periods');
  });

  it('an evolution from zero has no rate', () => {
    expectError(tauxEvolution({ from: 0, to: 10 }), 'zero', 'from');
  });

  it('a wrong input never throws, whatever its type', () => {
    for (const weird of [undefined, null, {}, [], true, Symbol('x'), () => 1]) {
      expect(() => tauxDeMarge({ costHt: weird, priceHt: 10 })).not.toThrow();
      expect(tauxDeMarge({ costHt: weird, priceHt: 10 }).ok).toBe(false);
    }
  });
});

describe('selling at a loss is a result, not an error', () => {
  it('sold 90 after buying 100 → a negative taux de marque of −11,11 %', () => {
    const result = tauxDeMarque({ costHt: 100, priceHt: 90 });
    expect(result.ok && result.value.toFixed(2)).toBe('-11.11');
  });
});
