import { economicsOf, type Economics } from '../negotiation/economics.ts';
import type { ItemKind } from '../negotiation/spec-items.ts';
import type { NegotiationSpec } from '../negotiation/spec.ts';
import type { NegotiationState } from '../negotiation/state.ts';
import { baseTerms, completeTerms } from '../negotiation/terms-check.ts';
import type { Terms } from '../negotiation/terms.ts';
import type { Ending } from './format.ts';
import type { LocalizedText } from './text.ts';

/**
 * Ending texts as templates: `{{commitmentMonths}}`, `{{netPrice}}`… are filled from the terms the
 * negotiation agreed, so an ending never says « 24 mois » after 36 months were signed. Each
 * placeholder names the negotiable item it reads (null: it needs only the negotiation's price).
 * Without a deal (an appointment, a sale reached without the table) the seller's quote is used.
 */
export const ENDING_PLACEHOLDERS = {
  discount: 'discountPercent',
  netPrice: null,
  netPriceTtc: null,
  revenue: null,
  revenueTtc: null,
  quantity: 'quantity',
  deliveryDays: 'deliveryDays',
  paymentTerms: 'paymentDays',
  services: 'services',
  commitmentMonths: 'commitmentMonths',
} as const satisfies Record<string, ItemKind | null>;

export type EndingPlaceholder = keyof typeof ENDING_PLACEHOLDERS;

const PLACEHOLDER = /\{\{\s*([^{}\s]*)\s*\}\}/g;

/** The placeholder names a text uses, in order (unknown names included: validation reports them). */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}

export function isEndingPlaceholder(name: string): name is EndingPlaceholder {
  return Object.prototype.hasOwnProperty.call(ENDING_PLACEHOLDERS, name);
}

/** Replaces each `{{name}}` with what `fill` returns for it (an unknown name is left as written). */
export function fillPlaceholders(text: string, fill: (name: EndingPlaceholder) => string | undefined): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    isEndingPlaceholder(name) ? (fill(name) ?? whole) : whole,
  );
}

/**
 * The texts of an ending that may hold placeholders, with their field path: the summary and the
 * kind's own text. The title stays fixed: lists of attempts name the ending by it.
 */
export function endingTexts(ending: Ending): { field: (string | number)[]; text: LocalizedText }[] {
  const texts: { field: (string | number)[]; text: LocalizedText }[] = [{ field: ['summary'], text: ending.summary }];
  if (ending.kind === 'sale') texts.push({ field: ['terms', 'description'], text: ending.terms.description });
  if (ending.kind === 'appointment') texts.push({ field: ['nextStep'], text: ending.nextStep });
  if (ending.kind === 'lost') texts.push({ field: ['reason'], text: ending.reason });
  if (ending.kind === 'kept') texts.push({ field: ['followUp'], text: ending.followUp });
  return texts;
}

/** The terms an ending speaks of: those agreed at the table, else the seller's quote as it stood. */
export interface EndingTerms {
  terms: Terms;
  economics: Economics;
  agreed: boolean;
}

/** `agreed`: the terms of the deal (NegotiationState.agreedTerms, NegotiationResult.finalTerms), or null. */
export function endingTerms(spec: NegotiationSpec, agreed: Terms | null): EndingTerms {
  const terms = agreed ? completeTerms(baseTerms(spec), agreed) : baseTerms(spec);
  return { terms, economics: economicsOf(spec, terms), agreed: agreed !== null };
}

/** The agreed terms of a negotiation state: set only when it ended on a deal. */
export function agreedTermsOf(state: NegotiationState | null): Terms | null {
  return state?.status === 'deal' ? state.agreedTerms : null;
}
