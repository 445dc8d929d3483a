import { Dec, type Decimal } from './decimal.ts';
import { fail, ok, type PricingResult } from './result.ts';

/** Plain decimal notation only: "1e3", "0x10" or "Infinity" are typos in a price, not numbers. */
const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

export function parseNumeric(value: unknown, field: string): PricingResult<Decimal> {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? ok(new Dec(value)) : fail('not-a-number', field);
  }
  if (typeof value === 'string') {
    const text = value.trim();
    return DECIMAL_TEXT.test(text) ? ok(new Dec(text)) : fail('not-a-number', field);
  }
  if (Dec.isDecimal(value)) {
    return value.isFinite() ? ok(new Dec(value)) : fail('not-a-number', field);
  }
  return fail('not-a-number', field);
}

/** A price, a cost or an amount: zero allowed, negative refused. */
export function amount(value: unknown, field: string): PricingResult<Decimal> {
  const parsed = parseNumeric(value, field);
  if (!parsed.ok) return parsed;
  return parsed.value.isNegative() && !parsed.value.isZero() ? fail('negative', field) : parsed;
}

/** An amount the formula divides by. */
export function positiveAmount(value: unknown, field: string): PricingResult<Decimal> {
  const parsed = amount(value, field);
  if (!parsed.ok) return parsed;
  return parsed.value.isZero() ? fail('zero', field) : parsed;
}

/** A rate in percent with no upper bound (TVA, taux de marge). */
export function rate(value: unknown, field: string): PricingResult<Decimal> {
  return amount(value, field);
}

/**
 * A rate in percent that must stay under 100: a taux de marque of 100 % means a zero cost,
 * a remise of 100 % means the goods are given away and nothing is left to reduce.
 */
export function rateBelowHundred(value: unknown, field: string): PricingResult<Decimal> {
  const parsed = rate(value, field);
  if (!parsed.ok) return parsed;
  return parsed.value.gte(100) ? fail('rate-too-high', field) : parsed;
}

/** A number of months, days, units: a whole number above zero. */
export function count(value: unknown, field: string): PricingResult<Decimal> {
  const parsed = positiveAmount(value, field);
  if (!parsed.ok) return parsed;
  return parsed.value.isInteger() ? parsed : fail('not-an-integer', field);
}
