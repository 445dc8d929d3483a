import { describe, expect, it } from 'vitest';
import { evaluateTerms, negotiationResult } from '../../../src/core/negotiation/index.ts';
import { copier, warmClient } from './fixtures.ts';
import { balance, play, skills } from './play.ts';

describe('the copier negotiation (fixture)', () => {
  it('conceding 10 % at once without counterpart shows worse skills than trading 4 % for a 24-month commitment', () => {
    const atOnce =
      play(copier, warmClient, [{ type: 'concede', item: 'discountPercent', value: 10 }]).evidence[0] ?? [];
    const traded =
      play(copier, warmClient, [
        { type: 'concede', item: 'discountPercent', value: 4, counterpart: { item: 'commitmentMonths', value: 24 } },
      ]).evidence[0] ?? [];

    expect(skills(atOnce)).toEqual(['negotiation.concession-without-counterpart', 'negotiation.max-discount-at-once']);
    expect(skills(traded)).toEqual(['negotiation.concession-with-counterpart']);
    expect(balance(traded)).toBeGreaterThan(0);
    expect(balance(atOnce)).toBeLessThan(0);
  });

  it('the client gives ground after a traded concession, and only pockets a free one', () => {
    const traded = play(copier, warmClient, [
      { type: 'concede', item: 'discountPercent', value: 4, counterpart: { item: 'commitmentMonths', value: 24 } },
    ]);
    const free = play(copier, warmClient, [{ type: 'concede', item: 'discountPercent', value: 4 }]);
    const demanded = (t: typeof traded) =>
      t.responses[0]?.kind === 'counter-offer' ? t.responses[0].terms.discountPercent : undefined;
    expect(demanded(free)).toEqual([10, 5]);
    expect(demanded(traded)).toBeLessThan(14.5);
  });

  it('going below the floor is flagged, with the margin it leaves', () => {
    const table = play(copier, warmClient, [{ type: 'concede', item: 'discountPercent', value: 15 }]);
    const floor = (table.evidence[0] ?? []).find((e) => e.skill === 'negotiation.below-floor');
    // 200 × 0,85 = 170,00 < 171,43; (170 − 120) / 170 = 29,41 %.
    expect(floor?.facts).toMatchObject({ netUnitPriceHt: '170.00', floorPriceHt: '171.43', tauxDeMarque: '29.41' });
  });

  it('a free service counts in the margin: 10 % plus free training on 12 months falls under the floor', () => {
    const table = play(copier, warmClient, [{ type: 'offer', terms: { discountPercent: 10, services: ['training'] } }]);
    const floor = (table.evidence[0] ?? []).find((e) => e.skill === 'negotiation.below-floor');
    // 180 € × 24 = 4 320 €; cost 2 880 € + 300 € = 3 180 €; 1 140 / 4 320 = 26,39 % < 30 %.
    expect(floor?.facts).toEqual({
      netUnitPriceHt: '180.00',
      floorPriceHt: '171.43',
      marginHt: '1140.00',
      tauxDeMarque: '26.39',
    });
  });

  it('a deal below the floor is reported with its computed margin', () => {
    const table = play(copier, warmClient, [
      {
        type: 'offer',
        terms: {
          discountPercent: 15,
          paymentDays: { days: 60, endOfMonth: false },
          services: ['training'],
          commitmentMonths: 12,
          deliveryDays: 5,
        },
      },
    ]);
    expect(table.responses[0]?.kind).toBe('accept');
    const result = negotiationResult(copier, table.state);
    // 2 copiers × 12 months × 170 € = 4 080 €; cost 2 880 € + training 300 € = 3 180 €.
    expect(result).toMatchObject({
      status: 'deal',
      outcome: 'closing-deal',
      belowFloor: true,
      finalNetUnitPriceHt: '170.00',
      revenueHt: '4080.00',
      marginHt: '900.00',
      tauxDeMarque: '22.06',
      marginVsFloorPoints: '-7.94',
      marginVsObjectivePoints: '-12.94',
    });
  });

  it("understands the client's « 10 % puis 5 % » as 14,5 %, not 15 %", () => {
    const table = play(copier, warmClient, []);
    expect(table.opening.kind === 'counter-offer' && table.opening.terms.discountPercent).toEqual([10, 5]);
    const asked = evaluateTerms(copier, { discountPercent: [10, 5] });
    expect(asked.ok && asked.value.discountEquivalentPercent).toBe('14.50');
    expect(asked.ok && asked.value.netUnitPriceHt).toBe('171.00');
  });

  it('a single 14,5 % meets the « 10 % puis 5 % » demand, while 14,4 % does not', () => {
    const demand = {
      paymentDays: { days: 60, endOfMonth: false },
      services: ['training'],
      commitmentMonths: 12,
      deliveryDays: 5,
    };
    expect(
      play(copier, warmClient, [{ type: 'offer', terms: { ...demand, discountPercent: 14.5 } }]).responses[0]?.kind,
    ).toBe('accept');
    expect(
      play(copier, warmClient, [{ type: 'offer', terms: { ...demand, discountPercent: 14.4 } }]).responses[0]?.kind,
    ).toBe('counter-offer');
  });

  it('a seller who grants 10 % then 5 % has given 14,5 % in all', () => {
    const table = play(copier, warmClient, [
      { type: 'concede', item: 'discountPercent', value: 10, counterpart: { item: 'commitmentMonths', value: 24 } },
      {
        type: 'concede',
        item: 'discountPercent',
        value: [10, 5],
        counterpart: { item: 'commitmentMonths', value: 36 },
      },
    ]);
    const last = table.state.concessions.at(-1);
    expect(last?.to).toEqual([10, 5]);
    const given = evaluateTerms(copier, { discountPercent: last?.to });
    expect(given.ok && given.value.discountEquivalentPercent).toBe('14.50');
  });
});
