/**
 * Two scripted sellers, for tests and for the content checker: the best plays the golden rules
 * of the course, the worst makes every classic mistake. Both are deterministic for a seed.
 * They read what a player sees (the client's demands) plus the seller's room; never the
 * client's hidden reservation.
 */
import { Dec, type Decimal, toHundredths } from '../pricing/index.ts';
import { seedRng, type RngState } from '../random.ts';
import { applyNegotiationMove } from './apply-move.ts';
import { cascadeAtMost, cascadeShape, equivalentDiscount } from './cascade.ts';
import { economicsOf, floorPriceOf } from './economics.ts';
import type { Influence } from './influence.ts';
import { itemOf, priceKind, termFavour } from './item-scales.ts';
import type { ItemValue, NegotiationMove } from './moves.ts';
import { MAX_PAYMENT_DAYS, paymentIllegality } from './payment-law.ts';
import type { Evidence } from './skills.ts';
import type { NegotiationSpec } from './spec.ts';
import { startNegotiation } from './start.ts';
import type { ClientResponse, NegotiationState } from './state.ts';
import type { Terms } from './terms.ts';

export interface BotGame {
  moves: NegotiationMove[];
  responses: ClientResponse[];
  state: NegotiationState;
  evidence: Evidence[];
}

/** A bot never plays more moves than this; the client's own limits usually end the game first. */
const MOVE_BUDGET = 30;

class Table {
  readonly moves: NegotiationMove[] = [];
  readonly responses: ClientResponse[];
  state: NegotiationState;
  private rng: RngState;

  constructor(
    readonly spec: NegotiationSpec,
    start: { state: NegotiationState; rng: RngState; response?: ClientResponse },
  ) {
    this.state = start.state;
    this.rng = start.rng;
    this.responses = start.response ? [start.response] : [];
  }

  static opening(spec: NegotiationSpec, influence: Influence, seed: number): Table {
    return new Table(spec, startNegotiation(spec, influence, seedRng(seed)));
  }

  get open(): boolean {
    return this.state.status === 'open' && this.moves.length < MOVE_BUDGET;
  }

  get last(): ClientResponse | undefined {
    return this.responses.at(-1);
  }

  play(move: NegotiationMove): boolean {
    const outcome = applyNegotiationMove(this.spec, this.state, move, this.rng);
    if (!outcome.ok) return false;
    this.state = outcome.state;
    this.rng = outcome.rng;
    this.moves.push(move);
    this.responses.push(outcome.response);
    return true;
  }

  game(): BotGame {
    return { moves: this.moves, responses: this.responses, state: this.state, evidence: this.state.evidence };
  }
}

/** The price item's value on the client's scale: discount points. */
function priceOf(spec: NegotiationSpec, terms: Terms): Decimal {
  return termFavour(spec, terms, priceKind(spec));
}

/** A price item value at `discount` points off the list price. */
function priceValue(spec: NegotiationSpec, discount: Decimal, state?: NegotiationState): ItemValue {
  const words = state?.clientDemand.discountPercent;
  // Against a declared cascade the bot answers in the client's own steps, lowered to its price.
  if (priceKind(spec) === 'discountPercent' && cascadeShape(spec) && Array.isArray(words) && state)
    return { item: 'discountPercent', value: sellerCascade(words, discount, priceOf(spec, state.sellerTerms)) };
  if (priceKind(spec) === 'discountPercent')
    return { item: 'discountPercent', value: toHundredths(discount).toNumber() };
  const price = new Dec(spec.seller.listPriceHt).mul(new Dec(1).minus(discount.div(100)));
  return { item: 'unitPrice', value: price.toDecimalPlaces(2, Dec.ROUND_CEIL).toNumber() };
}

/**
 * The client's steps lowered by half points to at most `discount`; when that rounding falls back
 * to what the seller already gives, the first step is set to the hundredth instead.
 */
function sellerCascade(words: readonly number[], discount: Decimal, now: Decimal): number[] {
  const rates = cascadeAtMost(words, discount);
  if (equivalentDiscount(rates).gt(now)) return rates;
  const others = rates.slice(1).reduce((kept, r) => kept.mul(new Dec(1).minus(new Dec(r).div(100))), new Dec(1));
  const first = new Dec(1).minus(new Dec(1).minus(discount.div(100)).div(others)).mul(100);
  return [Dec.max(0, first.toDecimalPlaces(2, Dec.ROUND_FLOOR)).toNumber(), ...rates.slice(1)];
}

/** The deepest discount the seller may give: inside the mandate, above the floor, within the item's range. */
function sellerLimit(spec: NegotiationSpec): Decimal {
  const floorDiscount = new Dec(1).minus(floorPriceOf(spec).div(spec.seller.listPriceHt)).mul(100);
  const price = spec.items.find((i) => i.kind === 'discountPercent' || i.kind === 'unitPrice');
  const rangeDiscount =
    price?.kind === 'discountPercent'
      ? new Dec(price.max)
      : new Dec(1).minus(new Dec(price?.min ?? spec.seller.listPriceHt).div(spec.seller.listPriceHt)).mul(100);
  return Dec.max(
    0,
    Dec.min(spec.seller.maxDiscountPercent, floorDiscount, rangeDiscount).toDecimalPlaces(2, Dec.ROUND_FLOOR),
  );
}

/** Terms the seller can sign: legal, inside the mandate, above the floor. */
function signable(spec: NegotiationSpec, terms: Terms): boolean {
  const e = economicsOf(spec, terms);
  return e.paymentLegal && !e.outsideMandate && !e.belowFloor;
}

/** Something to ask in return, one notch better for the seller than the standing terms. */
function counterparts(spec: NegotiationSpec, standing: Terms): ItemValue[] {
  const asks: ItemValue[] = [];
  for (const item of spec.items) {
    switch (item.kind) {
      case 'counterparts': {
        // The most valuable counterpart not yet granted, asked for before the other items.
        const granted = standing.counterparts ?? [];
        const next = [...item.options].sort((a, b) => b.valueHt - a.valueHt).find((o) => !granted.includes(o.id));
        if (next) asks.unshift({ item: 'counterparts', value: [...granted, next.id] });
        break;
      }
      case 'commitmentMonths': {
        const now = standing.commitmentMonths ?? item.base;
        if (now < item.max) asks.push({ item: 'commitmentMonths', value: Math.min(item.max, now + 12) });
        break;
      }
      case 'quantity': {
        const now = standing.quantity ?? spec.seller.quantity;
        if (now < item.max) asks.push({ item: 'quantity', value: now + 1 });
        break;
      }
      case 'deliveryDays': {
        const now = standing.deliveryDays ?? item.base;
        if (now < item.max) asks.push({ item: 'deliveryDays', value: Math.min(item.max, now + 5) });
        break;
      }
      case 'paymentDays': {
        const now = standing.paymentDays ?? item.base;
        const days = now.days + (now.endOfMonth ? 15 : 0);
        if (days > 0) asks.push({ item: 'paymentDays', value: { days: Math.max(0, days - 15), endOfMonth: false } });
        break;
      }
      case 'services': {
        const included = standing.services ?? [];
        if (included.length > 0) asks.push({ item: 'services', value: included.slice(0, -1) });
        break;
      }
      default:
        break;
    }
  }
  return asks;
}

/**
 * Presents the price after value with a technique, refuses the opening demand with an argument,
 * then trades each price concession for a counterpart in halving steps (never on the midpoint),
 * and closes conditionally as soon as the client's demand is signable and within one step.
 */
export function bestNegotiator(spec: NegotiationSpec, influence: Influence, seed: number): BotGame {
  return playBest(Table.opening(spec, influence, seed));
}

/**
 * The same best seller, joining a negotiation already opened (in a live visit): its moves,
 * replayed on that visit, get exactly the answers it planned for — the agent is deterministic.
 */
export function bestNegotiatorFrom(spec: NegotiationSpec, state: NegotiationState, rng: RngState): BotGame {
  return playBest(new Table(spec, { state, rng }));
}

function playBest(table: Table): BotGame {
  const { spec } = table;
  const influence = table.state.influence;
  if (influence.valueEstablished)
    table.play({ type: 'present-price', technique: spec.seller.billing === 'monthly' ? 'fractioning' : 'sandwich' });
  if (table.open) table.play({ type: 'refuse', argument: 'recap-value' });

  const limit = sellerLimit(spec);
  let step = Dec.max('0.5', limit.mul('0.4').mul(2).floor().div(2));
  let lever = 0;
  let failedCloses = 0;
  while (table.open && failedCloses < 2) {
    const s = table.state;
    const now = priceOf(spec, s.sellerTerms);
    const asked = priceOf(spec, s.clientDemand);
    if (signable(spec, s.clientDemand) && asked.minus(now).lte(step)) {
      table.play({ type: 'conditional-close', terms: s.clientDemand, condition: 'sign-today' });
      failedCloses += 1;
      continue;
    }
    let target = Dec.min(limit, now.plus(step), asked);
    const midpoint = now.plus(asked).div(2);
    if (asked.minus(now).gte(1) && target.minus(midpoint).abs().lte('0.3'))
      target = Dec.max(now, midpoint.minus('0.5'));
    if (target.lte(now)) {
      table.play({ type: 'conditional-close', terms: s.sellerTerms, condition: 'sign-today' });
      failedCloses += 1;
      continue;
    }
    const asks = counterparts(spec, s.sellerTerms);
    const ask = asks.length > 0 ? asks[lever++ % asks.length] : undefined;
    const concession = priceValue(spec, target, s);
    const played = ask
      ? table.play({ type: 'concede', ...concession, counterpart: ask })
      : table.play({
          type: 'conditional-close',
          terms: { [concession.item]: concession.value },
          condition: 'sign-today',
        });
    if (!played) break;
    step = Dec.max('0.5', step.div(2).mul(2).floor().div(2));
  }
  if (table.state.status === 'open') table.play({ type: 'leave' });
  return table.game();
}

/**
 * Announces the price flatly, gives the whole mandate at once for nothing, splits the
 * difference, then gives the client whatever it asks — floor or not.
 */
export function worstNegotiator(spec: NegotiationSpec, influence: Influence, seed: number): BotGame {
  return playWorst(Table.opening(spec, influence, seed));
}

export function worstNegotiatorFrom(spec: NegotiationSpec, state: NegotiationState, rng: RngState): BotGame {
  return playWorst(new Table(spec, { state, rng }));
}

function playWorst(table: Table): BotGame {
  const { spec } = table;
  table.play({ type: 'present-price', technique: 'plain' });
  const mandate = Dec.min(spec.seller.maxDiscountPercent, sellerRange(spec));
  if (table.open && mandate.gt(priceOf(spec, table.state.sellerTerms)))
    table.play({ type: 'concede', ...priceValue(spec, mandate, table.state) });

  while (table.open) {
    const s = table.state;
    const now = priceOf(spec, s.sellerTerms);
    const asked = priceOf(spec, s.clientDemand);
    if (asked.minus(now).gte(1)) {
      if (!table.play({ type: 'concede', ...priceValue(spec, now.plus(asked).div(2), s) })) break;
      continue;
    }
    const demand: Terms = structuredClone(s.clientDemand);
    if (
      table.last?.kind === 'reject' &&
      table.last.reason === 'illegal-terms' &&
      demand.paymentDays &&
      paymentIllegality(demand.paymentDays)
    )
      demand.paymentDays = { days: MAX_PAYMENT_DAYS, endOfMonth: false };
    if (!table.play({ type: 'offer', terms: demand })) break;
  }
  return table.game();
}

function sellerRange(spec: NegotiationSpec): Decimal {
  const item = itemOf(spec, 'discountPercent');
  if (item) return new Dec(item.max);
  const price = itemOf(spec, 'unitPrice');
  return new Dec(1).minus(new Dec(price?.min ?? spec.seller.listPriceHt).div(spec.seller.listPriceHt)).mul(100);
}
