import type { z } from 'zod';
import { equivalentOf } from '../pricing/index.ts';
import { cascadeShape } from './cascade.ts';
import { discountSteps, favour, itemOf } from './item-scales.ts';
import { paymentIllegality } from './payment-law.ts';
import type { NegotiationSpec } from './spec.ts';
import type { ItemKind } from './spec-items.ts';

type Ctx = z.RefinementCtx;

/**
 * `rule` is a stable id the validator turns into diagnostic NS045 with a translated message;
 * `message` is for developers reading Zod's output directly.
 */
function issue(
  ctx: Ctx,
  path: (string | number)[],
  rule: NegotiationRule,
  message: string,
  params: Record<string, string> = {},
): void {
  ctx.addIssue({ code: 'custom', path, message, params: { rule, ...params } });
}

export const NEGOTIATION_RULES = [
  'kind-twice',
  'one-price-item',
  'monthly-needs-commitment',
  'price-min-above-list',
  'min-above-max',
  'quantity-outside-range',
  'monthly-min-commitment',
  'base-outside-range',
  'payment-base-beyond-max',
  'payment-base-illegal',
  'service-twice',
  'discount-too-deep',
  'price-target-missing',
  'target-item-missing',
  'target-outside-range',
  'service-reservation-not-in-opening',
  'opening-below-reservation',
  'reservation-illegal',
  'cascade-too-long',
] as const;
export type NegotiationRule = (typeof NEGOTIATION_RULES)[number];

/**
 * Cross-field rules a JSON Schema cannot say: one price item, targets only on declared items,
 * each target inside its item's range with the opening at least as good for the client as the
 * reservation, a legal reservation on payment terms. A spec that passes can always be played:
 * the client's own demands are proposals the interface accepts.
 */
export function checkSpec(spec: NegotiationSpec, ctx: Ctx): void {
  const kinds = spec.items.map((item) => item.kind);
  kinds.forEach((kind, index) => {
    if (kinds.indexOf(kind) !== index)
      issue(ctx, ['items', index, 'kind'], 'kind-twice', `"${kind}" is declared twice`, { kind });
  });
  const priceItems = kinds.filter((k) => k === 'discountPercent' || k === 'unitPrice').length;
  if (priceItems !== 1)
    issue(ctx, ['items'], 'one-price-item', 'declare exactly one price item: "discountPercent" or "unitPrice"');
  if (spec.seller.billing === 'monthly' && !kinds.includes('commitmentMonths'))
    issue(
      ctx,
      ['seller', 'billing'],
      'monthly-needs-commitment',
      'monthly billing needs a "commitmentMonths" item: revenue runs over the commitment',
    );

  checkItems(spec, ctx);
  checkTargets(spec, ctx);
}

function checkItems(spec: NegotiationSpec, ctx: Ctx): void {
  spec.items.forEach((item, index) => {
    const at = ['items', index];
    switch (item.kind) {
      case 'unitPrice':
        if (item.min > spec.seller.listPriceHt)
          issue(ctx, [...at, 'min'], 'price-min-above-list', 'above the list price');
        break;
      case 'quantity':
        if (item.min > item.max) issue(ctx, [...at, 'min'], 'min-above-max', 'min is above max');
        if (spec.seller.quantity < item.min || spec.seller.quantity > item.max)
          issue(ctx, ['seller', 'quantity'], 'quantity-outside-range', "outside the quantity item's range");
        break;
      case 'deliveryDays':
      case 'commitmentMonths':
        if (item.kind === 'commitmentMonths' && spec.seller.billing === 'monthly' && item.min < 1)
          issue(
            ctx,
            [...at, 'min'],
            'monthly-min-commitment',
            'monthly billing needs at least one month of commitment',
          );
        if (item.min > item.max) issue(ctx, [...at, 'min'], 'min-above-max', 'min is above max');
        if (item.base < item.min || item.base > item.max)
          issue(ctx, [...at, 'base'], 'base-outside-range', 'outside min–max');
        break;
      case 'paymentDays':
        if (item.base.days > item.maxDays) issue(ctx, [...at, 'base'], 'payment-base-beyond-max', 'beyond maxDays');
        if (paymentIllegality(item.base))
          issue(ctx, [...at, 'base'], 'payment-base-illegal', "the seller's standard terms must be legal");
        break;
      case 'services': {
        const ids = item.options.map((o) => o.id);
        ids.forEach((id, i) => {
          if (ids.indexOf(id) !== i)
            issue(ctx, [...at, 'options', i, 'id'], 'service-twice', `service "${id}" is declared twice`, { id });
        });
        break;
      }
      case 'discountPercent':
        // Every price the player can type must leave some revenue, or no margin rate exists.
        if (spec.seller.listPriceHt * (1 - item.max / 100) < 0.01)
          issue(ctx, [...at, 'max'], 'discount-too-deep', 'leaves a net price under one cent');
        break;
    }
  });
}

/** Whether a target value fits the item's range, as the interface would accept it. */
function inRange(spec: NegotiationSpec, kind: ItemKind, value: unknown): boolean {
  const item = spec.items.find((i) => i.kind === kind);
  if (!item) return false;
  switch (item.kind) {
    case 'discountPercent':
      return equivalentOf(discountSteps(value as number | number[])).lte(item.max);
    case 'unitPrice':
      return (value as number) >= item.min && (value as number) <= spec.seller.listPriceHt;
    case 'quantity':
    case 'deliveryDays':
    case 'commitmentMonths':
      return (value as number) >= item.min && (value as number) <= item.max;
    case 'paymentDays':
      return (value as { days: number }).days <= item.maxDays;
    case 'services':
    case 'counterparts':
      return (value as string[]).every((id) => item.options.some((o) => o.id === id));
  }
}

function checkTargets(spec: NegotiationSpec, ctx: Ctx): void {
  const targets = spec.client.targets;
  const price = spec.items.find((i) => i.kind === 'discountPercent' || i.kind === 'unitPrice');
  if (price && !targets[price.kind])
    issue(
      ctx,
      ['client', 'targets', price.kind],
      'price-target-missing',
      'the client needs a target on the price item',
    );

  for (const kind of Object.keys(targets) as (keyof typeof targets)[]) {
    const target = targets[kind];
    if (!target) continue;
    const at = ['client', 'targets', kind];
    if (!itemOf(spec, kind)) {
      issue(ctx, at, 'target-item-missing', `no "${kind}" item is declared`, { kind });
      continue;
    }
    const shape = cascadeShape(spec);
    if (kind === 'discountPercent' && shape && Array.isArray(target.opening) && target.opening.length > shape.length)
      issue(ctx, [...at, 'opening'], 'cascade-too-long', 'more rates than the declared cascade', {
        count: String(shape.length),
      });
    for (const end of ['opening', 'reservation'] as const) {
      if (!inRange(spec, kind, target[end]))
        issue(ctx, [...at, end], 'target-outside-range', "outside the item's range");
    }
    if (kind === 'services') {
      const services = target as { opening: string[]; reservation: string[] };
      if (!services.reservation.every((id) => services.opening.includes(id)))
        issue(
          ctx,
          [...at, 'reservation'],
          'service-reservation-not-in-opening',
          'every service the client insists on must be in its opening demand',
        );
      continue;
    }
    const opening = favour(spec, kind, target.opening as never);
    const reservation = favour(spec, kind, target.reservation as never);
    if (opening.lt(reservation))
      issue(
        ctx,
        [...at, 'opening'],
        'opening-below-reservation',
        'the opening demand must be at least as good for the client as its reservation',
      );
    if (kind === 'paymentDays' && paymentIllegality(target.reservation as { days: number; endOfMonth: boolean }))
      issue(
        ctx,
        [...at, 'reservation'],
        'reservation-illegal',
        "the client's reservation must be legal, or no legal deal exists",
      );
  }
}
