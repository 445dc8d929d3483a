/**
 * Fractionnement du prix: bringing a price down to a small unit (per month, per day) so the
 * client compares it with everyday spending. Each share is rounded half-up to the cent because
 * it is an amount said to the client (C1: 1 200 € / 36 = 33,33 € ; / 365 = 3,29 €).
 */
import { type Decimal, Dec, toCents } from './decimal.ts';
import { amount, count } from './inputs.ts';
import { all, ok, type PricingResult } from './result.ts';

/** A year of 365 days split into 12 equal months: the convention of a « coût par jour » sentence. */
const DAYS_PER_MONTH = new Dec(365).div(12);

export function perPeriod(input: { price: unknown; periods: unknown }): PricingResult<Decimal> {
  const inputs = all({ price: amount(input.price, 'price'), periods: count(input.periods, 'periods') });
  if (!inputs.ok) return inputs;
  return ok(toCents(inputs.value.price.div(inputs.value.periods)));
}

export interface Fractionnement {
  perMonth: Decimal;
  perDay: Decimal;
  days: Decimal;
}

/** Per month over `months`, and per day over the same duration (36 months = 1 095 days). */
export function fractionnement(input: { price: unknown; months: unknown }): PricingResult<Fractionnement> {
  const inputs = all({ price: amount(input.price, 'price'), months: count(input.months, 'months') });
  if (!inputs.ok) return inputs;
  const { price, months } = inputs.value;
  const days = months.mul(DAYS_PER_MONTH);
  return ok({ perMonth: toCents(price.div(months)), perDay: toCents(price.div(days)), days });
}
