/**
 * Commercial calculations of the BTS NRC/NDRC courses, in exact decimals. Rates are taken and
 * returned in percent (20 means 20 %). Bad inputs come back as `{ ok: false, error }` with a
 * stable code; nothing here throws. Formulas and rounding steps: docs/calculations.md.
 */
export { Dec, toCents, toHundredths, type Decimal, type Numeric } from './decimal.ts';
export type { PricingError, PricingErrorCode, PricingFailure, PricingResult } from './result.ts';
export { parseNumeric } from './inputs.ts';
export { FRENCH_VAT_RATES, htToTtc, ttcToHt, vatOn } from './vat.ts';
export {
  costFromTauxDeMarge,
  costFromTauxDeMarque,
  marge,
  priceFromTauxDeMarge,
  priceFromTauxDeMarque,
  tauxDeMarge,
  tauxDeMargeFromTauxDeMarque,
  tauxDeMarque,
  tauxDeMarqueFromTauxDeMarge,
} from './margin.ts';
export {
  coefficientHtSurHt,
  coefficientMultiplicateur,
  coefficientMultiplicateurFromPriceHt,
  coefficientMultiplicateurFromTauxDeMarque,
  pricesFromCoefficient,
  type PricesFromCoefficient,
} from './coefficient.ts';
export { equivalentOf, equivalentRate, netAfterCascade, type ReductionKind } from './reductions.ts';
export {
  invoice,
  ristourneAvoir,
  type Avoir,
  type Invoice,
  type InvoiceInput,
  type ReductionInput,
  type ReductionLine,
} from './invoice.ts';
export { prixPlancher, remiseMaximale } from './floor.ts';
export { fractionnement, perPeriod, type Fractionnement } from './split.ts';
export { tauxEvolution } from './evolution.ts';
