/**
 * The invoice in the order French courses teach it: montant brut → réductions (rabais, remises,
 * ristournes, en cascade) → net commercial → escompte → net financier → TVA on the net financier
 * → net à payer TTC.
 *
 * Every amount is rounded to the cent as soon as it is computed, and the next line starts from
 * that rounded amount: an invoice is a list of written amounts, and a reader must be able to redo
 * each subtraction from what is printed (TV6: 3 550 − 355 = 3 195, TVA 626,22, TTC 3 821,22).
 */
import { type Decimal, Dec, fromPercent, toCents } from './decimal.ts';
import { amount, rate, rateBelowHundred } from './inputs.ts';
import { checkRates, equivalentOf, type ReductionKind } from './reductions.ts';
import { all, ok, type PricingResult } from './result.ts';

export interface ReductionInput {
  /** Defaults to a remise, the usual case in a negotiation. */
  kind?: ReductionKind;
  ratePercent: unknown;
}

export interface InvoiceInput {
  gross: unknown;
  /** Applied in the order given, each on the net left by the previous one. */
  reductions?: readonly ReductionInput[];
  escomptePercent?: unknown;
  vatPercent: unknown;
}

export interface ReductionLine {
  kind: ReductionKind;
  ratePercent: Decimal;
  base: Decimal;
  amount: Decimal;
  net: Decimal;
}

export interface Invoice {
  gross: Decimal;
  reductions: ReductionLine[];
  netCommercial: Decimal;
  escompte: { ratePercent: Decimal; base: Decimal; amount: Decimal };
  netFinancier: Decimal;
  vatPercent: Decimal;
  tva: Decimal;
  netAPayer: Decimal;
  /** 1 − Π(1 − rᵢ) over the reductions, unrounded, in percent. */
  tauxEquivalent: Decimal;
}

export function invoice(input: InvoiceInput): PricingResult<Invoice> {
  const reductionInputs = input.reductions ?? [];
  const inputs = all({
    gross: amount(input.gross, 'gross'),
    rates: checkRates(
      reductionInputs.map((r) => r.ratePercent),
      'reductions',
    ),
    escompte: rateBelowHundred(input.escomptePercent ?? 0, 'escomptePercent'),
    vat: rate(input.vatPercent, 'vatPercent'),
  });
  if (!inputs.ok) return inputs;
  const { gross, rates, escompte, vat } = inputs.value;

  const reductions: ReductionLine[] = [];
  let net = toCents(gross);
  rates.forEach((ratePercent, index) => {
    const reduction = toCents(net.mul(fromPercent(ratePercent)));
    const line: ReductionLine = {
      kind: reductionInputs[index]?.kind ?? 'remise',
      ratePercent,
      base: net,
      amount: reduction,
      net: net.minus(reduction),
    };
    reductions.push(line);
    net = line.net;
  });

  const netCommercial = net;
  const escompteAmount = toCents(netCommercial.mul(fromPercent(escompte)));
  const netFinancier = netCommercial.minus(escompteAmount);
  const tva = toCents(netFinancier.mul(fromPercent(vat)));
  return ok({
    gross: toCents(gross),
    reductions,
    netCommercial,
    escompte: { ratePercent: escompte, base: netCommercial, amount: escompteAmount },
    netFinancier,
    vatPercent: vat,
    tva,
    netAPayer: netFinancier.plus(tva),
    tauxEquivalent: equivalentOf(rates),
  });
}

export interface Avoir {
  ht: Decimal;
  tva: Decimal;
  ttc: Decimal;
}

/**
 * A ristourne on the turnover of a period is paid afterwards by an avoir (credit note), which
 * carries its own VAT (C4: 2 % of 48 000 HT → 960 HT, 1 152 TTC). Each line rounded to the cent.
 */
export function ristourneAvoir(input: {
  turnoverHt: unknown;
  ratePercent: unknown;
  vatPercent: unknown;
}): PricingResult<Avoir> {
  const inputs = all({
    turnoverHt: amount(input.turnoverHt, 'turnoverHt'),
    r: rateBelowHundred(input.ratePercent, 'ratePercent'),
    vat: rate(input.vatPercent, 'vatPercent'),
  });
  if (!inputs.ok) return inputs;
  const ht = toCents(inputs.value.turnoverHt.mul(fromPercent(inputs.value.r)));
  const tva = toCents(ht.mul(fromPercent(inputs.value.vat)));
  return ok({ ht, tva, ttc: new Dec(ht).plus(tva) });
}
