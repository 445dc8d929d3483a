/**
 * Evidence caps. A skill is evidenced at most a few times per negotiation, so the score a
 * negotiation can contribute is bounded and the content checker can compute those bounds
 * without playing: `negotiationEvidenceBounds` and the agent use the same table.
 */
import { Dec } from '../pricing/index.ts';
import { economicsOf } from './economics.ts';
import { itemOf } from './item-scales.ts';
import { MAX_PAYMENT_DAYS_END_OF_MONTH } from './payment-law.ts';
import { type Evidence, NEGOTIATION_SKILLS, type NegotiationSkill } from './skills.ts';
import type { NegotiationSpec } from './spec.ts';
import { baseTerms } from './terms-check.ts';
import type { Terms } from './terms.ts';
import type { NegotiationState } from './state.ts';

/** Repeated evidence of a skill stops counting after this many times. */
export const REPEAT_CAP = 3;

/** Skills that by nature happen once: presenting the price, the first "everything at once", the final margin. */
const ONCE: readonly NegotiationSkill[] = [
  'price.after-value',
  'price.before-value',
  'price.sandwich',
  'price.fractioning',
  'price.addition',
  'price.comparison',
  'negotiation.max-discount-at-once',
  'negotiation.margin-preserved',
];

/** The most generous terms the interface allows: the worst case for the seller's margin. */
function mostGenerousTerms(spec: NegotiationSpec): Terms {
  const terms = baseTerms(spec);
  for (const item of spec.items) {
    if (item.kind === 'discountPercent') terms.discountPercent = item.max;
    if (item.kind === 'unitPrice') terms.unitPrice = item.min;
    if (item.kind === 'services') terms.services = item.options.map((o) => o.id);
    if (item.kind === 'quantity') terms.quantity = item.min;
    if (item.kind === 'commitmentMonths') terms.commitmentMonths = item.min;
  }
  return terms;
}

/** Whether the spec leaves any way to produce the skill; fixed evidence that cannot happen is bounded at 0. */
function possible(spec: NegotiationSpec, skill: NegotiationSkill): boolean {
  const { seller } = spec;
  const price = spec.items.find((i) => i.kind === 'discountPercent' || i.kind === 'unitPrice');
  const deepestDiscount =
    price?.kind === 'discountPercent'
      ? new Dec(price.max)
      : new Dec(1).minus(new Dec(price?.min ?? seller.listPriceHt).div(seller.listPriceHt)).mul(100);
  switch (skill) {
    case 'negotiation.illegal-terms': {
      const payment = itemOf(spec, 'paymentDays');
      // End-of-month terms are always available, and beyond 45 days they are illegal.
      return payment !== undefined && payment.maxDays > MAX_PAYMENT_DAYS_END_OF_MONTH;
    }
    case 'ethics.outside-mandate':
      return deepestDiscount.gt(seller.maxDiscountPercent);
    case 'negotiation.max-discount-at-once':
      return seller.maxDiscountPercent > 0 && deepestDiscount.gte(seller.maxDiscountPercent);
    case 'negotiation.below-floor':
      return economicsOf(spec, mostGenerousTerms(spec)).belowFloor;
    case 'negotiation.margin-preserved':
      return !economicsOf(spec, baseTerms(spec)).belowFloor;
    case 'negotiation.split-difference':
    case 'negotiation.decreasing-concessions':
      return price !== undefined && deepestDiscount.gt(0);
    default:
      return true;
  }
}

export function evidenceCap(spec: NegotiationSpec, skill: NegotiationSkill): number {
  if (!possible(spec, skill)) return 0;
  return ONCE.includes(skill) ? 1 : REPEAT_CAP;
}

/** For each skill, the most times one negotiation of this spec can evidence it. */
export function negotiationEvidenceBounds(spec: NegotiationSpec): Record<NegotiationSkill, number> {
  return Object.fromEntries(NEGOTIATION_SKILLS.map((skill) => [skill, evidenceCap(spec, skill)])) as Record<
    NegotiationSkill,
    number
  >;
}

/** Keeps the evidence the caps still allow, and records it in the (already copied) state. */
export function recordEvidence(
  spec: NegotiationSpec,
  state: NegotiationState,
  candidates: readonly Evidence[],
): Evidence[] {
  const kept: Evidence[] = [];
  for (const evidence of candidates) {
    const count = state.evidenceCounts[evidence.skill] ?? 0;
    if (count >= evidenceCap(spec, evidence.skill)) continue;
    state.evidenceCounts[evidence.skill] = count + 1;
    kept.push(evidence);
  }
  state.evidence.push(...kept);
  return kept;
}
