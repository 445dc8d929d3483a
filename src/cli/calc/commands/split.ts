import { Dec, fractionnement, perPeriod } from '../../../core/pricing/index.ts';
import { type CalcCommand, fromPricing, oneOf, required } from '../command.ts';
import { type Row, table, twoDecimals } from '../format.ts';

const FIELDS = { price: 'price', months: 'months', periods: 'days' };

/** `split --price 1200 --months 36` (per month and per day over 36 months) or `--days 365`. */
export const splitCommand: CalcCommand = {
  options: { values: ['price', 'months', 'days'], flags: [] },
  run(ctx) {
    const price = required(ctx, 'price');
    if (!price.ok) return price;
    const over = oneOf(ctx, 'months', 'days');
    if (!over.ok) return over;
    const { t, fmt } = ctx;
    const rows: Row[] = [[t('calc:split.price'), fmt.money(new Dec(price.value))]];

    if (over.value.name === 'days') {
      const perDay = fromPricing(ctx, perPeriod({ price: price.value, periods: over.value.value }), FIELDS);
      if (!perDay.ok) return perDay;
      rows.push([
        t('calc:split.perDay', { count: Number(over.value.value), days: fmt.integer(new Dec(over.value.value)) }),
        fmt.money(perDay.value),
      ]);
      return { ok: true, json: { parJour: twoDecimals(perDay.value) }, table: table(t('calc:split.title'), rows) };
    }

    const split = fromPricing(ctx, fractionnement({ price: price.value, months: over.value.value }), FIELDS);
    if (!split.ok) return split;
    rows.push(
      [
        t('calc:split.perMonth', {
          count: Number(over.value.value),
          months: fmt.integer(new Dec(over.value.value)),
        }),
        fmt.money(split.value.perMonth),
      ],
      [
        t('calc:split.perDay', { count: Number(split.value.days), days: fmt.integer(split.value.days) }),
        fmt.money(split.value.perDay),
      ],
    );
    return {
      ok: true,
      json: { parMois: twoDecimals(split.value.perMonth), parJour: twoDecimals(split.value.perDay) },
      table: table(t('calc:split.title'), rows),
    };
  },
};
