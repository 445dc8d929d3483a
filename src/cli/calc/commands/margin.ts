import {
  coefficientMultiplicateurFromPriceHt,
  Dec,
  htToTtc,
  marge,
  tauxDeMarge,
  tauxDeMarque,
} from '../../../core/pricing/index.ts';
import { type CalcCommand, DEFAULT_VAT, fromPricing, required, withDefault } from '../command.ts';
import { table, twoDecimals } from '../format.ts';

const FIELDS = { costHt: 'cost', priceHt: 'price', vatPercent: 'vat', ht: 'price' };

/** `margin --cost 80 --price 120 [--vat 20]`: the first lines of every pricing exercise. */
export const marginCommand: CalcCommand = {
  options: { values: ['cost', 'price', 'vat'], flags: [] },
  run(ctx) {
    const cost = required(ctx, 'cost');
    if (!cost.ok) return cost;
    const price = required(ctx, 'price');
    if (!price.ok) return price;
    const vat = withDefault(ctx, 'vat', DEFAULT_VAT);
    const sale = { costHt: cost.value, priceHt: price.value };

    const m = fromPricing(ctx, marge(sale), FIELDS);
    if (!m.ok) return m;
    const rMarge = fromPricing(ctx, tauxDeMarge(sale), FIELDS);
    if (!rMarge.ok) return rMarge;
    const rMarque = fromPricing(ctx, tauxDeMarque(sale), FIELDS);
    if (!rMarque.ok) return rMarque;
    const cm = fromPricing(ctx, coefficientMultiplicateurFromPriceHt({ ...sale, vatPercent: vat }), FIELDS);
    if (!cm.ok) return cm;
    const ttc = fromPricing(ctx, htToTtc({ ht: price.value, vatPercent: vat }), FIELDS);
    if (!ttc.ok) return ttc;

    const { t, fmt } = ctx;
    // The inputs were accepted by the calculations above, so they are valid decimals here.
    const vatLabel = fmt.shortPercent(new Dec(vat));
    return {
      ok: true,
      json: {
        marge: twoDecimals(m.value),
        tauxDeMarge: twoDecimals(rMarge.value),
        tauxDeMarque: twoDecimals(rMarque.value),
        coefficient: twoDecimals(cm.value),
      },
      table: table(t('calc:margin.title'), [
        [t('calc:margin.costHt'), fmt.money(new Dec(cost.value))],
        [t('calc:margin.priceHt'), fmt.money(new Dec(price.value))],
        [t('calc:margin.priceTtc', { vat: vatLabel }), fmt.money(ttc.value)],
        [t('calc:margin.marge'), fmt.money(m.value)],
        [t('calc:margin.tauxDeMarge'), fmt.percent(rMarge.value)],
        [t('calc:margin.tauxDeMarque'), fmt.percent(rMarque.value)],
        [t('calc:margin.coefficient'), fmt.number(cm.value)],
      ]),
    };
  },
};
