import { z } from 'zod';
import type { ItemKind } from './spec-items.ts';
import type { Terms } from './terms.ts';

export const PRICE_TECHNIQUES = ['sandwich', 'fractioning', 'addition', 'comparison', 'plain'] as const;
export type PriceTechnique = (typeof PRICE_TECHNIQUES)[number];

/** One item and its new value, e.g. { item: 'commitmentMonths', value: 24 }. */
export type ItemValue = { [K in ItemKind]: { item: K; value: NonNullable<Terms[K]> } }[ItemKind];

/** What the seller does at the negotiation table. */
export type NegotiationMove =
  /** A (partial) proposal; items left out keep the seller's standing value. */
  | { type: 'offer'; terms: Terms }
  /** « Si vous …, alors je … »: one item moves toward the client, optionally for a counterpart. */
  | ({ type: 'concede'; counterpart?: ItemValue } & ItemValue)
  /** Holding the position; an argument (line id or text) makes it an argued refusal. */
  | { type: 'refuse'; argument?: string }
  | { type: 'present-price'; technique: PriceTechnique }
  /** « Si je vous accorde …, vous signez aujourd'hui ? » */
  | { type: 'conditional-close'; terms: Terms; condition: string }
  | { type: 'leave' };

const ItemValueShape = { item: z.string(), value: z.unknown() };

/**
 * Runtime shape of a move. Terms and values are only shaped here: they are checked against the
 * spec afterwards, so that an unknown item comes back as a typed problem naming it.
 */
const LooseTermsSchema = z.record(z.string(), z.unknown());

export const NegotiationMoveSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('offer'), terms: LooseTermsSchema }),
  z.strictObject({
    type: z.literal('concede'),
    ...ItemValueShape,
    counterpart: z.strictObject(ItemValueShape).optional(),
  }),
  z.strictObject({ type: z.literal('refuse'), argument: z.string().min(1).optional() }),
  z.strictObject({ type: z.literal('present-price'), technique: z.enum(PRICE_TECHNIQUES) }),
  z.strictObject({ type: z.literal('conditional-close'), terms: LooseTermsSchema, condition: z.string().min(1) }),
  z.strictObject({ type: z.literal('leave') }),
]);

/** A move as read at runtime, before its terms are checked against the spec. */
export type RawMove = z.infer<typeof NegotiationMoveSchema>;
