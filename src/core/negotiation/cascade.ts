/**
 * A discount the scenario declares as a cascade of named steps and/or a year-end rebate (RFA):
 * its shape, the normalisation of a discount to that shape, and the ways a client and a
 * reference negotiator say a cascade (half points per step). The equivalent single rate is
 * always 1 − Π(1 − rᵢ), the RFA included (`equivalentOf`).
 */
import { type Decimal, equivalentOf } from '../pricing/index.ts';
import { discountSteps, itemOf } from './item-scales.ts';
import type { NegotiationSpec } from './spec.ts';

export interface CascadeShape {
  /** Rates in the terms: the invoice steps, then the RFA when declared. */
  length: number;
  /** Rates printed on the invoice (the RFA is paid later by a credit note). */
  invoiceSteps: number;
  rfa: boolean;
}

/** The shape of the spec's discount, or null for a single rate (the default). */
export function cascadeShape(spec: Pick<NegotiationSpec, 'items'>): CascadeShape | null {
  const item = itemOf(spec, 'discountPercent');
  if (!item || (item.steps === undefined && item.rfa !== true)) return null;
  const invoiceSteps = item.steps?.length ?? 1;
  const rfa = item.rfa === true;
  return { length: invoiceSteps + (rfa ? 1 : 0), invoiceSteps, rfa };
}

/**
 * A discount in the spec's shape: a single rate becomes the first step (the others at 0), a short
 * cascade is completed with zeros. A longer cascade is left as is: `validateTerms` reports it.
 */
export function shapeDiscount(
  spec: Pick<NegotiationSpec, 'items'>,
  value: number | readonly number[],
): number | number[] {
  const shape = cascadeShape(spec);
  if (!shape) return typeof value === 'number' ? value : [...value];
  const rates = typeof value === 'number' ? [value] : [...value];
  while (rates.length < shape.length) rates.push(0);
  return rates;
}

/** The equivalent single rate of a discount, in percent, unrounded. */
export function equivalentDiscount(value: number | readonly number[]): Decimal {
  return equivalentOf(discountSteps(value));
}

/** The invoice steps and the RFA of a shaped discount (the RFA is 0 when none is declared). */
export function splitRfa(shape: CascadeShape, rates: readonly number[]): { invoice: number[]; rfa: number } {
  return shape.rfa
    ? { invoice: rates.slice(0, shape.invoiceSteps), rfa: rates[shape.invoiceSteps] ?? 0 }
    : { invoice: [...rates], rfa: 0 };
}

const HALF = 0.5;

/**
 * Lowers a cascade by half points, the largest step first (the last on a tie), for as long as
 * `keep` holds for the result. Steps never go under 0 and never above where they started.
 */
function lowerWhile(from: readonly number[], keep: (rates: number[]) => boolean): number[] {
  const rates = from.map((r) => Math.floor(r / HALF) * HALF);
  for (;;) {
    const order = rates.map((r, i) => ({ r, i })).sort((a, b) => b.r - a.r || b.i - a.i);
    const next = order
      .filter(({ r }) => r >= HALF)
      .map(({ i }) => rates.map((r, j) => (j === i ? r - HALF : r)))
      .find(keep);
    if (!next) return rates;
    rates.splice(0, rates.length, ...next);
  }
}

/**
 * The client's cascade for an aim on its scale: from its previous words, lowered by half points
 * while the equivalent rate stays at least `point` — the client never rounds against itself.
 */
export function cascadeAtLeast(previous: readonly number[], point: Decimal): number[] {
  const start = previous.map((r) => Math.ceil(r / HALF) * HALF);
  if (equivalentDiscount(start).lt(point)) return [...previous];
  return lowerWhile(start, (rates) => equivalentDiscount(rates).gte(point));
}

/**
 * A seller's cascade worth at most `point`, in the structure of `template` (the client's words):
 * its largest step lowered by half points until the equivalent rate is at most `point`.
 */
export function cascadeAtMost(template: readonly number[], point: Decimal): number[] {
  let rates = template.map((r) => Math.floor(r / HALF) * HALF);
  while (equivalentDiscount(rates).gt(point)) {
    const top = rates.map((r, i) => ({ r, i })).sort((a, b) => b.r - a.r || b.i - a.i)[0];
    if (!top || top.r <= 0) break;
    rates = rates.map((r, j) => (j === top.i ? Math.max(0, r - HALF) : r));
  }
  return rates;
}
