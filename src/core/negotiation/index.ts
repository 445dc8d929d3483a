/** The numeric negotiation of the closing phase: spec format, terms and their economics. */
export { LocalizedTextSchema, type LocalizedText } from './localizedText.ts';
export { NegotiationSpecSchema, SellerRoomSchema, ClientAgentSchema, type NegotiationSpec, type NegotiationSpecInput, type SellerRoom } from './spec.ts';
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
export { paymentIllegality, MAX_PAYMENT_DAYS, MAX_PAYMENT_DAYS_END_OF_MONTH, type PaymentIllegalReason } from './payment-law.ts';
export { evaluateTerms, type EvaluateTermsResult, type TermsEconomics } from './economics.ts';
export { CLIENT_LINE_KEYS, type ClientLineKey } from './client-lines.ts';
