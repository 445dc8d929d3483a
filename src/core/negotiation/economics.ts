/**
 * What a set of terms is worth to each side, with the pricing module's exact arithmetic.
 * The net unit price is rounded to the cent once — it is the price written on the quote — and
 * every total is an exact multiple of it, so revenue, cost and margin need no further rounding.
 */
import { Dec, type Decimal, equivalentOf, htToTtc, prixPlancher, toCents, toHundredths } from '../pricing/index.ts';
import { cascadeShape, equivalentDiscount, shapeDiscount, splitRfa } from './cascade.ts';
import { counterpartValue, discountOfPrice, discountSteps, itemOf, priceKind } from './item-scales.ts';
import { paymentIllegality } from './payment-law.ts';
import type { NegotiationSpec } from './spec.ts';
import { baseTerms, completeTerms, type TermsProblem, validateTerms } from './terms-check.ts';
import type { Terms } from './terms.ts';

export interface Economics {
  /** The unit price net of every discount, the RFA included (the price checked against the floor). */
  netUnitPriceHt: Decimal;
  /** The unit price on the invoice: the cascade without the RFA (the net price when none is declared). */
  invoicedUnitPriceHt: Decimal;
  /** The year-end rebate on the deal, paid later by a credit note (0 without an RFA). */
  rfaHt: Decimal;
  discountEquivalentPercent: Decimal;
  units: number;
  revenueHt: Decimal;
  goodsCostHt: Decimal;
  servicesCostHt: Decimal;
  totalCostHt: Decimal;
  marginHt: Decimal;
  tauxDeMarque: Decimal;
  floorPriceHt: Decimal;
  belowFloor: boolean;
  outsideMandate: boolean;
  valueForClientHt: Decimal;
  /** What the counterparts the client grants are worth to the seller (0 when none). */
  counterpartsValueHt: Decimal;
  /** The deal's value to the seller: the margin plus the counterparts' value. */
  dealValueHt: Decimal;
  /** The margin kept, counterparts included: (margin + counterparts) / revenue, in percent. */
  keptMarginPercent: Decimal;
  paymentLegal: boolean;
}

/** The same figures as JSON-friendly strings: money and rates with two decimals. */
export interface TermsEconomics {
  netUnitPriceHt: string;
  invoicedUnitPriceHt: string;
  rfaHt: string;
  discountEquivalentPercent: string;
  units: number;
  revenueHt: string;
  revenueTtc: string;
  goodsCostHt: string;
  servicesCostHt: string;
  totalCostHt: string;
  marginHt: string;
  tauxDeMarque: string;
  floorPriceHt: string;
  belowFloor: boolean;
  outsideMandate: boolean;
  valueForClientHt: string;
  counterpartsValueHt: string;
  dealValueHt: string;
  keptMarginPercent: string;
  paymentLegal: boolean;
}

/** The floor price of the spec; a valid spec always has one (minimum taux de marque under 100 %). */
export function floorPriceOf(spec: NegotiationSpec): Decimal {
  const floor = prixPlancher({ costHt: spec.seller.unitCostHt, minTauxDeMarque: spec.seller.minTauxDeMarquePercent });
  return floor.ok ? floor.value : new Dec(Infinity);
}

/**
 * With a declared RFA the invoice carries the cascade's steps only; the year-end rebate is then
 * paid on the invoiced turnover (a credit note), so the deal's revenue is the invoiced one minus it.
 * Without one, the invoice price is the net price and the rebate is 0.
 */
function rebated(
  spec: NegotiationSpec,
  terms: Terms,
  netUnitPriceHt: Decimal,
  units: number,
): { invoicedUnitPriceHt: Decimal; rfaHt: Decimal; revenueHt: Decimal } {
  const shape = priceKind(spec) === 'discountPercent' ? cascadeShape(spec) : null;
  if (!shape?.rfa)
    return { invoicedUnitPriceHt: netUnitPriceHt, rfaHt: new Dec(0), revenueHt: netUnitPriceHt.mul(units) };
  const { invoice, rfa } = splitRfa(shape, shapeDiscount(spec, terms.discountPercent ?? 0) as number[]);
  const invoicedUnitPriceHt = toCents(
    new Dec(spec.seller.listPriceHt).mul(new Dec(1).minus(equivalentDiscount(invoice).div(100))),
  );
  const invoiced = invoicedUnitPriceHt.mul(units);
  const rfaHt = toCents(invoiced.mul(rfa).div(100));
  return { invoicedUnitPriceHt, rfaHt, revenueHt: invoiced.minus(rfaHt) };
}

/** Economics of terms already completed and checked. */
export function economicsOf(spec: NegotiationSpec, terms: Terms): Economics {
  const { seller } = spec;
  const list = new Dec(seller.listPriceHt);
  const byPrice = priceKind(spec) === 'unitPrice';
  const netUnitPriceHt = byPrice
    ? toCents(new Dec(terms.unitPrice ?? seller.listPriceHt))
    : toCents(list.mul(new Dec(1).minus(equivalentOf(discountSteps(terms.discountPercent ?? 0)).div(100))));
  const discountEquivalentPercent = byPrice
    ? discountOfPrice(seller.listPriceHt, terms.unitPrice ?? seller.listPriceHt)
    : equivalentOf(discountSteps(terms.discountPercent ?? 0));

  const months = seller.billing === 'monthly' ? (terms.commitmentMonths ?? 1) : 1;
  const units = (terms.quantity ?? seller.quantity) * months;
  const { invoicedUnitPriceHt, rfaHt, revenueHt } = rebated(spec, terms, netUnitPriceHt, units);
  const goodsCostHt = new Dec(seller.unitCostHt).mul(units);
  const options = itemOf(spec, 'services')?.options ?? [];
  const included = options.filter((o) => (terms.services ?? []).includes(o.id));
  const servicesCostHt = included.reduce((sum, o) => sum.plus(o.costHt), new Dec(0));
  const servicesValue = included.reduce((sum, o) => sum.plus(o.valueForClientHt), new Dec(0));
  const totalCostHt = goodsCostHt.plus(servicesCostHt);
  const marginHt = revenueHt.minus(totalCostHt);
  const tauxDeMarque = revenueHt.isZero() ? new Dec(-Infinity) : marginHt.div(revenueHt).mul(100);

  const counterpartsValueHt = counterpartValue(spec, terms.counterparts ?? []);
  const floorPriceHt = floorPriceOf(spec);
  // Checked on the figures as displayed (cents, two-decimal rates): a price at the displayed floor
  // is at the floor, even though the half-up floor can be a fraction of a cent under the exact one.
  const belowFloor = netUnitPriceHt.lt(floorPriceHt) || toHundredths(tauxDeMarque).lt(seller.minTauxDeMarquePercent);
  const mandatePrice = toCents(list.mul(new Dec(1).minus(new Dec(seller.maxDiscountPercent).div(100))));
  const outsideMandate = byPrice
    ? netUnitPriceHt.lt(mandatePrice)
    : discountEquivalentPercent.gt(seller.maxDiscountPercent);

  return {
    netUnitPriceHt,
    invoicedUnitPriceHt,
    rfaHt,
    discountEquivalentPercent,
    units,
    revenueHt,
    goodsCostHt,
    servicesCostHt,
    totalCostHt,
    marginHt,
    tauxDeMarque,
    floorPriceHt,
    belowFloor,
    outsideMandate,
    valueForClientHt: list.mul(units).minus(revenueHt).plus(servicesValue),
    counterpartsValueHt,
    dealValueHt: marginHt.plus(counterpartsValueHt),
    keptMarginPercent: revenueHt.isZero()
      ? new Dec(-Infinity)
      : marginHt.plus(counterpartsValueHt).div(revenueHt).mul(100),
    paymentLegal: terms.paymentDays === undefined || paymentIllegality(terms.paymentDays) === null,
  };
}

function money(value: Decimal): string {
  return toCents(value).toFixed(2);
}

export function economicsToJson(spec: NegotiationSpec, e: Economics): TermsEconomics {
  const ttc = htToTtc({ ht: toCents(e.revenueHt), vatPercent: spec.seller.vatPercent });
  return {
    netUnitPriceHt: money(e.netUnitPriceHt),
    invoicedUnitPriceHt: money(e.invoicedUnitPriceHt),
    rfaHt: money(e.rfaHt),
    discountEquivalentPercent: toHundredths(e.discountEquivalentPercent).toFixed(2),
    units: e.units,
    revenueHt: money(e.revenueHt),
    revenueTtc: ttc.ok ? ttc.value.toFixed(2) : money(e.revenueHt),
    goodsCostHt: money(e.goodsCostHt),
    servicesCostHt: money(e.servicesCostHt),
    totalCostHt: money(e.totalCostHt),
    marginHt: money(e.marginHt),
    tauxDeMarque: toHundredths(e.tauxDeMarque).toFixed(2),
    floorPriceHt: money(e.floorPriceHt),
    belowFloor: e.belowFloor,
    outsideMandate: e.outsideMandate,
    valueForClientHt: money(e.valueForClientHt),
    counterpartsValueHt: money(e.counterpartsValueHt),
    dealValueHt: money(e.dealValueHt),
    keptMarginPercent: toHundredths(e.keptMarginPercent).toFixed(2),
    paymentLegal: e.paymentLegal,
  };
}

export type EvaluateTermsResult = { ok: true; value: TermsEconomics } | { ok: false; problems: TermsProblem[] };

/**
 * Economics of a proposal, completed with the seller's standard terms. Illegal payment terms
 * still have economics (flagged `paymentLegal: false`); any other problem makes the terms
 * meaningless and is returned instead.
 */
export function evaluateTerms(spec: NegotiationSpec, terms: unknown): EvaluateTermsResult {
  const problems = validateTerms(spec, terms).filter((p) => p.code !== 'payment-terms-illegal');
  if (problems.length > 0) return { ok: false, problems };
  const full = completeTerms(baseTerms(spec), terms as Terms);
  return { ok: true, value: economicsToJson(spec, economicsOf(spec, full)) };
}
