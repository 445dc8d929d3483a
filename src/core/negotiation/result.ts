import { Dec, type Decimal, toCents, toHundredths } from '../pricing/index.ts';
import { economicsOf, economicsToJson, floorPriceOf, type TermsEconomics } from './economics.ts';
import { itemOf } from './item-scales.ts';
import { objectiveTauxDeMarque } from './proposal-evidence.ts';
import type { Evidence } from './skills.ts';
import type { NegotiationSpec } from './spec.ts';
import type { ConcessionRecord, NegotiationState } from './state.ts';
import type { Terms } from './terms.ts';

/** Figures for the evaluation and the debrief; money and rates as two-decimal strings. */
export interface NegotiationResult {
  status: NegotiationState['status'];
  /** The dialogue node or ending the negotiation leads to; null while it is open. */
  outcome: string | null;
  rounds: number;
  finalTerms: Terms | null;
  economics: TermsEconomics | null;
  finalNetUnitPriceHt: string | null;
  revenueHt: string;
  marginHt: string | null;
  tauxDeMarque: string | null;
  objectiveTauxDeMarque: string;
  minTauxDeMarque: string;
  floorPriceHt: string;
  /** Taux de marque minus the objective, in points (negative: under the objective). */
  marginVsObjectivePoints: string | null;
  /** Taux de marque minus the minimum, in points (negative: under the floor). */
  marginVsFloorPoints: string | null;
  belowFloor: boolean;
  /** What the client could have bought: list price, largest quantity, longest commitment. */
  potentialRevenueHt: string;
  shareOfPotentialPercent: string;
  concessions: ConcessionRecord[];
  concessionsCount: number;
  /** Concessions paid for by a counterpart or a signature. */
  counterpartsObtained: number;
  concessionsWithoutCounterpart: number;
  irritation: number;
  patience: number;
  evidence: Evidence[];
}

/** Which of the spec's outcomes the negotiation ended on; null while it is open. */
export function negotiationOutcomeKey(state: NegotiationState): keyof NegotiationSpec['outcomes'] | null {
  switch (state.status) {
    case 'deal':
      return 'deal';
    case 'no-deal':
      return 'noDeal';
    case 'walked-away':
      return 'walkAway';
    default:
      return null;
  }
}

/** The dialogue node or ending the negotiation leads to; null while it is open. */
export function negotiationOutcome(spec: NegotiationSpec, state: NegotiationState): string | null {
  const key = negotiationOutcomeKey(state);
  return key === null ? null : spec.outcomes[key];
}

function potentialRevenue(spec: NegotiationSpec): Decimal {
  const quantity = itemOf(spec, 'quantity')?.max ?? spec.seller.quantity;
  const months = spec.seller.billing === 'monthly' ? (itemOf(spec, 'commitmentMonths')?.max ?? 1) : 1;
  return new Dec(spec.seller.listPriceHt).mul(quantity).mul(months);
}

const points = (value: Decimal): string => toHundredths(value).toFixed(2);

export function negotiationResult(spec: NegotiationSpec, state: NegotiationState): NegotiationResult {
  const terms = state.status === 'deal' ? state.agreedTerms : null;
  const e = terms ? economicsOf(spec, terms) : null;
  const objective = objectiveTauxDeMarque(spec);
  const minimum = new Dec(spec.seller.minTauxDeMarquePercent);
  const taux = e ? toHundredths(e.tauxDeMarque) : null;
  const revenue = e ? e.revenueHt : new Dec(0);
  const potential = potentialRevenue(spec);
  const paid = state.concessions.filter((c) => c.counterparts.length > 0 || c.conditional).length;
  return {
    status: state.status,
    outcome: negotiationOutcome(spec, state),
    rounds: state.round,
    finalTerms: terms ? structuredClone(terms) : null,
    economics: e ? economicsToJson(spec, e) : null,
    finalNetUnitPriceHt: e ? e.netUnitPriceHt.toFixed(2) : null,
    revenueHt: toCents(revenue).toFixed(2),
    marginHt: e ? toCents(e.marginHt).toFixed(2) : null,
    tauxDeMarque: taux ? taux.toFixed(2) : null,
    objectiveTauxDeMarque: points(objective),
    minTauxDeMarque: points(minimum),
    floorPriceHt: floorPriceOf(spec).toFixed(2),
    marginVsObjectivePoints: taux ? points(taux.minus(objective)) : null,
    marginVsFloorPoints: taux ? points(taux.minus(minimum)) : null,
    belowFloor: e?.belowFloor ?? false,
    potentialRevenueHt: toCents(potential).toFixed(2),
    shareOfPotentialPercent: points(revenue.div(potential).mul(100)),
    concessions: structuredClone(state.concessions),
    concessionsCount: state.concessions.length,
    counterpartsObtained: paid,
    concessionsWithoutCounterpart: state.concessions.length - paid,
    irritation: state.irritation,
    patience: state.patience,
    evidence: structuredClone(state.evidence),
  };
}
