import { z } from 'zod';
import {
  DaysSchema,
  DiscountSchema,
  KebabIdSchema,
  MoneySchema,
  MonthsSchema,
  PaymentTermsSchema,
} from './spec-items.ts';

/**
 * Terms of a deal: one value per negotiable item. A proposal may name only some items; the
 * others keep their standing value (see `completeTerms`).
 */
export const TermsSchema = z
  .strictObject({
    discountPercent: DiscountSchema.optional(),
    unitPrice: MoneySchema.optional().describe('Net unit price HT.'),
    quantity: z.number().int().min(1).optional(),
    deliveryDays: DaysSchema.optional(),
    paymentDays: PaymentTermsSchema.optional(),
    services: z.array(KebabIdSchema).optional().describe('Ids of the services included.'),
    commitmentMonths: MonthsSchema.optional(),
    counterparts: z.array(KebabIdSchema).optional().describe('Ids of the counterparts the client grants.'),
  })
  .describe('Values per negotiable item.');

export type Terms = z.infer<typeof TermsSchema>;
export type TermValue = NonNullable<Terms[keyof Terms]>;
