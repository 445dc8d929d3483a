/**
 * The client agent's judgement, as pure functions of the spec and the state: how much it likes
 * a set of terms, whether it accepts them, and what it asks for next. See README.md for the model.
 */
import { Dec, type Decimal } from '../pricing/index.ts';
import { cascadeAtLeast, cascadeShape, shapeDiscount } from './cascade.ts';
import { itemOf, termFavour } from './item-scales.ts';
import { MAX_PAYMENT_DAYS, MAX_PAYMENT_DAYS_END_OF_MONTH, END_OF_MONTH_EXTRA_DAYS } from './payment-law.ts';
import type { NegotiationSpec } from './spec.ts';
import type { ItemKind } from './spec-items.ts';
import type { NegotiationState } from './state.ts';
import type { Terms } from './terms.ts';

/** How the client's demand moves with the steps the seller earns: level = (steps / reach)^curve. */
export const CONCESSION_STYLES = {
  firm: { reach: 6, curve: 2 },
  steady: { reach: 5, curve: 1 },
  flexible: { reach: 4, curve: 0.6 },
} as const;

/** Float tolerance on utilities (which are not money): avoids refusing an offer equal to the aspiration. */
const EPSILON = 1e-9;

const valueOf = termFavour;

/** The kinds the client cares about, in the spec's item order (a stable order for every loop). */
export function targetedKinds(spec: NegotiationSpec, state: NegotiationState): ItemKind[] {
  return spec.items.map((item) => item.kind).filter((kind) => state.targets[kind] !== undefined);
}

/** 1 at its opening demand, 0 at its reservation, negative beyond; capped at 1 (more than it asked adds nothing). */
function itemUtility(spec: NegotiationSpec, state: NegotiationState, terms: Terms, kind: ItemKind): number {
  const target = state.targets[kind];
  if (!target) return 0;
  const value = valueOf(spec, terms, kind);
  const opening = new Dec(target.opening);
  const reservation = new Dec(target.reservation);
  const gap = opening.minus(reservation);
  if (gap.isZero()) return value.gte(reservation) ? 1 : -1;
  return Math.min(1, value.minus(reservation).div(gap).toNumber());
}

/** Weighted utility of terms for the client. */
export function utility(spec: NegotiationSpec, state: NegotiationState, terms: Terms): number {
  return targetedKinds(spec, state).reduce(
    (sum, kind) => sum + (state.targets[kind]?.weight ?? 0) * itemUtility(spec, state, terms, kind),
    0,
  );
}

/** Every item the client cares about is at least at its reservation. */
export function withinReservation(spec: NegotiationSpec, state: NegotiationState, terms: Terms): boolean {
  return targetedKinds(spec, state).every((kind) =>
    valueOf(spec, terms, kind).gte(state.targets[kind]?.reservation ?? '0'),
  );
}

/** Terms at least as good for the client as its own demand on every item it cares about. */
export function meetsDemand(spec: NegotiationSpec, state: NegotiationState, terms: Terms): boolean {
  return targetedKinds(spec, state).every((kind) =>
    valueOf(spec, terms, kind).gte(valueOf(spec, state.clientDemand, kind)),
  );
}

/**
 * The client accepts terms that respect every reservation and either meet its current demand
 * or are worth at least its current aspiration (1 − level).
 */
export function acceptable(spec: NegotiationSpec, state: NegotiationState, terms: Terms): boolean {
  if (!withinReservation(spec, state, terms)) return false;
  return meetsDemand(spec, state, terms) || utility(spec, state, terms) >= 1 - state.level - EPSILON;
}

/** Level reached after `steps` earned steps, with a jitter in [0, 0.25) so clients differ by seed. */
export function levelFor(spec: NegotiationSpec, steps: number, jitter: number): number {
  if (steps <= 0) return 0;
  const style = CONCESSION_STYLES[spec.client.concessionStyle];
  return Math.min(1, ((steps + jitter) / style.reach) ** style.curve);
}

/** The point on the client's scale it aims at for an item at a given level. */
function aim(state: NegotiationState, kind: ItemKind, level: number): Decimal {
  const target = state.targets[kind];
  if (!target) return new Dec(0);
  const opening = new Dec(target.opening);
  return opening.minus(opening.minus(target.reservation).mul(new Dec(level.toFixed(12))));
}

/**
 * A term value whose value on the client's scale is at least `point`, rounded the way a client
 * speaks (half points of discount, whole days and months, cents) and always toward the client,
 * so that rounding never takes the demand under its aim.
 */
function valueAt(spec: NegotiationSpec, state: NegotiationState, kind: ItemKind, point: Decimal): Terms {
  switch (kind) {
    case 'discountPercent': {
      // A declared cascade is said step by step, from the client's previous words.
      const previous = state.clientDemand.discountPercent;
      if (cascadeShape(spec) && Array.isArray(previous))
        return { discountPercent: cascadeAtLeast(shapeDiscount(spec, previous) as number[], point) };
      return { discountPercent: point.mul(2).ceil().div(2).toNumber() };
    }
    case 'unitPrice': {
      const exact = new Dec(spec.seller.listPriceHt).mul(new Dec(1).minus(point.div(100)));
      let price = exact.toDecimalPlaces(2, Dec.ROUND_FLOOR);
      // The aim went through a division: if the last digits of precision put the rounded price a
      // hair above it, one cent less keeps the demand on the client's side of its aim.
      if (termFavour(spec, { unitPrice: price.toNumber() }, 'unitPrice').lt(point)) price = price.minus('0.01');
      return { unitPrice: price.toNumber() };
    }
    case 'paymentDays': {
      const days = point.ceil().toNumber();
      const target = spec.client.targets.paymentDays;
      const endOfMonth =
        target?.opening.endOfMonth === true && target.reservation.endOfMonth && days >= END_OF_MONTH_EXTRA_DAYS;
      // The client never asks for illegal terms after its opening: it is told the law, or knows it.
      // …and says the terms people use (30, 45 or 60 days), rounded up toward itself.
      return endOfMonth
        ? {
            paymentDays: {
              days: spokenDays(days - END_OF_MONTH_EXTRA_DAYS, MAX_PAYMENT_DAYS_END_OF_MONTH),
              endOfMonth: true,
            },
          }
        : { paymentDays: { days: spokenDays(days, MAX_PAYMENT_DAYS), endOfMonth: false } };
    }
    case 'services':
      return { services: servicesAt(spec, point) };
    case 'commitmentMonths': {
      // A commitment is said in years (12, 24, 36… months), rounded down toward the client,
      // never under the shortest the seller's table allows.
      const months = point.neg().floor().toNumber();
      const min = itemOf(spec, 'commitmentMonths')?.min ?? 0;
      return { commitmentMonths: months < 12 ? months : Math.max(Math.floor(months / 12) * 12, min) };
    }
    default:
      return { [kind]: point.neg().floor().toNumber() };
  }
}

/** Payment terms as people say them: 30, 45 or 60 days, the first at least `days` (already within the law). */
function spokenDays(days: number, cap: number): number {
  if (days <= 0) return days;
  return Math.min([30, 45, 60].find((d) => d >= days) ?? days, cap);
}

/** Drops the services it cares least about, cheapest first, while the rest is still worth `point`. */
function servicesAt(spec: NegotiationSpec, point: Decimal): string[] {
  const target = spec.client.targets.services;
  const options = itemOf(spec, 'services')?.options ?? [];
  if (!target) return [];
  const kept = options.filter((o) => target.opening.includes(o.id));
  const droppable = kept
    .filter((o) => !target.reservation.includes(o.id))
    .sort((a, b) => a.valueForClientHt - b.valueForClientHt || a.id.localeCompare(b.id));
  let value = kept.reduce((sum, o) => sum.plus(o.valueForClientHt), new Dec(0));
  const dropped = new Set<string>();
  for (const option of droppable) {
    if (value.minus(option.valueForClientHt).lt(point)) break;
    value = value.minus(option.valueForClientHt);
    dropped.add(option.id);
  }
  return kept.filter((o) => !dropped.has(o.id)).map((o) => o.id);
}

/**
 * The client's next demand. Per item it aims at its level, never asks less than the seller
 * already offers, and never asks more than its previous demand: its demands only ever move
 * toward the seller. Items it does not care about follow the seller's proposal, capped the same way.
 */
export function nextDemand(spec: NegotiationSpec, state: NegotiationState, level: number): Terms {
  const previous = state.clientDemand;
  const standing = state.sellerTerms;
  const demand: Terms = {};
  for (const { kind } of spec.items) {
    if (kind === 'services') {
      const wanted = state.targets.services ? (valueAt(spec, state, kind, aim(state, kind, level)).services ?? []) : [];
      const offered = standing.services ?? [];
      demand.services = (previous.services ?? []).filter((id) => wanted.includes(id) || offered.includes(id));
      continue;
    }
    const candidate = state.targets[kind]
      ? higher(spec, kind, valueAt(spec, state, kind, aim(state, kind, level)), standing)
      : standing;
    Object.assign(demand, lower(spec, kind, candidate, previous));
  }
  return demand;
}

function pick(spec: NegotiationSpec, kind: ItemKind, a: Terms, b: Terms, higherWins: boolean): Terms {
  const va = valueOf(spec, a, kind);
  const vb = valueOf(spec, b, kind);
  // On a tie the second one stays: the standing proposal, or the client's own earlier words.
  const chosen = (higherWins ? va.gt(vb) : va.lt(vb)) ? a : b;
  return { [kind]: structuredClone(chosen[kind]) };
}

function higher(spec: NegotiationSpec, kind: ItemKind, a: Terms, b: Terms): Terms {
  return pick(spec, kind, a, b, true);
}

function lower(spec: NegotiationSpec, kind: ItemKind, a: Terms, b: Terms): Terms {
  return pick(spec, kind, a, b, false);
}
