/**
 * Marge, taux de marge (on cost) and taux de marque (on selling price). The French names are
 * kept as identifiers on purpose: the English "markup" and "margin" mean opposite things to
 * different readers, while every BTS student and teacher knows which base each French rate uses.
 *
 * Rates are returned unrounded, in percent: a rate is reused in other formulas, and rounding it
 * first would drift the result (TV3 at 19,6 % gives 60,13 % only from the unrounded PV HT).
 * Presentation rounds them to two decimals.
 */
import { type Decimal, Dec, fromPercent, toCents, toPercent } from './decimal.ts';
import { amount, positiveAmount, rate, rateBelowHundred } from './inputs.ts';
import { all, ok, type PricingResult } from './result.ts';

/**
 * Marge unitaire = PV HT − coût d'achat HT. Negative when selling at a loss; inputs are exact cents, so no
 * rounding.
 */
export function marge(input: { costHt: unknown; priceHt: unknown }): PricingResult<Decimal> {
  const inputs = all({ costHt: amount(input.costHt, 'costHt'), priceHt: amount(input.priceHt, 'priceHt') });
  if (!inputs.ok) return inputs;
  return ok(inputs.value.priceHt.minus(inputs.value.costHt));
}

/** Taux de marge = marge / coût d'achat HT × 100. */
export function tauxDeMarge(input: { costHt: unknown; priceHt: unknown }): PricingResult<Decimal> {
  const inputs = all({ costHt: positiveAmount(input.costHt, 'costHt'), priceHt: amount(input.priceHt, 'priceHt') });
  if (!inputs.ok) return inputs;
  const { costHt, priceHt } = inputs.value;
  return ok(toPercent(priceHt.minus(costHt).div(costHt)));
}

/** Taux de marque = marge / PV HT × 100. */
export function tauxDeMarque(input: { costHt: unknown; priceHt: unknown }): PricingResult<Decimal> {
  const inputs = all({ costHt: amount(input.costHt, 'costHt'), priceHt: positiveAmount(input.priceHt, 'priceHt') });
  if (!inputs.ok) return inputs;
  const { costHt, priceHt } = inputs.value;
  return ok(toPercent(priceHt.minus(costHt).div(priceHt)));
}

/** taux de marque = taux de marge / (1 + taux de marge) — TV4: 33,33 % de marge ⇔ 25 % de marque. */
export function tauxDeMarqueFromTauxDeMarge(tauxDeMargePercent: unknown): PricingResult<Decimal> {
  const checked = rate(tauxDeMargePercent, 'tauxDeMarge');
  if (!checked.ok) return checked;
  const r = fromPercent(checked.value);
  return ok(toPercent(r.div(r.plus(1))));
}

/** taux de marge = taux de marque / (1 − taux de marque); impossible at 100 % (a zero cost). */
export function tauxDeMargeFromTauxDeMarque(tauxDeMarquePercent: unknown): PricingResult<Decimal> {
  const checked = rateBelowHundred(tauxDeMarquePercent, 'tauxDeMarque');
  if (!checked.ok) return checked;
  const m = fromPercent(checked.value);
  return ok(toPercent(m.div(new Dec(1).minus(m))));
}

/**
 * PV HT = coût × (1 + taux de marge), rounded to the cent because it becomes a price tag (TV10: 6,50 at 30 % →
 * 8,45).
 */
export function priceFromTauxDeMarge(input: { costHt: unknown; tauxDeMarge: unknown }): PricingResult<Decimal> {
  const inputs = all({ costHt: amount(input.costHt, 'costHt'), r: rate(input.tauxDeMarge, 'tauxDeMarge') });
  if (!inputs.ok) return inputs;
  return ok(toCents(inputs.value.costHt.mul(fromPercent(inputs.value.r).plus(1))));
}

/** PV HT = coût / (1 − taux de marque), rounded to the cent: a price tag (TV4c: 72 at 20 % → 90). */
export function priceFromTauxDeMarque(input: { costHt: unknown; tauxDeMarque: unknown }): PricingResult<Decimal> {
  const inputs = all({
    costHt: amount(input.costHt, 'costHt'),
    m: rateBelowHundred(input.tauxDeMarque, 'tauxDeMarque'),
  });
  if (!inputs.ok) return inputs;
  return ok(toCents(inputs.value.costHt.div(new Dec(1).minus(fromPercent(inputs.value.m)))));
}

/**
 * Coût d'achat = PV HT / (1 + taux de marge), rounded to the cent: it is an invoice amount (TV4e: 260 at 30 % →
 * 200).
 */
export function costFromTauxDeMarge(input: { priceHt: unknown; tauxDeMarge: unknown }): PricingResult<Decimal> {
  const inputs = all({ priceHt: amount(input.priceHt, 'priceHt'), r: rate(input.tauxDeMarge, 'tauxDeMarge') });
  if (!inputs.ok) return inputs;
  return ok(toCents(inputs.value.priceHt.div(fromPercent(inputs.value.r).plus(1))));
}

/** Coût d'achat = PV HT × (1 − taux de marque), rounded to the cent. */
export function costFromTauxDeMarque(input: { priceHt: unknown; tauxDeMarque: unknown }): PricingResult<Decimal> {
  const inputs = all({
    priceHt: amount(input.priceHt, 'priceHt'),
    m: rateBelowHundred(input.tauxDeMarque, 'tauxDeMarque'),
  });
  if (!inputs.ok) return inputs;
  return ok(toCents(inputs.value.priceHt.mul(new Dec(1).minus(fromPercent(inputs.value.m)))));
}
