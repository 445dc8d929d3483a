import { invoice } from '../../../core/pricing/index.ts';
import { type CalcCommand, DEFAULT_VAT, fromPricing, optional, required, withDefault } from '../command.ts';
import { type Row, table, twoDecimals } from '../format.ts';

const FIELDS = { gross: 'gross', reductions: 'discounts', escomptePercent: 'escompte', vatPercent: 'vat' };

/** `10,5` is a cascade of two remises, 10 % then 5 %; a decimal rate is written with a point. */
function cascade(list: string | undefined): string[] {
  if (list === undefined) return [];
  return list.split(',').map((step) => step.trim());
}

/** `invoice --gross 2000 --discounts 10,5 [--escompte 2] [--vat 20]`: the invoice in the order of the course. */
export const invoiceCommand: CalcCommand = {
  options: { values: ['gross', 'discounts', 'escompte', 'vat'], flags: [] },
  run(ctx) {
    const gross = required(ctx, 'gross');
    if (!gross.ok) return gross;
    const escompteGiven = optional(ctx, 'escompte');
    const rates = cascade(ctx.options.values.get('discounts'));
    const bill = fromPricing(
      ctx,
      invoice({
        gross: gross.value,
        reductions: rates.map((ratePercent) => ({ kind: 'remise' as const, ratePercent })),
        escomptePercent: escompteGiven ?? '0',
        vatPercent: withDefault(ctx, 'vat', DEFAULT_VAT),
      }),
      FIELDS,
    );
    if (!bill.ok) return bill;
    const b = bill.value;
    const { t, fmt } = ctx;

    const rows: Row[] = [[t('calc:invoice.gross'), fmt.money(b.gross)]];
    b.reductions.forEach((line, index) => {
      rows.push([
        t('calc:invoice.reduction', { rate: fmt.shortPercent(line.ratePercent) }),
        fmt.money(line.amount.neg()),
      ]);
      const last = index === b.reductions.length - 1;
      if (!last) rows.push([t('calc:invoice.net'), fmt.money(line.net)]);
    });
    rows.push([t('calc:invoice.netCommercial'), fmt.money(b.netCommercial)]);
    if (escompteGiven !== undefined) {
      rows.push([
        t('calc:invoice.escompte', { rate: fmt.shortPercent(b.escompte.ratePercent) }),
        fmt.money(b.escompte.amount.neg()),
      ]);
      rows.push([t('calc:invoice.netFinancier'), fmt.money(b.netFinancier)]);
    }
    rows.push([t('calc:invoice.tva', { rate: fmt.shortPercent(b.vatPercent) }), fmt.money(b.tva)]);
    rows.push([t('calc:invoice.netAPayer'), fmt.money(b.netAPayer)]);
    if (b.reductions.length > 1) rows.push([t('calc:invoice.tauxEquivalent'), fmt.percent(b.tauxEquivalent)]);

    return {
      ok: true,
      json: {
        brut: twoDecimals(b.gross),
        reductions: b.reductions.map((line) => ({
          taux: twoDecimals(line.ratePercent),
          montant: twoDecimals(line.amount),
          net: twoDecimals(line.net),
        })),
        netCommercial: twoDecimals(b.netCommercial),
        escompte: twoDecimals(b.escompte.amount),
        netFinancier: twoDecimals(b.netFinancier),
        tva: twoDecimals(b.tva),
        netAPayer: twoDecimals(b.netAPayer),
        tauxEquivalent: twoDecimals(b.tauxEquivalent),
      },
      table: table(t('calc:invoice.title'), rows),
    };
  },
};
