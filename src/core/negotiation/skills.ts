/**
 * Skill ids the negotiation produces as evidence. They are the ids of the project's skill
 * taxonomy (scenarios/referentials/skills.json); this list only says which of them the
 * negotiation step itself can observe.
 */
export const POSITIVE_NEGOTIATION_SKILLS = [
  'negotiation.concession-with-counterpart',
  'negotiation.decreasing-concessions',
  'negotiation.refusal-argued',
  'price.after-value',
  'price.sandwich',
  'price.fractioning',
  'price.addition',
  'price.comparison',
  'closing.conditional',
  'negotiation.margin-preserved',
] as const;

export const NEGATIVE_NEGOTIATION_SKILLS = [
  'negotiation.concession-without-counterpart',
  'negotiation.max-discount-at-once',
  'negotiation.split-difference',
  'negotiation.below-floor',
  'ethics.outside-mandate',
  'price.before-value',
  'negotiation.illegal-terms',
] as const;

export const NEGOTIATION_SKILLS = [...POSITIVE_NEGOTIATION_SKILLS, ...NEGATIVE_NEGOTIATION_SKILLS] as const;

export type NegotiationSkill = (typeof NEGOTIATION_SKILLS)[number];

export interface Evidence {
  skill: NegotiationSkill;
  /** How clearly the move shows the skill, 1 (barely) to 3 (textbook). */
  strength?: 1 | 2 | 3;
  /**
   * The figures behind it, for the debrief to say the fault in words a student can act on
   * ("10 % at once, your whole mandate"): rates in percent and money in euros, as decimal strings.
   */
  facts?: EvidenceFacts;
}

export interface EvidenceFacts {
  /** Discount points of the price step, and of the previous one. */
  step?: string;
  previous?: string;
  /** The equivalent discount granted and the seller's mandate. */
  discount?: string;
  mandate?: string;
  /** Midpoint of the gap, for a split. */
  midpoint?: string;
  /** Net unit price, floor price, margin and taux de marque of the terms. */
  netUnitPriceHt?: string;
  floorPriceHt?: string;
  marginHt?: string;
  tauxDeMarque?: string;
  objective?: string;
  /** Why payment terms are illegal. */
  payment?: string;
  /** The counterpart was the signature itself (a conditional close). */
  signature?: string;
  /** A counterpart valued in euros: what it is worth, what the concession it paid for cost in margin. */
  counterpartValueHt?: string;
  concessionCostHt?: string;
  /** At the deal: the counterparts' value counted in the margin kept. */
  counterpartsValueHt?: string;
}

export function isNegativeSkill(skill: NegotiationSkill): boolean {
  return (NEGATIVE_NEGOTIATION_SKILLS as readonly string[]).includes(skill);
}
