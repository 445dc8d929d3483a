// Every vector of docs §d.2 (published exercises, recomputed) and §d.3 (ours).
import { describe, expect, it } from 'vitest';
import {
  costFromTauxDeMarge,
  coefficientMultiplicateurFromTauxDeMarque,
  equivalentRate,
  fractionnement,
  htToTtc,
  invoice,
  marge,
  perPeriod,
  priceFromTauxDeMarge,
  priceFromTauxDeMarque,
  pricesFromCoefficient,
  prixPlancher,
  remiseMaximale,
  ristourneAvoir,
  tauxDeMarge,
  tauxDeMargeFromTauxDeMarque,
  tauxDeMarque,
  tauxDeMarqueFromTauxDeMarge,
  tauxEvolution,
  ttcToHt,
} from '../../../src/core/pricing/index.ts';
import { shown, valueOf } from './expect-result.ts';

describe('published exercises (§d.2)', () => {
  it('TV1: bought 80, sold 120 HT → marge 40, taux de marge 50 %, taux de marque 33,33 %', () => {
    const sale = { costHt: 80, priceHt: 120 };
    expect(shown(valueOf(marge(sale)))).toBe('40.00');
    expect(shown(valueOf(tauxDeMarge(sale)))).toBe('50.00');
    expect(shown(valueOf(tauxDeMarque(sale)))).toBe('33.33');
  });

  it('TV3: PA HT 15 with CM 3 → PV TTC 45; at 20 % PV HT 37,50, marque 60 %, marge 150 %', () => {
    const at20 = valueOf(pricesFromCoefficient({ costHt: 15, coefficient: 3, vatPercent: 20 }));
    expect(shown(at20.priceTtc)).toBe('45.00');
    expect(shown(at20.priceHt)).toBe('37.50');
    expect(shown(at20.tauxDeMarque)).toBe('60.00');
    expect(shown(at20.tauxDeMarge)).toBe('150.00');
  });

  it('TV3 at the old 19,6 % → PV HT 37,63, marque 60,13 %, marge 150,84 % (rates from the unrounded HT)', () => {
    const at196 = valueOf(pricesFromCoefficient({ costHt: 15, coefficient: 3, vatPercent: 19.6 }));
    expect(shown(at196.priceTtc)).toBe('45.00');
    expect(shown(at196.priceHt)).toBe('37.63');
    expect(shown(at196.tauxDeMarque)).toBe('60.13');
    expect(shown(at196.tauxDeMarge)).toBe('150.84');
  });

  it('TV4a: sold 400, bought 300 → marge 100', () => {
    expect(shown(valueOf(marge({ costHt: 300, priceHt: 400 })))).toBe('100.00');
  });

  it('TV4b: sold 200, bought 150 → taux de marque 25 %', () => {
    expect(shown(valueOf(tauxDeMarque({ costHt: 150, priceHt: 200 })))).toBe('25.00');
  });

  it('TV4c: bought 72 with a 20 % taux de marque → sold 90', () => {
    expect(shown(valueOf(priceFromTauxDeMarque({ costHt: 72, tauxDeMarque: 20 })))).toBe('90.00');
  });

  it('TV4d: sold 200, bought 150 → taux de marge 33,33 %, the same sale as 25 % de marque', () => {
    expect(shown(valueOf(tauxDeMarge({ costHt: 150, priceHt: 200 })))).toBe('33.33');
    expect(shown(valueOf(tauxDeMargeFromTauxDeMarque(25)))).toBe('33.33');
    expect(shown(valueOf(tauxDeMarqueFromTauxDeMarge('33.333333333333333333')))).toBe('25.00');
  });

  it('TV4e: sold 260 with a 30 % taux de marge → bought 200', () => {
    expect(shown(valueOf(costFromTauxDeMarge({ priceHt: 260, tauxDeMarge: 30 })))).toBe('200.00');
  });

  it('TV5a: 15 HT at 19,6 % → 17,94 TTC', () => {
    expect(shown(valueOf(htToTtc({ ht: 15, vatPercent: 19.6 })))).toBe('17.94');
  });

  it('TV5b: 28 TTC at 19,6 % → 23,41 HT', () => {
    expect(shown(valueOf(ttcToHt({ ttc: 28, vatPercent: 19.6 })))).toBe('23.41');
  });

  it('TV6: 3 550 HT with a 10 % remise at 19,6 % → remise 355, net 3 195, TVA 626,22, TTC 3 821,22', () => {
    const bill = valueOf(invoice({ gross: 3550, reductions: [{ ratePercent: 10 }], vatPercent: 19.6 }));
    expect(shown(bill.reductions[0]!.amount)).toBe('355.00');
    expect(shown(bill.netCommercial)).toBe('3195.00');
    expect(shown(bill.tva)).toBe('626.22');
    expect(shown(bill.netAPayer)).toBe('3821.22');
  });

  it('TV8: 1 000 × 3 with remise 20 % and escompte 2 %, no VAT → brut 3 000, net 2 400, escompte 48, net financier 2 352', () => {
    const bill = valueOf(
      invoice({ gross: 1000 * 3, reductions: [{ ratePercent: 20 }], escomptePercent: 2, vatPercent: 0 }),
    );
    expect(shown(bill.gross)).toBe('3000.00');
    expect(shown(bill.netCommercial)).toBe('2400.00');
    expect(shown(bill.escompte.amount)).toBe('48.00');
    expect(shown(bill.netFinancier)).toBe('2352.00');
    expect(shown(bill.netAPayer)).toBe('2352.00');
  });

  it('TV10: bought 6,50 HT with a 30 % taux de marge at 5,5 % → 8,45 HT, 8,91 TTC', () => {
    const priceHt = valueOf(priceFromTauxDeMarge({ costHt: '6.50', tauxDeMarge: 30 }));
    expect(shown(priceHt)).toBe('8.45');
    expect(shown(valueOf(htToTtc({ ht: priceHt, vatPercent: 5.5 })))).toBe('8.91');
  });
});

describe('constructed vectors (§d.3)', () => {
  it('C1: 1 200 € is 33,33 € a month over 36 months and 3,29 € a day over 365 days', () => {
    expect(shown(valueOf(perPeriod({ price: 1200, periods: 36 })))).toBe('33.33');
    expect(shown(valueOf(perPeriod({ price: 1200, periods: 365 })))).toBe('3.29');
  });

  it('C1 over three years: the daily figure spreads over 1 095 days, not 365', () => {
    const split = valueOf(fractionnement({ price: 1200, months: 36 }));
    expect(shown(split.perMonth)).toBe('33.33');
    expect(split.days.toString()).toBe('1095');
    expect(shown(split.perDay)).toBe('1.10');
  });

  it('C3: a 40 % taux de marque at 20 % VAT is a coefficient multiplicateur of 2,00 (66,67 % de marge)', () => {
    expect(shown(valueOf(coefficientMultiplicateurFromTauxDeMarque({ tauxDeMarque: 40, vatPercent: 20 })))).toBe(
      '2.00',
    );
    expect(shown(valueOf(tauxDeMargeFromTauxDeMarque(40)))).toBe('66.67');
  });

  it('C4: a 2 % annual ristourne on 48 000 HT is an avoir of 960 HT, 1 152 TTC', () => {
    const avoir = valueOf(ristourneAvoir({ turnoverHt: 48000, ratePercent: 2, vatPercent: 20 }));
    expect(shown(avoir.ht)).toBe('960.00');
    expect(shown(avoir.ttc)).toBe('1152.00');
  });

  it('OWN1: cost 60 with a 30 % minimum taux de marque → floor 85,71 HT, at most 14,29 % off a 100 tariff', () => {
    const floor = valueOf(prixPlancher({ costHt: 60, minTauxDeMarque: 30 }));
    expect(shown(floor)).toBe('85.71');
    expect(shown(valueOf(remiseMaximale({ prixPlancher: floor, listPriceHt: 100 })))).toBe('14.29');
  });

  it('a floor is never a price that breaks the minimum: 2,60 at 30 % is 3,72, not the half-up 3,71 (which reads 29,92 %)', () => {
    const floor = valueOf(prixPlancher({ costHt: 2.6, minTauxDeMarque: 30 }));
    expect(shown(floor)).toBe('3.72');
    expect(shown(valueOf(tauxDeMarque({ costHt: 2.6, priceHt: floor })))).toBe('30.11');
    expect(shown(valueOf(tauxDeMarque({ costHt: 2.6, priceHt: '3.71' })))).toBe('29.92');
    // So the largest discount on a 4,20 tariff keeps the margin: 11,43 %, not 11,67 %.
    expect(shown(valueOf(remiseMaximale({ prixPlancher: floor, listPriceHt: 4.2 })))).toBe('11.43');
  });

  it('C6: from 120 to 135 is a +12,50 % evolution', () => {
    expect(shown(valueOf(tauxEvolution({ from: 120, to: 135 })))).toBe('12.50');
  });

  it('a 10 % then 5 % discount is 14,5 %, not 15 %', () => {
    expect(shown(valueOf(equivalentRate([10, 5])))).toBe('14.50');
  });
});
