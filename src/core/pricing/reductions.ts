/**
 * Réductions commerciales en cascade: each rate applies to the net left by the previous one,
 * so 10 % then 5 % is 1 − 0,90 × 0,95 = 14,5 %, never the 15 % of the sum.
 */
import { type Decimal, Dec, fromPercent, toPercent } from './decimal.ts';
import { rateBelowHundred } from './inputs.ts';
import { ok, type PricingResult } from './result.ts';

/** Rabais (defect, late delivery), remise (quantity, status), ristourne (turnover over a period). */
export type ReductionKind = 'rabais' | 'remise' | 'ristourne';

/** Checks a list of reduction rates in percent; a 100 % step would leave nothing for the next one. */
export function checkRates(ratesPercent: readonly unknown[], field: string): PricingResult<Decimal[]> {
  const rates: Decimal[] = [];
  for (const [index, value] of ratesPercent.entries()) {
    const checked = rateBelowHundred(value, `${field}.${index}`);
    if (!checked.ok) return checked;
    rates.push(checked.value);
  }
  return ok(rates);
}

/** Equivalent single rate = 1 − Π(1 − rᵢ), in percent, unrounded (it is reused to price things). */
export function equivalentRate(ratesPercent: readonly unknown[]): PricingResult<Decimal> {
  const checked = checkRates(ratesPercent, 'ratesPercent');
  if (!checked.ok) return checked;
  return ok(equivalentOf(checked.value));
}

/** Same formula on already-checked rates. */
export function equivalentOf(ratesPercent: readonly Decimal[]): Decimal {
  const kept = ratesPercent.reduce((product, r) => product.mul(new Dec(1).minus(fromPercent(r))), new Dec(1));
  return toPercent(new Dec(1).minus(kept));
}

/** Net after the cascade, unrounded: for comparisons, not for an invoice (see invoice.ts). */
export function netAfterCascade(gross: Decimal, ratesPercent: readonly Decimal[]): Decimal {
  return new Dec(gross).mul(new Dec(1).minus(fromPercent(equivalentOf(ratesPercent))));
}
