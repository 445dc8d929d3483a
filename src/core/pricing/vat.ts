import { type Decimal, fromPercent, toCents } from './decimal.ts';
import { amount, rate } from './inputs.ts';
import { all, ok, type PricingResult } from './result.ts';

/** The French VAT rates, in percent; 19.6 is here because exercises written before 2014 still use it. */
export const FRENCH_VAT_RATES = ['20', '10', '5.5', '2.1', '19.6'] as const;

/**
 * PV TTC = PV HT × (1 + t). Rounded to the cent because a TTC price is an amount someone
 * writes on a price tag or an invoice (TV5a: 15 HT at 19,6 % → 17,94 TTC).
 */
export function htToTtc(input: { ht: unknown; vatPercent: unknown }): PricingResult<Decimal> {
  const inputs = all({ ht: amount(input.ht, 'ht'), vat: rate(input.vatPercent, 'vatPercent') });
  if (!inputs.ok) return inputs;
  return ok(toCents(inputs.value.ht.mul(fromPercent(inputs.value.vat).plus(1))));
}

/** PV HT = PV TTC / (1 + t), rounded to the cent for the same reason (TV5b: 28 TTC at 19,6 % → 23,41 HT). */
export function ttcToHt(input: { ttc: unknown; vatPercent: unknown }): PricingResult<Decimal> {
  const inputs = all({ ttc: amount(input.ttc, 'ttc'), vat: rate(input.vatPercent, 'vatPercent') });
  if (!inputs.ok) return inputs;
  return ok(toCents(inputs.value.ttc.div(fromPercent(inputs.value.vat).plus(1))));
}

/** TVA = HT × t, rounded to the cent: it is the VAT line of an invoice. */
export function vatOn(input: { ht: unknown; vatPercent: unknown }): PricingResult<Decimal> {
  const inputs = all({ ht: amount(input.ht, 'ht'), vat: rate(input.vatPercent, 'vatPercent') });
  if (!inputs.ok) return inputs;
  return ok(toCents(inputs.value.ht.mul(fromPercent(inputs.value.vat))));
}
