/**
 * Prix plancher: the lowest net price HT that still keeps the company's minimum taux de marque,
 * PV HT min = coût / (1 − m); and the largest discount that price leaves on the tariff.
 */
import { type Decimal, Dec, fromPercent, toCents, toPercent } from './decimal.ts';
import { amount, positiveAmount, rateBelowHundred } from './inputs.ts';
import { all, ok, type PricingResult } from './result.ts';

/**
 * Rounded half-up to the cent, like every price a seller writes in a preparation sheet
 * (OWN1: 60 / 0,70 = 85,714… → 85,71). At that cent the taux de marque reads 30,00 % once
 * shown with two decimals, which is how the floor is checked elsewhere.
 */
export function prixPlancher(input: { costHt: unknown; minTauxDeMarque: unknown }): PricingResult<Decimal> {
  const inputs = all({
    costHt: amount(input.costHt, 'costHt'),
    m: rateBelowHundred(input.minTauxDeMarque, 'minTauxDeMarque'),
  });
  if (!inputs.ok) return inputs;
  return ok(toCents(inputs.value.costHt.div(new Dec(1).minus(fromPercent(inputs.value.m)))));
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
