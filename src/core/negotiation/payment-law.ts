import type { PaymentTerms } from './spec-items.ts';

/**
 * French B2B payment terms (Code de commerce; the domain notes cite L441-10 without having read
 * it): at most 60 days from the invoice date, or 45 days end of month.
 */
export const MAX_PAYMENT_DAYS = 60;
export const MAX_PAYMENT_DAYS_END_OF_MONTH = 45;

export type PaymentIllegalReason = 'more-than-60-days' | 'more-than-45-days-end-of-month';

export function paymentIllegality(terms: PaymentTerms): PaymentIllegalReason | null {
  if (terms.endOfMonth) return terms.days > MAX_PAYMENT_DAYS_END_OF_MONTH ? 'more-than-45-days-end-of-month' : null;
  return terms.days > MAX_PAYMENT_DAYS ? 'more-than-60-days' : null;
}

/**
 * "End of month" adds on average half a month before the clock starts; counting it as 15 days
 * lets the client compare "45 days end of month" with "60 days" (both the legal maximum).
 */
export const END_OF_MONTH_EXTRA_DAYS = 15;

export function effectivePaymentDays(terms: PaymentTerms): number {
  return terms.days + (terms.endOfMonth ? END_OF_MONTH_EXTRA_DAYS : 0);
}
