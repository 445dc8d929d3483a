/**
 * Calculations return a result instead of throwing: a bad input is an expected event in a
 * calculator (a student types "-80" or "abc"), and the caller must decide how to show it.
 * Codes are stable: the CLI and the game translate them, tests assert on them.
 */
export type PricingErrorCode =
  /** NaN, Infinity, or text that is not a number. */
  | 'not-a-number'
  /** A price, a cost, a quantity or a rate below zero. */
  | 'negative'
  /** Zero where the formula divides by it (a taux de marge on a zero cost…). */
  | 'zero'
  /** A rate at or above 100 % where that is impossible (taux de marque, remise of 100 %…). */
  | 'rate-too-high'
  /** A count that must be a whole number (months, days). */
  | 'not-an-integer';

export interface PricingError {
  code: PricingErrorCode;
  /** Name of the offending input, as the function's parameter names it. */
  field: string;
}

export interface PricingFailure {
  ok: false;
  error: PricingError;
}

export type PricingResult<T> = { ok: true; value: T } | PricingFailure;

export function ok<T>(value: T): PricingResult<T> {
  return { ok: true, value };
}

export function fail(code: PricingErrorCode, field: string): PricingFailure {
  return { ok: false, error: { code, field } };
}

type Values<T> = { [K in keyof T]: T[K] extends PricingResult<infer V> ? V : never };

/** Gathers several checked inputs; the first failure, in key order, wins. */
export function all<T extends Record<string, PricingResult<unknown>>>(results: T): PricingResult<Values<T>> {
  const values: Record<string, unknown> = {};
  for (const [key, result] of Object.entries(results)) {
    if (!result.ok) return result;
    values[key] = result.value;
  }
  return ok(values as Values<T>);
}
