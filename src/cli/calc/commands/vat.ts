import { Dec, htToTtc, ttcToHt } from '../../../core/pricing/index.ts';
import { type CalcCommand, DEFAULT_VAT, fromPricing, oneOf, withDefault } from '../command.ts';
import { table, twoDecimals } from '../format.ts';

const FIELDS = { ht: 'ht', ttc: 'ttc', vatPercent: 'vat' };

/** `vat --ht 15 --vat 19.6` or `vat --ttc 28 --vat 19.6`. */
export const vatCommand: CalcCommand = {
  options: { values: ['ht', 'ttc', 'vat'], flags: [] },
  run(ctx) {
    const given = oneOf(ctx, 'ht', 'ttc');
    if (!given.ok) return given;
    const vatPercent = withDefault(ctx, 'vat', DEFAULT_VAT);
    const fromHt = given.value.name === 'ht';
    const other = fromPricing(
      ctx,
      fromHt ? htToTtc({ ht: given.value.value, vatPercent }) : ttcToHt({ ttc: given.value.value, vatPercent }),
      FIELDS,
    );
    if (!other.ok) return other;
    // Both prices are exact cents here (one typed, one rounded), so the VAT is their difference.
    const ht = fromHt ? new Dec(given.value.value) : other.value;
    const ttc = fromHt ? other.value : new Dec(given.value.value);
    const tva = ttc.minus(ht);

    const { t, fmt } = ctx;
    return {
      ok: true,
      json: { ht: twoDecimals(ht), tva: twoDecimals(tva), ttc: twoDecimals(ttc) },
      table: table(t('calc:vat.title'), [
        [t('calc:vat.ht'), fmt.money(ht)],
        [t('calc:vat.tva', { rate: fmt.shortPercent(new Dec(vatPercent)) }), fmt.money(tva)],
        [t('calc:vat.ttc'), fmt.money(ttc)],
      ]),
    };
  },
};
