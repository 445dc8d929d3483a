import { Dec, type Decimal } from '../pricing/index.ts';
import type { RngState } from '../random.ts';
import { shapeDiscount } from './cascade.ts';
import { favour, itemOf } from './item-scales.ts';
import { type Influence, effectivePatience, normalizeInfluence, reservationShift } from './influence.ts';
import type { NegotiationSpec } from './spec.ts';
import type { ClientTargets, ItemKind } from './spec-items.ts';
import type { ClientResponse, ClientTarget, NegotiationState } from './state.ts';
import { baseTerms, completeTerms } from './terms-check.ts';
import type { Terms } from './terms.ts';
import { speak } from './voice.ts';

export interface NegotiationStart {
  state: NegotiationState;
  rng: RngState;
  /** The client's opening demand. */
  response: ClientResponse;
}

/** The best value for the seller the interface allows on an item, on the client's scale. */
function sellerEnd(spec: NegotiationSpec, kind: ItemKind): Decimal {
  const item = spec.items.find((i) => i.kind === kind);
  switch (item?.kind) {
    case 'quantity':
    case 'deliveryDays':
    case 'commitmentMonths':
      return new Dec(item.max).neg();
    default:
      return new Dec(0);
  }
}

function clientTargets(spec: NegotiationSpec, influence: Influence): Partial<Record<ItemKind, ClientTarget>> {
  const shift = new Dec(reservationShift(influence).toFixed(12));
  // The client has no target on counterparts: it gives them as the price of a concession.
  const specTargets = spec.client.targets as Partial<Record<ItemKind, ClientTargets[keyof ClientTargets]>>;
  const declared = spec.items.map((i) => i.kind).filter((kind) => specTargets[kind] !== undefined);
  const totalWeight = declared.reduce((sum, kind) => sum + (specTargets[kind]?.weight ?? 0), 0);
  const targets: Partial<Record<ItemKind, ClientTarget>> = {};
  for (const kind of declared) {
    const target = specTargets[kind];
    if (!target) continue;
    const opening = favour(spec, kind, target.opening as never);
    const reservation = favour(spec, kind, target.reservation as never);
    // A set of services cannot move by a fraction: goodwill only moves the numeric items.
    const moved =
      kind === 'services'
        ? reservation
        : Dec.max(sellerEnd(spec, kind), reservation.minus(opening.minus(reservation).mul(shift)));
    targets[kind] = { opening: opening.toString(), reservation: moved.toString(), weight: target.weight / totalWeight };
  }
  return targets;
}

function openingDemand(spec: NegotiationSpec): Terms {
  const demand: Record<string, unknown> = {};
  for (const [kind, target] of Object.entries(spec.client.targets)) {
    if (!target || !itemOf(spec, kind as ItemKind)) continue;
    demand[kind] =
      kind === 'discountPercent' ? shapeDiscount(spec, target.opening as number | number[]) : target.opening;
  }
  return completeTerms(baseTerms(spec), demand);
}

/**
 * Opens the negotiation: the client's targets moved by the dialogue's influence, its patience,
 * and its opening demand (as the scenario words it, a cascade included).
 */
export function startNegotiation(spec: NegotiationSpec, influence: Influence, rng: RngState): NegotiationStart {
  const gauges = normalizeInfluence(influence);
  const demand = openingDemand(spec);
  const state: NegotiationState = {
    specId: spec.id,
    status: 'open',
    round: 0,
    influence: gauges,
    patience: effectivePatience(spec.client.patience, gauges),
    irritation: 0,
    clientSteps: 0,
    level: 0,
    targets: clientTargets(spec, gauges),
    clientDemand: demand,
    sellerTerms: baseTerms(spec),
    lastPriceStep: null,
    consecutiveRefusals: 0,
    pricePresented: false,
    techniquesUsed: [],
    concessions: [],
    evidence: [],
    evidenceCounts: {},
    agreedTerms: null,
    lastResponse: null,
  };
  const [line, next] = speak(spec, 'opening', rng);
  const response: ClientResponse = { kind: 'counter-offer', terms: completeTerms(demand, {}), line };
  state.lastResponse = response;
  return { state, rng: next, response };
}
