import { Dec, prixPlancher, remiseMaximale } from '../../../core/pricing/index.ts';
import { type CalcCommand, fromPricing, optional, required } from '../command.ts';
import { type Row, table, twoDecimals } from '../format.ts';

const FIELDS = { costHt: 'cost', minTauxDeMarque: 'min-markup-rate', listPriceHt: 'list' };

/** `floor --cost 60 --min-markup-rate 30 [--list 100]`: the seller's limit before a negotiation. */
export const floorCommand: CalcCommand = {
  options: { values: ['cost', 'min-markup-rate', 'list'], flags: [] },
  run(ctx) {
    const cost = required(ctx, 'cost');
    if (!cost.ok) return cost;
    const minMarque = required(ctx, 'min-markup-rate');
    if (!minMarque.ok) return minMarque;
    const floor = fromPricing(ctx, prixPlancher({ costHt: cost.value, minTauxDeMarque: minMarque.value }), FIELDS);
    if (!floor.ok) return floor;

    const { t, fmt } = ctx;
    const rows: Row[] = [
      [t('calc:floor.costHt'), fmt.money(new Dec(cost.value))],
      [t('calc:floor.minTauxDeMarque'), fmt.percent(new Dec(minMarque.value))],
      [t('calc:floor.prixPlancher'), fmt.money(floor.value)],
    ];
    const json: Record<string, unknown> = { prixPlancher: twoDecimals(floor.value) };

    const list = optional(ctx, 'list');
    if (list !== undefined) {
      const max = fromPricing(ctx, remiseMaximale({ prixPlancher: floor.value, listPriceHt: list }), FIELDS);
      if (!max.ok) return max;
      rows.push(
        [t('calc:floor.listPriceHt'), fmt.money(new Dec(list))],
        [t('calc:floor.remiseMax'), fmt.percent(max.value)],
      );
      json.remiseMax = twoDecimals(max.value);
    }
    return { ok: true, json, table: table(t('calc:floor.title'), rows) };
  },
};
