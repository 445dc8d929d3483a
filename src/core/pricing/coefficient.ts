/**
 * The coefficient multiplicateur of BTS exercises is CM = PV TTC / PA HT: it turns a purchase
 * price into the shelf price in one multiplication. Some exercises use PV HT / PA HT instead;
 * that one is exposed as `coefficientHtSurHt` so the two can never be confused in code.
 * Coefficients are unrounded; presentation shows two decimals.
 */
import { type Decimal, Dec, fromPercent, toCents, toPercent } from './decimal.ts';
import { amount, positiveAmount, rate, rateBelowHundred } from './inputs.ts';
import { all, ok, type PricingResult } from './result.ts';

/** CM = PV TTC / PA HT. */
export function coefficientMultiplicateur(input: { costHt: unknown; priceTtc: unknown }): PricingResult<Decimal> {
  const inputs = all({ costHt: positiveAmount(input.costHt, 'costHt'), priceTtc: amount(input.priceTtc, 'priceTtc') });
  if (!inputs.ok) return inputs;
  return ok(inputs.value.priceTtc.div(inputs.value.costHt));
}

/**
 * CM from a PV HT: the TTC is taken unrounded, so that CM = (1 + taux de marge)(1 + t) holds
 * exactly instead of carrying the cent rounding of a price tag.
 */
export function coefficientMultiplicateurFromPriceHt(input: {
  costHt: unknown;
  priceHt: unknown;
  vatPercent: unknown;
}): PricingResult<Decimal> {
  const inputs = all({
    costHt: positiveAmount(input.costHt, 'costHt'),
    priceHt: amount(input.priceHt, 'priceHt'),
    vat: rate(input.vatPercent, 'vatPercent'),
  });
  if (!inputs.ok) return inputs;
  const { costHt, priceHt, vat } = inputs.value;
  return ok(priceHt.mul(fromPercent(vat).plus(1)).div(costHt));
}

/** CM = (1 + t) / (1 − taux de marque) — C3: 40 % de marque at 20 % → 2,00. */
export function coefficientMultiplicateurFromTauxDeMarque(input: {
  tauxDeMarque: unknown;
  vatPercent: unknown;
}): PricingResult<Decimal> {
  const inputs = all({
    m: rateBelowHundred(input.tauxDeMarque, 'tauxDeMarque'),
    vat: rate(input.vatPercent, 'vatPercent'),
  });
  if (!inputs.ok) return inputs;
  return ok(
    fromPercent(inputs.value.vat)
      .plus(1)
      .div(new Dec(1).minus(fromPercent(inputs.value.m))),
  );
}

/** The "HT coefficient" PV HT / PA HT, which is 1 + taux de marge — not the CM of BTS exercises. */
export function coefficientHtSurHt(input: { costHt: unknown; priceHt: unknown }): PricingResult<Decimal> {
  const inputs = all({ costHt: positiveAmount(input.costHt, 'costHt'), priceHt: amount(input.priceHt, 'priceHt') });
  if (!inputs.ok) return inputs;
  return ok(inputs.value.priceHt.div(inputs.value.costHt));
}

export interface PricesFromCoefficient {
  priceTtc: Decimal;
  priceHt: Decimal;
  tauxDeMarge: Decimal;
  tauxDeMarque: Decimal;
}

/**
 * TV3: PA HT 15 and CM 3 → PV TTC 45. The prices are rounded to the cent (they are price tags);
 * the rates come straight from CM and t, so they do not inherit the rounding of the HT price
 * (at 19,6 %: PV HT 37,63 but taux de marque 60,13 %, not the 60,14 % the rounded HT would give).
 */
export function pricesFromCoefficient(input: {
  costHt: unknown;
  coefficient: unknown;
  vatPercent: unknown;
}): PricingResult<PricesFromCoefficient> {
  const inputs = all({
    costHt: amount(input.costHt, 'costHt'),
    cm: positiveAmount(input.coefficient, 'coefficient'),
    vat: rate(input.vatPercent, 'vatPercent'),
  });
  if (!inputs.ok) return inputs;
  const { costHt, cm, vat } = inputs.value;
  const onePlusT = fromPercent(vat).plus(1);
  const htCoefficient = cm.div(onePlusT);
  return ok({
    priceTtc: toCents(costHt.mul(cm)),
    priceHt: toCents(costHt.mul(htCoefficient)),
    tauxDeMarge: toPercent(htCoefficient.minus(1)),
    tauxDeMarque: toPercent(new Dec(1).minus(new Dec(1).div(htCoefficient))),
  });
}
