/**
 * What a proposal shows about the seller, by the golden rules of the course (domain notes §c.6):
 * never concede without a counterpart, concede in small decreasing steps, never the whole
 * margin at once, never split the difference, stay above the floor and inside the mandate.
 */
import { Dec, type Decimal, toHundredths } from '../pricing/index.ts';
import { type Economics, economicsOf } from './economics.ts';
import { priceKind, termFavour } from './item-scales.ts';
import type { ProposalAnalysis } from './proposal.ts';
import type { Evidence, EvidenceFacts } from './skills.ts';
import type { NegotiationSpec } from './spec.ts';
import type { NegotiationState } from './state.ts';
import type { Terms } from './terms.ts';

/** How the proposal was made: a plain offer, an explicit « si… alors… », or a conditional close. */
export type ProposalForm = 'offer' | 'concede' | 'conditional-close';

/** Within this many discount points of the midpoint, a step is "splitting the difference". */
const SPLIT_TOLERANCE = new Dec('0.25');
/** A gap under one point is not worth calling a split. */
const SPLIT_MIN_GAP = new Dec(1);
/** A single step of at least this share of the mandate that lands on the mandate gives it all at once. */
const AT_ONCE_SHARE = new Dec('0.5');

export function floorFacts(e: Economics): EvidenceFacts {
  return {
    netUnitPriceHt: e.netUnitPriceHt.toFixed(2),
    floorPriceHt: e.floorPriceHt.toFixed(2),
    marginHt: e.marginHt.toFixed(2),
    tauxDeMarque: toHundredths(e.tauxDeMarque).toFixed(2),
  };
}

/** Discount points of a price step (0 when the price did not move toward the client). */
export function priceStep(spec: NegotiationSpec, standing: Terms, proposed: Terms): Decimal {
  const kind = priceKind(spec);
  return Dec.max(0, termFavour(spec, proposed, kind).minus(termFavour(spec, standing, kind)));
}

export function proposalEvidence(
  spec: NegotiationSpec,
  state: NegotiationState,
  proposed: Terms,
  analysis: ProposalAnalysis,
  form: ProposalForm,
  economics: Economics,
): Evidence[] {
  if (analysis.concessions.length === 0) return [];
  const evidence: Evidence[] = [];
  const traded = analysis.gains.length > 0;
  if (traded) evidence.push(tradedEvidence(spec, state, analysis, form, economics));
  else if (form === 'conditional-close')
    evidence.push({ skill: 'negotiation.concession-with-counterpart', strength: 1, facts: { signature: 'yes' } });
  else evidence.push({ skill: 'negotiation.concession-without-counterpart', strength: 2 });

  const step = priceStep(spec, state.sellerTerms, proposed);
  const paid = traded || form === 'conditional-close';
  if (step.gt(0)) evidence.push(...priceStepEvidence(spec, state, proposed, step, paid));
  if (economics.outsideMandate)
    evidence.push({
      skill: 'ethics.outside-mandate',
      strength: 3,
      facts: {
        discount: toHundredths(economics.discountEquivalentPercent).toFixed(2),
        mandate: String(spec.seller.maxDiscountPercent),
      },
    });
  if (economics.belowFloor)
    evidence.push({ skill: 'negotiation.below-floor', strength: 3, facts: floorFacts(economics) });
  return evidence;
}

/**
 * A concession traded for a counterpart. When the only thing the client gives back is a
 * counterpart valued in euros, the trade is graded by what it is worth against what the
 * concession costs in margin: a fair trade (worth at least the cost) as usual, a cheap one a notch lower.
 */
function tradedEvidence(
  spec: NegotiationSpec,
  state: NegotiationState,
  analysis: ProposalAnalysis,
  form: ProposalForm,
  economics: Economics,
): Evidence {
  const strength: 2 | 3 = form === 'concede' ? 3 : 2;
  const skill = 'negotiation.concession-with-counterpart';
  if (!analysis.gains.every((g) => g.kind === 'counterparts')) return { skill, strength };
  const before = economicsOf(spec, state.sellerTerms);
  const cost = before.marginHt.minus(economics.marginHt);
  const value = economics.counterpartsValueHt.minus(before.counterpartsValueHt);
  const facts = { counterpartValueHt: value.toFixed(2), concessionCostHt: cost.toFixed(2) };
  return { skill, strength: value.gte(cost) ? strength : strength === 3 ? 2 : 1, facts };
}

/**
 * Price-step evidence. Decreasing steps only count when each step was paid for and is not a
 * split: halving the gap for nothing also shrinks the steps, and that is no skill.
 */
function priceStepEvidence(
  spec: NegotiationSpec,
  state: NegotiationState,
  proposed: Terms,
  step: Decimal,
  paid: boolean,
): Evidence[] {
  const kind = priceKind(spec);
  const evidence: Evidence[] = [];
  const mandate = new Dec(spec.seller.maxDiscountPercent);
  const now = termFavour(spec, proposed, kind);
  const before = termFavour(spec, state.sellerTerms, kind);
  const asked = termFavour(spec, state.clientDemand, kind);
  const midpoint = before.plus(asked).div(2);
  const split = asked.minus(before).gte(SPLIT_MIN_GAP) && now.minus(midpoint).abs().lte(SPLIT_TOLERANCE);
  if (split)
    evidence.push({
      skill: 'negotiation.split-difference',
      strength: 2,
      facts: { midpoint: toHundredths(midpoint).toFixed(2) },
    });

  // Giving the whole mandate in one step for nothing is the fault; the same step bought with a
  // fair counterpart is good practice (the textbook « si… alors… »), only less good than
  // several smaller traded steps, which earn the decreasing-concessions evidence below.
  if (!paid && mandate.gt(0) && now.gte(mandate) && step.gte(mandate.mul(AT_ONCE_SHARE)))
    evidence.push({
      skill: 'negotiation.max-discount-at-once',
      strength: 3,
      facts: { step: toHundredths(step).toFixed(2), mandate: mandate.toString() },
    });
  else if (paid && !split && state.lastPriceStep !== null && step.lt(state.lastPriceStep) && now.lte(mandate))
    evidence.push({
      skill: 'negotiation.decreasing-concessions',
      strength: 2,
      facts: { step: toHundredths(step).toFixed(2), previous: toHundredths(new Dec(state.lastPriceStep)).toFixed(2) },
    });
  return evidence;
}

/** At the deal: the margin kept, graded against the objective. */
export function marginEvidence(spec: NegotiationSpec, economics: Economics): Evidence[] {
  if (economics.belowFloor) return [];
  const objective = objectiveTauxDeMarque(spec);
  const floor = new Dec(spec.seller.minTauxDeMarquePercent);
  // Counterparts valued in euros count in the margin kept (an exclusivity is worth its value).
  const counterparts = economics.counterpartsValueHt.gt(0);
  const taux = toHundredths(counterparts ? economics.keptMarginPercent : economics.tauxDeMarque);
  const strength = taux.gte(objective) ? 3 : taux.gte(objective.plus(floor).div(2)) ? 2 : 1;
  const facts: EvidenceFacts = { tauxDeMarque: taux.toFixed(2), objective: toHundredths(objective).toFixed(2) };
  if (counterparts) facts.counterpartsValueHt = economics.counterpartsValueHt.toFixed(2);
  return [{ skill: 'negotiation.margin-preserved', strength, facts }];
}

/** The seller's margin objective: the spec's, else the taux de marque at list price. */
export function objectiveTauxDeMarque(spec: NegotiationSpec): Decimal {
  const { seller } = spec;
  if (seller.objectiveTauxDeMarquePercent !== undefined) return new Dec(seller.objectiveTauxDeMarquePercent);
  return new Dec(seller.listPriceHt).minus(seller.unitCostHt).div(seller.listPriceHt).mul(100);
}
