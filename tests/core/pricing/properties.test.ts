import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Dec,
  equivalentRate,
  htToTtc,
  invoice,
  tauxDeMarge,
  tauxDeMargeFromTauxDeMarque,
  tauxDeMarque,
  tauxDeMarqueFromTauxDeMarge,
  ttcToHt,
} from '../../../src/core/pricing/index.ts';
import { valueOf } from './expect-result.ts';

/** Amounts in cents, as a student types them: 0,01 € to 1 000 000 €. */
const cents = fc.integer({ min: 1, max: 100_000_000 }).map((c) => new Dec(c).div(100));
/** Rates in hundredths of a percent. */
const rateBelow100 = fc.integer({ min: 0, max: 9_999 }).map((r) => new Dec(r).div(100));
const anyRate = fc.integer({ min: 0, max: 100_000 }).map((r) => new Dec(r).div(100));
const vatRate = fc.constantFrom('20', '10', '5.5', '2.1', '19.6');

describe('commercial calculations hold for any figures', () => {
  it('converting a taux de marque to a taux de marge and back gives the same rate', () => {
    fc.assert(
      fc.property(rateBelow100, (marque) => {
        const back = valueOf(tauxDeMarqueFromTauxDeMarge(valueOf(tauxDeMargeFromTauxDeMarque(marque))));
        expect(back.toDecimalPlaces(20).eq(marque)).toBe(true);
      }),
    );
  });

  it('converting a taux de marge to a taux de marque and back gives the same rate', () => {
    fc.assert(
      fc.property(anyRate, (margeRate) => {
        const back = valueOf(tauxDeMargeFromTauxDeMarque(valueOf(tauxDeMarqueFromTauxDeMarge(margeRate))));
        expect(back.toDecimalPlaces(20).eq(margeRate)).toBe(true);
      }),
    );
  });

  it('the taux de marque of a sale is its taux de marge converted, and is always the smaller of the two', () => {
    fc.assert(
      fc.property(cents, cents, (cost, extra) => {
        const sale = { costHt: cost, priceHt: cost.plus(extra) };
        const marque = valueOf(tauxDeMarque(sale));
        const marge = valueOf(tauxDeMarge(sale));
        expect(valueOf(tauxDeMarqueFromTauxDeMarge(marge)).toDecimalPlaces(20).eq(marque.toDecimalPlaces(20))).toBe(
          true,
        );
        expect(marque.lt(marge)).toBe(true);
      }),
    );
  });

  it('discounts in cascade never add up to more than their sum', () => {
    fc.assert(
      fc.property(fc.array(rateBelow100, { minLength: 1, maxLength: 5 }), (rates) => {
        const equivalent = valueOf(equivalentRate(rates));
        const sum = rates.reduce((a, b) => a.plus(b), new Dec(0));
        expect(equivalent.lte(sum)).toBe(true);
        expect(equivalent.lt(100)).toBe(true);
      }),
    );
  });

  it('the order of the discounts does not change the equivalent rate', () => {
    fc.assert(
      fc.property(fc.array(rateBelow100, { minLength: 2, maxLength: 4 }), (rates) => {
        const reversed = [...rates].reverse();
        expect(valueOf(equivalentRate(rates)).eq(valueOf(equivalentRate(reversed)))).toBe(true);
      }),
    );
  });

  it('a HT price turned into TTC and back is the same price to the cent', () => {
    fc.assert(
      fc.property(cents, vatRate, (ht, vat) => {
        const ttc = valueOf(htToTtc({ ht, vatPercent: vat }));
        expect(valueOf(ttcToHt({ ttc, vatPercent: vat })).eq(ht)).toBe(true);
      }),
    );
  });

  it('every line of an invoice is a written amount: cents only, and each subtraction can be redone from the sheet', () => {
    fc.assert(
      fc.property(
        cents,
        fc.array(rateBelow100, { maxLength: 3 }),
        rateBelow100,
        vatRate,
        (gross, rates, escompte, vat) => {
          const bill = valueOf(
            invoice({
              gross,
              reductions: rates.map((r) => ({ ratePercent: r })),
              escomptePercent: escompte,
              vatPercent: vat,
            }),
          );
          const lines = [bill.netCommercial, bill.escompte.amount, bill.netFinancier, bill.tva, bill.netAPayer];
          for (const line of [...lines, ...bill.reductions.map((r) => r.amount)])
            expect(line.decimalPlaces()).toBeLessThanOrEqual(2);
          const reduced = bill.reductions.reduce((net, r) => net.minus(r.amount), bill.gross);
          expect(reduced.eq(bill.netCommercial)).toBe(true);
          expect(bill.netCommercial.minus(bill.escompte.amount).eq(bill.netFinancier)).toBe(true);
          expect(bill.netFinancier.plus(bill.tva).eq(bill.netAPayer)).toBe(true);
        },
      ),
    );
  });

  it('the cascade on an invoice lands within a cent per step of gross × (1 − equivalent rate)', () => {
    fc.assert(
      fc.property(cents, fc.array(rateBelow100, { minLength: 1, maxLength: 4 }), (gross, rates) => {
        const bill = valueOf(invoice({ gross, reductions: rates.map((r) => ({ ratePercent: r })), vatPercent: 20 }));
        const exact = gross.mul(new Dec(1).minus(bill.tauxEquivalent.div(100)));
        expect(bill.netCommercial.minus(exact).abs().lte(new Dec('0.005').mul(rates.length))).toBe(true);
      }),
    );
  });
});
