import { z } from 'zod';
import { LocalizedTextSchema } from './localizedText.ts';

/** Shared building blocks of the negotiation spec: items the parties can trade, and their values. */

export const KebabIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case: lowercase letters, digits and single hyphens')
  .max(80);

export const MoneySchema = z.number().min(0).max(1e9).describe('Euros HT.');
export const PercentSchema = z.number().min(0).lt(100).describe('A rate in percent: 5 means 5 %.');
export const DaysSchema = z.number().int().min(0).max(365);
export const MonthsSchema = z.number().int().min(0).max(120);

/** The order matters only for display; each kind appears at most once in a spec. */
export const ITEM_KINDS = [
  'discountPercent',
  'unitPrice',
  'quantity',
  'deliveryDays',
  'paymentDays',
  'services',
  'commitmentMonths',
  'counterparts',
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const ItemKindSchema = z.enum(ITEM_KINDS);

export const PaymentTermsSchema = z
  .strictObject({
    days: DaysSchema.describe('Days from the invoice date, or from the end of the month when endOfMonth is true.'),
    endOfMonth: z.boolean().describe('« 45 jours fin de mois » when true; « 60 jours date de facture » when false.'),
  })
  .describe('Payment terms. French B2B law caps them at 60 days from the invoice or 45 days end of month.');
export type PaymentTerms = z.infer<typeof PaymentTermsSchema>;

export const DiscountSchema = z
  .union([PercentSchema, z.array(PercentSchema).min(1).max(5)])
  .describe('A discount in percent, or a cascade such as [10, 5] — 10 % then 5 %, i.e. 14,5 %, not 15 %.');

export const ServiceOptionSchema = z.strictObject({
  id: KebabIdSchema.describe('Referenced by terms and by the client targets.'),
  label: LocalizedTextSchema.describe('How the service is named in the interface.'),
  costHt: MoneySchema.describe('What including it costs the seller, for the whole deal.'),
  valueForClientHt: MoneySchema.describe('What it is worth to the client, for the whole deal.'),
});

export const CounterpartOptionSchema = z.strictObject({
  id: KebabIdSchema.describe('Referenced by terms and moves.'),
  label: LocalizedTextSchema.describe('How the counterpart is named in the interface.'),
  valueHt: MoneySchema.describe(
    'What it is worth to the seller, in euros HT for the whole deal: it counts in the deal’s value, in how the concession it pays for is graded, and in the margin kept.',
  ),
});

const ItemLabelSchema = LocalizedTextSchema.optional().describe(
  'How this scenario names the item in the table, the terminal and the debrief (« Durée du bail », « Exclusivité régionale »…); default: the interface’s name.',
);

const rangeNote = "Bounds of what the interface lets the player propose (not the seller's mandate).";

export const NegotiableItemSchema = z.discriminatedUnion('kind', [
  z
    .strictObject({
      kind: z.literal('discountPercent'),
      label: ItemLabelSchema,
      max: PercentSchema.describe('Largest equivalent discount the player may type. ' + rangeNote),
      steps: z
        .array(z.strictObject({ label: LocalizedTextSchema.describe('How the step is named on the invoice.') }))
        .min(2)
        .max(4)
        .optional()
        .describe(
          'Successive discounts (a cascade), in invoice order: each applies to the net left by the previous one. ' +
            'Terms then give one rate per step, e.g. [4, 2]; the table shows the equivalent single rate.',
        ),
      rfa: z
        .boolean()
        .optional()
        .describe(
          'A year-end rebate (RFA, ristourne de fin d’année) negotiated as the last rate of the terms, paid later ' +
            'by a credit note: it is not on the invoice but counts in the equivalent rate, the revenue and the margin.',
        ),
    })
    .describe('The price is negotiated as a discount off the list price (B2B usage).'),
  z
    .strictObject({
      kind: z.literal('unitPrice'),
      label: ItemLabelSchema,
      min: MoneySchema.positive().describe(
        'Lowest net unit price HT the player may type; the list price is the top. ' + rangeNote,
      ),
    })
    .describe('The price is negotiated directly as a net unit price HT.'),
  z
    .strictObject({
      kind: z.literal('quantity'),
      label: ItemLabelSchema,
      min: z.number().int().min(1),
      max: z.number().int().min(1),
    })
    .describe('Units ordered; the starting quantity is seller.quantity.'),
  z
    .strictObject({
      kind: z.literal('deliveryDays'),
      label: ItemLabelSchema,
      min: DaysSchema,
      max: DaysSchema,
      base: DaysSchema.describe("The seller's standard lead time."),
    })
    .describe('Delivery lead time in days.'),
  z
    .strictObject({
      kind: z.literal('paymentDays'),
      label: ItemLabelSchema,
      maxDays: DaysSchema.describe(
        'Longest term the player may type; values beyond the legal cap are allowed here so that a player can make — and be scored on — that mistake.',
      ),
      base: PaymentTermsSchema.describe("The seller's standard terms."),
    })
    .describe('Payment terms.'),
  z
    .strictObject({
      kind: z.literal('services'),
      label: ItemLabelSchema,
      options: z.array(ServiceOptionSchema).min(1).max(12),
    })
    .describe('Services the seller may include for free (training, installation, extended warranty…).'),
  z
    .strictObject({
      kind: z.literal('commitmentMonths'),
      label: ItemLabelSchema,
      min: MonthsSchema,
      max: MonthsSchema,
      base: MonthsSchema,
    })
    .describe("Length of the client's commitment in months."),
  z
    .strictObject({
      kind: z.literal('counterparts'),
      label: ItemLabelSchema,
      options: z.array(CounterpartOptionSchema).min(1).max(12),
    })
    .describe(
      'What the client may give in return beyond the terms of the sale (an exclusivity, a testimonial, a referral…), each with its value in euros.',
    ),
]);
export type NegotiableItem = z.infer<typeof NegotiableItemSchema>;
export type ItemOf<K extends ItemKind> = Extract<NegotiableItem, { kind: K }>;

const WeightSchema = z
  .number()
  .positive()
  .max(10)
  .describe('How much the client cares about this item, relative to the others.');

function target<T extends z.ZodType>(value: T, opening: string, reservation: string) {
  return z.strictObject({
    opening: value.describe(opening),
    reservation: value.describe(reservation),
    weight: WeightSchema,
  });
}

export const ClientTargetsSchema = z
  .strictObject({
    discountPercent: z
      .strictObject({
        opening: DiscountSchema.describe('What the client asks first; a cascade is understood as its equivalent rate.'),
        reservation: PercentSchema.describe('The smallest discount a cold, unconvinced client accepts.'),
        weight: WeightSchema,
      })
      .optional(),
    unitPrice: target(
      MoneySchema,
      'Net unit price HT the client asks first.',
      'Highest net unit price HT a cold client accepts.',
    ).optional(),
    quantity: target(
      z.number().int().min(1),
      'Quantity the client wants to buy.',
      'Largest quantity it accepts to commit to.',
    ).optional(),
    deliveryDays: target(DaysSchema, 'Lead time it asks for.', 'Longest lead time it accepts.').optional(),
    paymentDays: target(
      PaymentTermsSchema,
      'Payment terms it asks for (may be illegal: the seller must refuse).',
      'Shortest terms it accepts; must be legal.',
    ).optional(),
    services: z
      .strictObject({
        opening: z.array(KebabIdSchema).describe('Services it asks to have included.'),
        reservation: z.array(KebabIdSchema).describe('Services it will not sign without.'),
        weight: WeightSchema,
      })
      .optional(),
    commitmentMonths: target(MonthsSchema, 'Commitment it asks for.', 'Longest commitment it accepts.').optional(),
  })
  .describe(
    'Hidden from the player: per item, what the client asks first, the worst it accepts, and how much it cares.',
  );
export type ClientTargets = z.infer<typeof ClientTargetsSchema>;
