import { describe, expect, it } from 'vitest';
import { cascadeAtLeast, cascadeAtMost, shapeDiscount } from '../../../src/core/negotiation/cascade.ts';
import {
  bestNegotiator,
  evaluateTerms,
  type NegotiationSpecInput,
  NegotiationSpecSchema,
  startNegotiation,
  validateTerms,
  worstNegotiator,
} from '../../../src/core/negotiation/index.ts';
import { Dec, htToTtc } from '../../../src/core/pricing/index.ts';
import { seedRng } from '../../../src/core/random.ts';
import { createI18n } from '../../../src/i18n/create-i18n.ts';
import { sharedResources } from '../../../src/i18n/resources.ts';
import { describeValue, tableSummary, ttcToHtPrice } from '../../../src/present/negotiation.ts';
import { copierInput, warmClient } from './fixtures.ts';

/**
 * A listing in a chain of stores, as référencement teaches it: a listing discount, then a
 * logistics discount, then a year-end rebate (RFA) paid later by credit note. Tariff 100 € HT,
 * cost 60 €, 1 000 units; mandate 8 % in total, all steps included.
 */
const listingInput: NegotiationSpecInput = {
  ...copierInput,
  id: 'listing',
  items: [
    {
      kind: 'discountPercent',
      max: 20,
      steps: [
        { label: { fr: 'Remise de référencement', en: 'Listing discount' } },
        { label: { fr: 'Remise logistique', en: 'Logistics discount' } },
      ],
      rfa: true,
    },
    { kind: 'commitmentMonths', min: 6, max: 24, base: 12 },
  ],
  seller: {
    listPriceHt: 100,
    unitCostHt: 60,
    vatPercent: 20,
    quantity: 1000,
    maxDiscountPercent: 8,
    minTauxDeMarquePercent: 30,
  },
  client: {
    patience: 8,
    concessionStyle: 'steady',
    targets: {
      discountPercent: { opening: [8, 3, 2], reservation: 5, weight: 3 },
      commitmentMonths: { opening: 6, reservation: 12, weight: 1 },
    },
  },
};
const listing = NegotiationSpecSchema.parse(listingInput);
const fr = createI18n('fr', sharedResources).getFixedT('fr');
const en = createI18n('en', sharedResources).getFixedT('en');

function figures(terms: unknown) {
  const r = evaluateTerms(listing, terms);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

describe('a cascade of discounts with a year-end rebate', () => {
  it('4 % then 2 % with a 2 % RFA is 7,80 % off, not 8 % (1 − 0,96 × 0,98 × 0,98)', () => {
    expect(figures({ discountPercent: [4, 2, 2] }).discountEquivalentPercent).toBe('7.80');
  });

  it('10 % then 5 % is 14,50 %, not 15 % (the domain file: each rate applies to the previous net)', () => {
    expect(figures({ discountPercent: [10, 5, 0] }).discountEquivalentPercent).toBe('14.50');
  });

  it('invoices 94,08 € a unit and pays the RFA on the invoiced turnover: 94 080 € − 1 881,60 €', () => {
    const e = figures({ discountPercent: [4, 2, 2] });
    expect(e.invoicedUnitPriceHt).toBe('94.08');
    expect(e.rfaHt).toBe('1881.60');
    expect(e.revenueHt).toBe('92198.40');
    // The margin is kept after the rebate: 92 198,40 − 60 000 = 32 198,40, i.e. 34,92 % of the revenue.
    expect(e.marginHt).toBe('32198.40');
    expect(e.tauxDeMarque).toBe('34.92');
    expect(e.netUnitPriceHt).toBe('92.20');
  });

  it('C4 of the domain file: a 2 % ristourne on 48 000 € HT is 960,00 € HT, 1 152,00 € TTC', () => {
    const rebateOnly = NegotiationSpecSchema.parse({
      ...listingInput,
      items: [{ kind: 'discountPercent', max: 10, rfa: true }],
      seller: { ...listingInput.seller, listPriceHt: 48000, unitCostHt: 0, quantity: 1, minTauxDeMarquePercent: 0 },
      client: { ...listingInput.client, targets: { discountPercent: { opening: [0, 2], reservation: 1, weight: 1 } } },
    });
    const r = evaluateTerms(rebateOnly, { discountPercent: [0, 2] });
    if (!r.ok) throw new Error('terms refused');
    expect(r.value.rfaHt).toBe('960.00');
    expect(r.value.revenueHt).toBe('47040.00');
    const ttc = htToTtc({ ht: r.value.rfaHt, vatPercent: 20 });
    expect(ttc.ok && ttc.value.toFixed(2)).toBe('1152.00');
  });

  it('a single rate typed against the cascade is its first step; more rates than declared is refused', () => {
    expect(shapeDiscount(listing, 5)).toEqual([5, 0, 0]);
    expect(shapeDiscount(listing, [4, 2])).toEqual([4, 2, 0]);
    expect(validateTerms(listing, { discountPercent: [1, 1, 1, 1] })).toMatchObject([
      { code: 'invalid-value', item: 'discountPercent' },
    ]);
  });

  it('a client demand with more rates than the cascade declares is a spec error', () => {
    const bad = NegotiationSpecSchema.safeParse({
      ...listingInput,
      client: {
        ...listingInput.client,
        targets: {
          ...listingInput.client.targets,
          discountPercent: { opening: [2, 2, 2, 2], reservation: 5, weight: 3 },
        },
      },
    });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).toContain('cascade-too-long');
  });

  it('the client says a cascade in half points, never under its aim; the seller’s in half points, never over', () => {
    // 5,5 % then 3 % then 2 % is 10,17 %; one more half point off any step falls under 10 %.
    expect(cascadeAtLeast([8, 3, 2], new Dec(10))).toEqual([5.5, 3, 2]);
    // 2 % three times is 5,88 %: at most 6 %.
    expect(cascadeAtMost([8, 3, 2], new Dec(6))).toEqual([2, 2, 2]);
  });
});

describe('the client agent and the reference negotiators with a cascade', () => {
  it('opens with the scenario’s three rates and the seller’s standing cascade at 0', () => {
    const { state } = startNegotiation(listing, warmClient, seedRng(1));
    expect(state.clientDemand.discountPercent).toEqual([8, 3, 2]);
    expect(state.sellerTerms.discountPercent).toEqual([0, 0, 0]);
  });

  for (const [name, bot] of [
    ['best', bestNegotiator],
    ['worst', worstNegotiator],
  ] as const)
    it(`the ${name} negotiator and the client speak in three-rate cascades, the client’s never going up`, () => {
      const game = bot(listing, warmClient, 3);
      const demands = game.responses.flatMap((r) =>
        'terms' in r && r.terms.discountPercent ? [r.terms.discountPercent] : [],
      );
      for (const d of demands) expect(d).toHaveLength(3);
      const equivalents = demands.map((d) => Number(figures({ discountPercent: d }).discountEquivalentPercent));
      equivalents.forEach((e, i) => expect(e).toBeLessThanOrEqual(equivalents[i - 1] ?? Infinity));
      const given = game.moves.flatMap((m) => (m.type === 'concede' && m.item === 'discountPercent' ? [m.value] : []));
      expect(given.length).toBeGreaterThan(0);
      for (const v of given) expect(v).toHaveLength(3);
      expect(game.state.sellerTerms.discountPercent).toHaveLength(3);
    });
});

describe('a cascade in words (table, terminal, debrief)', () => {
  it('names each step and gives the equivalent single rate', () => {
    expect(describeValue('discountPercent', [4, 2, 2], 'fr', fr, listing)).toBe(
      '4\u00a0% (Remise de référencement) puis 2\u00a0% (Remise logistique) puis 2\u00a0% (RFA), soit 7,8\u00a0%',
    );
    expect(describeValue('discountPercent', [4, 2, 2], 'en', en, listing)).toBe(
      '4% (Listing discount) then 2% (Logistics discount) then 2% (year-end rebate), i.e. 7.8%',
    );
  });

  it('the terminal table says the invoiced price and the rebate paid by credit note', () => {
    const { state } = startNegotiation(listing, warmClient, seedRng(1));
    const lines = tableSummary(listing, { ...state, sellerTerms: { discountPercent: [4, 2, 2] } }, 'fr', fr);
    expect(lines.at(-1)).toBe(
      'Prix facturé\u00a0: 94,08\u00a0€ HT · RFA versée en fin d’année par avoir\u00a0: 1\u202f881,60\u00a0€ HT',
    );
  });
});

describe('prices shown TTC for a private buyer (seller.priceDisplay "ttc")', () => {
  const home = NegotiationSpecSchema.parse({
    ...listingInput,
    items: [{ kind: 'unitPrice', min: 10000 }],
    seller: { ...listingInput.seller, listPriceHt: 12000, unitCostHt: 7800, vatPercent: 5.5, quantity: 1 },
    client: { ...listingInput.client, targets: { unitPrice: { opening: 11000, reservation: 11800, weight: 1 } } },
  });
  const ttc = { ...home, seller: { ...home.seller, priceDisplay: 'ttc' as const } };

  it('says a unit price TTC, computed from HT (12 000 € HT at 5,5 % is 12 660 € TTC)', () => {
    expect(describeValue('unitPrice', 12000, 'fr', fr, ttc)).toBe('12\u202f660,00\u00a0€ TTC');
    expect(describeValue('unitPrice', 12000, 'fr', fr, home)).toBe('12\u202f000,00\u00a0€');
    expect(ttcToHtPrice(ttc, 12660)).toBe(12000);
  });

  it('the terminal table gives the net price TTC with HT beside it, and the floor TTC', () => {
    const { state } = startNegotiation(ttc, warmClient, seedRng(1));
    // Floor: 7 800 / (1 − 30 %) = 11 142,86 € HT, i.e. 11 755,72 € TTC.
    expect(tableSummary(ttc, state, 'fr', fr).at(-1)).toBe(
      'Prix net unitaire\u00a0: 12\u202f660,00\u00a0€ TTC (12\u202f000,00\u00a0€ HT) · taux de marque\u00a0: 35\u00a0% · ' +
        'prix plancher\u00a0: 11\u202f755,72\u00a0€ TTC',
    );
  });
});
