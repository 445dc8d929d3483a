import { describe, expect, it } from 'vitest';
import { evaluateTerms, validateTerms } from '../../../src/core/negotiation/index.ts';
import { car, copier } from './fixtures.ts';

describe('terms a seller may propose', () => {
  it('payment at 60 days from the invoice, or 45 days end of month, is legal', () => {
    expect(validateTerms(copier, { paymentDays: { days: 60, endOfMonth: false } })).toEqual([]);
    expect(validateTerms(copier, { paymentDays: { days: 45, endOfMonth: true } })).toEqual([]);
  });

  it('61 days, or 46 days end of month, is refused as illegal with the reason', () => {
    expect(validateTerms(copier, { paymentDays: { days: 61, endOfMonth: false } })).toEqual([
      { code: 'payment-terms-illegal', item: 'paymentDays', reason: 'more-than-60-days' },
    ]);
    expect(validateTerms(copier, { paymentDays: { days: 46, endOfMonth: true } })).toEqual([
      { code: 'payment-terms-illegal', item: 'paymentDays', reason: 'more-than-45-days-end-of-month' },
    ]);
  });

  it('reports an unknown item, a value out of range, an unknown service and a malformed value', () => {
    expect(validateTerms(car, { commitmentMonths: 24 })).toEqual([{ code: 'unknown-item', item: 'commitmentMonths' }]);
    expect(validateTerms(copier, { discountPercent: [20, 10] })).toEqual([
      { code: 'out-of-range', item: 'discountPercent', min: 0, max: 25 },
    ]);
    expect(validateTerms(copier, { services: ['training', 'coffee'] })).toEqual([
      { code: 'unknown-service', item: 'services', service: 'coffee' },
    ]);
    expect(validateTerms(copier, { quantity: 'two' })).toMatchObject([{ code: 'invalid-value', item: 'quantity' }]);
    expect(validateTerms(copier, 'ten percent')).toEqual([{ code: 'not-an-object' }]);
  });

  it('a net price above the list price is out of range', () => {
    expect(validateTerms(car, { unitPrice: 19000 })).toEqual([
      { code: 'out-of-range', item: 'unitPrice', min: 15000, max: 18900 },
    ]);
  });
});

describe('what terms are worth', () => {
  it('at list price, two copiers over 12 months bring 4 800 € HT at a 40 % taux de marque', () => {
    const result = evaluateTerms(copier, {});
    expect(result.ok && result.value).toMatchObject({
      netUnitPriceHt: '200.00',
      units: 24,
      revenueHt: '4800.00',
      revenueTtc: '5760.00',
      totalCostHt: '2880.00',
      marginHt: '1920.00',
      tauxDeMarque: '40.00',
      floorPriceHt: '171.43',
      belowFloor: false,
      outsideMandate: false,
    });
  });

  it('a longer commitment raises revenue, not the margin rate; a free service lowers the margin rate', () => {
    // 192 € × 48 = 9 216 €, 37,50 %; with training: (4 608 − 2 880 − 300) / 4 608 = 30,99 %.
    const longer = evaluateTerms(copier, { discountPercent: 4, commitmentMonths: 24 });
    const withTraining = evaluateTerms(copier, { discountPercent: 4, services: ['training'] });
    expect(longer.ok && [longer.value.revenueHt, longer.value.tauxDeMarque]).toEqual(['9216.00', '37.50']);
    expect(withTraining.ok && [withTraining.value.tauxDeMarque, withTraining.value.valueForClientHt]).toEqual([
      '30.99',
      '792.00',
    ]);
  });

  it('the price at the displayed floor (85,71-style rounding) is not below the floor', () => {
    // 200 × (1 − 14,285 %) = 171,43 €: the displayed floor itself.
    const atFloor = evaluateTerms(copier, { discountPercent: 14.285 });
    expect(atFloor.ok && [atFloor.value.netUnitPriceHt, atFloor.value.belowFloor]).toEqual(['171.43', false]);
    const under = evaluateTerms(copier, { discountPercent: 14.29 });
    expect(under.ok && [under.value.netUnitPriceHt, under.value.belowFloor]).toEqual(['171.42', true]);
  });

  it('a discount beyond what the seller may grant alone is outside the mandate', () => {
    const result = evaluateTerms(copier, { discountPercent: 10.5 });
    expect(result.ok && result.value.outsideMandate).toBe(true);
    const carDeal = evaluateTerms(car, { unitPrice: 17955 });
    expect(carDeal.ok && carDeal.value.outsideMandate).toBe(false);
    const carTooLow = evaluateTerms(car, { unitPrice: 17954.99 });
    expect(carTooLow.ok && carTooLow.value.outsideMandate).toBe(true);
  });

  it('illegal payment terms still have economics, flagged as illegal', () => {
    const result = evaluateTerms(copier, { paymentDays: { days: 90, endOfMonth: false } });
    expect(result.ok && result.value.paymentLegal).toBe(false);
  });
});
