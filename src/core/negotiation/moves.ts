import { z } from 'zod';
import {
  DaysSchema,
  DiscountSchema,
  KebabIdSchema,
  MoneySchema,
  MonthsSchema,
  PaymentTermsSchema,
  type ItemKind,
} from './spec-items.ts';
import { TermsSchema, type Terms } from './terms.ts';

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

const ITEM_VALUES = {
  discountPercent: DiscountSchema,
  unitPrice: MoneySchema,
  quantity: z.number().int().min(1),
  deliveryDays: DaysSchema,
  paymentDays: PaymentTermsSchema,
  services: z.array(KebabIdSchema),
  commitmentMonths: MonthsSchema,
  counterparts: z.array(KebabIdSchema),
} as const;
const itemValue = <K extends ItemKind>(item: K) => ({ item: z.literal(item), value: ITEM_VALUES[item] });
const ItemValueSchema = z.union(
  (Object.keys(ITEM_VALUES) as ItemKind[]).map((k) => z.strictObject(itemValue(k))) as unknown as [
    z.ZodObject,
    ...z.ZodObject[],
  ],
);

/**
 * A move as files write it (playthrough paths): fully typed, so a typo in a recorded move is a
 * schema error with its JSON path, not a refusal at replay time.
 */
export const TypedMoveSchema = z
  .union([
    z.strictObject({ type: z.literal('offer'), terms: TermsSchema }),
    ...(Object.keys(ITEM_VALUES) as ItemKind[]).map((k) =>
      z.strictObject({ type: z.literal('concede'), ...itemValue(k), counterpart: ItemValueSchema.optional() }),
    ),
    z.strictObject({ type: z.literal('refuse'), argument: z.string().min(1).optional() }),
    z.strictObject({ type: z.literal('present-price'), technique: z.enum(PRICE_TECHNIQUES) }),
    z.strictObject({ type: z.literal('conditional-close'), terms: TermsSchema, condition: z.string().min(1) }),
    z.strictObject({ type: z.literal('leave') }),
  ])
  .meta({ id: 'NegotiationMove' }) as unknown as z.ZodType<NegotiationMove>;

/**
 * Who can give what in a « si vous…, alors je… »: the seller concedes price, lead time, payment
 * time and services; the client gives back quantity, commitment, earlier payment or a longer
 * lead time — never a discount.
 */
export const SELLER_GIVES: readonly ItemKind[] = [
  'discountPercent',
  'unitPrice',
  'deliveryDays',
  'paymentDays',
  'services',
];
export const CLIENT_GIVES: readonly ItemKind[] = [
  'quantity',
  'commitmentMonths',
  'paymentDays',
  'deliveryDays',
  'counterparts',
];
