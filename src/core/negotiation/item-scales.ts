/**
 * Every item is compared on one scale: how good its value is for the client (higher = better
 * for the client, so lower = better for the seller). A discount is measured by its equivalent
 * rate, a unit price by the discount it amounts to, a lead time or a commitment by minus its
 * length, payment terms by their effective days, services by their value for the client.
 */
import { Dec, type Decimal, equivalentOf } from '../pricing/index.ts';
import { effectivePaymentDays } from './payment-law.ts';
import type { NegotiationSpec } from './spec.ts';
import type { ItemKind, ItemOf, PaymentTerms } from './spec-items.ts';
import type { Terms } from './terms.ts';

export function itemOf<K extends ItemKind>(spec: Pick<NegotiationSpec, 'items'>, kind: K): ItemOf<K> | undefined {
  return spec.items.find((item): item is ItemOf<K> => item.kind === kind);
}

export function discountSteps(value: number | readonly number[]): Decimal[] {
  return (typeof value === 'number' ? [value] : value).map((r) => new Dec(r));
}

/** Equivalent discount in percent of a unit price against the list price. */
export function discountOfPrice(listPriceHt: number, unitPrice: number): Decimal {
  return new Dec(1).minus(new Dec(unitPrice).div(listPriceHt)).mul(100);
}

export function serviceValue(spec: Pick<NegotiationSpec, 'items'>, ids: readonly string[]): Decimal {
  const options = itemOf(spec, 'services')?.options ?? [];
  return ids.reduce((sum, id) => sum.plus(options.find((o) => o.id === id)?.valueForClientHt ?? 0), new Dec(0));
}

/** What counterparts granted by the client are worth to the seller, in euros HT. */
export function counterpartValue(spec: Pick<NegotiationSpec, 'items'>, ids: readonly string[]): Decimal {
  const options = itemOf(spec, 'counterparts')?.options ?? [];
  return ids.reduce((sum, id) => sum.plus(options.find((o) => o.id === id)?.valueHt ?? 0), new Dec(0));
}

/** The value of one item on the client's scale. */
export function favour<K extends ItemKind>(
  spec: Pick<NegotiationSpec, 'items' | 'seller'>,
  kind: K,
  value: NonNullable<Terms[K]>,
): Decimal {
  switch (kind) {
    case 'discountPercent':
      return equivalentOf(discountSteps(value as number | number[]));
    case 'unitPrice':
      return discountOfPrice(spec.seller.listPriceHt, value as number);
    case 'paymentDays':
      return new Dec(effectivePaymentDays(value as PaymentTerms));
    case 'services':
      return serviceValue(spec, value as string[]);
    case 'counterparts':
      // What the client gives away: the more it is worth, the worse for the client.
      return counterpartValue(spec, value as string[]).neg();
    default:
      // quantity, deliveryDays, commitmentMonths: less is better for the client.
      return new Dec(value as number).neg();
  }
}

/** The price item of a spec: exactly one exists in a valid spec. */
export function priceKind(spec: Pick<NegotiationSpec, 'items'>): 'discountPercent' | 'unitPrice' {
  return spec.items.some((item) => item.kind === 'unitPrice') ? 'unitPrice' : 'discountPercent';
}

/** An item of some terms on the client's scale (0 when the terms leave it out). */
export function termFavour(spec: Pick<NegotiationSpec, 'items' | 'seller'>, terms: Terms, kind: ItemKind): Decimal {
  const value = terms[kind];
  return value === undefined ? new Dec(0) : favour(spec, kind, value as never);
}
