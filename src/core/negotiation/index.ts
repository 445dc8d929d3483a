/** The numeric negotiation of the closing phase: spec format, economics, client agent, bots. See README.md. */
export { LocalizedTextSchema, type LocalizedText } from './localizedText.ts';
export {
  NegotiationSpecSchema,
  SellerRoomSchema,
  ClientAgentSchema,
  type NegotiationSpec,
  type NegotiationSpecInput,
  type SellerRoom,
} from './spec.ts';
export {
  ITEM_KINDS,
  ItemKindSchema,
  NegotiableItemSchema,
  PaymentTermsSchema,
  type ItemKind,
  type NegotiableItem,
  type PaymentTerms,
} from './spec-items.ts';
export { TermsSchema, type Terms, type TermValue } from './terms.ts';
export { validateTerms, baseTerms, type TermsProblem } from './terms-check.ts';
export {
  paymentIllegality,
  MAX_PAYMENT_DAYS,
  MAX_PAYMENT_DAYS_END_OF_MONTH,
  type PaymentIllegalReason,
} from './payment-law.ts';
export { evaluateTerms, type EvaluateTermsResult, type TermsEconomics } from './economics.ts';
export { type Influence, reservationShift, effectivePatience } from './influence.ts';
export { CLIENT_LINE_KEYS, type ClientLineKey } from './client-lines.ts';
export {
  NEGOTIATION_SKILLS,
  POSITIVE_NEGOTIATION_SKILLS,
  NEGATIVE_NEGOTIATION_SKILLS,
  type Evidence,
  type EvidenceFacts,
  type NegotiationSkill,
} from './skills.ts';
export {
  NegotiationMoveSchema,
  TypedMoveSchema,
  PRICE_TECHNIQUES,
  type NegotiationMove,
  type PriceTechnique,
  type ItemValue,
} from './moves.ts';
export type {
  NegotiationState,
  ClientResponse,
  ClientLine,
  ConcessionRecord,
  RejectReason,
  WalkAwayReason,
  ClientTarget,
} from './state.ts';
export { startNegotiation, type NegotiationStart } from './start.ts';
export { applyNegotiationMove, MAX_ROUNDS, type MoveOutcome, type MoveRefusal } from './apply-move.ts';
export { negotiationResult, negotiationOutcome, negotiationOutcomeKey, type NegotiationResult } from './result.ts';
export { negotiationEvidenceBounds, REPEAT_CAP } from './evidence.ts';
export { bestNegotiator, bestNegotiatorFrom, worstNegotiator, worstNegotiatorFrom, type BotGame } from './bots.ts';
export { evidenceCap } from './evidence.ts';
export { NEGOTIATION_RULES, type NegotiationRule } from './spec-checks.ts';
