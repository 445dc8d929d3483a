import Decimal from 'decimal.js';

/**
 * The one Decimal constructor of the pricing module. A private clone so that nobody else's
 * `Decimal.set()` can change our precision or rounding mode behind our back. 40 significant
 * digits is far more than any euro amount needs, so the only rounding that matters is the
 * explicit one to the cent below.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export type { Decimal };
/** What callers may pass as an amount or a rate: a Decimal, a decimal string, or a JS number. */
export type Numeric = Decimal.Value;

const HUNDRED = new Dec(100);

/**
 * Half-up to the cent: the rounding French invoices and BTS corrections use (0,005 € → 0,01 €).
 * Always named explicitly so that no other rounding mode can sneak in.
 */
export function toCents(value: Decimal): Decimal {
  return new Dec(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Half-up to two decimals, for rates shown in percent (33,333… % → 33,33 %). */
export function toHundredths(value: Decimal): Decimal {
  return new Dec(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** 20 (%) → 0.2. Every public function takes rates in percent, as students write them. */
export function fromPercent(percent: Decimal): Decimal {
  return new Dec(percent).div(HUNDRED);
}

/** 0.2 → 20 (%). */
export function toPercent(fraction: Decimal): Decimal {
  return new Dec(fraction).mul(HUNDRED);
}
