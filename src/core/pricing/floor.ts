/**
 * Prix plancher: the lowest net price HT that still keeps the company's minimum taux de marque,
 * PV HT min = coût / (1 − m); and the largest discount that price leaves on the tariff.
 */
import { type Decimal, Dec, fromPercent, toCents, toHundredths, toPercent } from './decimal.ts';
import { amount, positiveAmount, rateBelowHundred } from './inputs.ts';
import { all, ok, type PricingResult } from './result.ts';

/**
 * A price written to the cent, like every price in a preparation sheet, and the lowest such price
 * whose taux de marque, shown with two decimals, still reads at least the minimum — which is how
 * the negotiation checks the floor. Usually that is the half-up rounding (OWN1: 60 / 0,70 =
 * 85,714… → 85,71, at 30,00 %); on small prices the half-up cent can fall short (2,60 / 0,70 =
 * 3,714… → 3,71 reads 29,92 %), and the floor is then the next cent (3,72), never below.
 */
export function prixPlancher(input: { costHt: unknown; minTauxDeMarque: unknown }): PricingResult<Decimal> {
  const inputs = all({
    costHt: amount(input.costHt, 'costHt'),
    m: rateBelowHundred(input.minTauxDeMarque, 'minTauxDeMarque'),
  });
  if (!inputs.ok) return inputs;
  const { costHt, m } = inputs.value;
  let floor = toCents(costHt.div(new Dec(1).minus(fromPercent(m))));
  const shownMarque = (price: Decimal) => toHundredths(toPercent(price.minus(costHt).div(price)));
  while (floor.gt(0) && shownMarque(floor).lt(m)) floor = floor.plus('0.01');
  return ok(floor);
}

/**
 * Remise maximale = 1 − plancher / tarif, in percent, unrounded. It starts from the rounded floor
 * because that is the figure the student carries from the previous line of the correction
 * (OWN1: 1 − 85,71 / 100 = 14,29 %). Negative when the tariff is already under the floor.
 */
export function remiseMaximale(input: { prixPlancher: unknown; listPriceHt: unknown }): PricingResult<Decimal> {
  const inputs = all({
    floor: amount(input.prixPlancher, 'prixPlancher'),
    list: positiveAmount(input.listPriceHt, 'listPriceHt'),
  });
  if (!inputs.ok) return inputs;
  return ok(toPercent(new Dec(1).minus(inputs.value.floor.div(inputs.value.list))));
}
