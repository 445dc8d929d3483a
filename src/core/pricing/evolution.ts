import { type Decimal, toPercent } from './decimal.ts';
import { amount, positiveAmount } from './inputs.ts';
import { all, ok, type PricingResult } from './result.ts';

/** Taux d'évolution = (VA − VD) / VD × 100, unrounded (C6: 120 → 135 = +12,5 %). */
export function tauxEvolution(input: { from: unknown; to: unknown }): PricingResult<Decimal> {
  const inputs = all({ from: positiveAmount(input.from, 'from'), to: amount(input.to, 'to') });
  if (!inputs.ok) return inputs;
  return ok(toPercent(inputs.value.to.minus(inputs.value.from).div(inputs.value.from)));
}
