import {
  bestNegotiator,
  negotiationEvidenceBounds,
  worstNegotiator,
  type NegotiationSpec,
} from '../negotiation/index.ts';
import type { SkillBook } from '../referentials/skill-book.ts';
import type { NegotiationReference } from './scoring-model.ts';

/** The seed of the reference negotiations that set what "the best a seller can do" is worth. */
const REFERENCE_SEED = 1;

const cache = new WeakMap<NegotiationSpec, NegotiationReference>();

/**
 * What a negotiation step can be worth: the evidence of the best and the worst reference
 * negotiators (the course's golden rules, and every classic mistake), and the most any
 * negotiation of this step could evidence. Pure in the spec, so computed once per spec.
 */
export function negotiationReference(spec: NegotiationSpec, skills: SkillBook): NegotiationReference {
  const cached = cache.get(spec);
  if (cached) return cached;
  const best = bestNegotiator(spec, { trust: 100, interest: 100, valueEstablished: true }, REFERENCE_SEED);
  const worst = worstNegotiator(spec, { trust: 0, interest: 0, valueEstablished: false }, REFERENCE_SEED);
  // Every positive skill the step allows, at full strength: more than any real negotiation can score.
  const upper = Object.entries(negotiationEvidenceBounds(spec)).flatMap(([skill, cap]) =>
    skills.polarity(skill) === 'positive' && cap > 0 ? [{ skill, strength: 3 }] : [],
  );
  const reference = { best: best.evidence, worst: worst.evidence, upper };
  cache.set(spec, reference);
  return reference;
}
