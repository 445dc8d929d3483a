import type { TFunction } from 'i18next';
import { cascadeShape, equivalentDiscount, shapeDiscount } from '../../core/negotiation/cascade.ts';
import type { NegotiationSpec } from '../../core/negotiation/spec.ts';
import type { ItemOf, NegotiableItem } from '../../core/negotiation/spec-items.ts';
import type { Terms } from '../../core/negotiation/terms.ts';
import { toHundredths } from '../../core/pricing/index.ts';
import { pickText } from '../../core/scenario/text.ts';
import type { UiLanguage } from '../../i18n/languages.ts';
import { cascadeLabels, itemLabel, showsTtc, ttcToHtPrice } from '../../present/negotiation.ts';
import { formats } from '../../present/format.ts';
import { h } from '../dom/h.ts';

/** What every field of the offer needs: the spec, the terms it edits in place, and a callback. */
export interface TermContext {
  spec: NegotiationSpec;
  terms: Terms;
  lang: UiLanguage;
  t: TFunction;
  update: () => void;
}

/** A number input that writes every finite value it is given through `set`, then refreshes the figures. */
function numberInput(
  id: string,
  value: number,
  attrs: Record<string, number | string>,
  set: (n: number) => void,
  update: () => void,
): HTMLInputElement {
  const input = h('input', { id, type: 'number', value, ...attrs, inputmode: 'decimal' });
  input.addEventListener('input', () => {
    const n = Number(input.value);
    if (Number.isFinite(n)) {
      set(n);
      update();
    }
  });
  return input;
}

/** One editable term of the offer, bound to `terms`: a number field, a cascade, or the services' checkboxes. */
export function termField(item: NegotiableItem, ctx: TermContext): HTMLElement {
  if (item.kind === 'services' || item.kind === 'counterparts') return optionsField(item, ctx);
  if (item.kind === 'discountPercent' && cascadeShape(ctx.spec)) return cascadeField(item, ctx);
  const { spec, terms, t, lang, update } = ctx;
  const id = `offer-${item.kind}`;
  const field = (value: number, attrs: Record<string, number>, set: (n: number) => void) =>
    h(
      'div',
      { class: 'field offer__field' },
      h('label', { for: id }, itemLabel(item.kind, t, spec, lang)),
      numberInput(id, value, attrs, set, update),
    );
  switch (item.kind) {
    case 'discountPercent': {
      const cur = terms.discountPercent;
      const value = Array.isArray(cur) ? (cur[0] ?? 0) : (cur ?? 0);
      return field(value, { min: 0, max: item.max, step: 0.5 }, (n) => (terms.discountPercent = n));
    }
    case 'unitPrice': {
      if (!showsTtc(spec))
        return field(
          terms.unitPrice ?? spec.seller.listPriceHt,
          { min: item.min, max: spec.seller.listPriceHt, step: 0.01 },
          (n) => (terms.unitPrice = n),
        );
      // A private buyer's price is typed TTC; the core keeps it HT, to the cent.
      const vat = 1 + spec.seller.vatPercent / 100;
      const ttc = (ht: number) => Math.round(ht * vat * 100) / 100;
      const control = h(
        'div',
        { class: 'field offer__field' },
        h('label', { for: id }, t('offer.unitPriceTtc')),
        numberInput(
          id,
          ttc(terms.unitPrice ?? spec.seller.listPriceHt),
          { min: ttc(item.min), max: ttc(spec.seller.listPriceHt), step: 0.01 },
          (n) => (terms.unitPrice = ttcToHtPrice(spec, n)),
          update,
        ),
      );
      return control;
    }
    case 'quantity':
      return field(
        terms.quantity ?? spec.seller.quantity,
        { min: item.min, max: item.max, step: 1 },
        (n) => (terms.quantity = Math.round(n)),
      );
    case 'deliveryDays':
    case 'commitmentMonths': {
      const kind = item.kind;
      const set = (n: number) => (terms[kind] = Math.round(n));
      return field(terms[kind] ?? item.base, { min: item.min, max: item.max, step: 1 }, set);
    }
    case 'paymentDays': {
      const base = terms.paymentDays ?? item.base;
      const set = (n: number) =>
        (terms.paymentDays = { days: Math.round(n), endOfMonth: terms.paymentDays?.endOfMonth ?? base.endOfMonth });
      return field(base.days, { min: 0, max: item.maxDays, step: 1 }, set);
    }
  }
}

/**
 * A declared cascade: one field per named step (the RFA last), and the equivalent single rate
 * beside them, live — 4 % then 2 % with a 2 % RFA is 7,80 %, not 8 %.
 */
function cascadeField(item: ItemOf<'discountPercent'>, ctx: TermContext): HTMLElement {
  const { spec, terms, lang, t, update } = ctx;
  const f = formats(lang);
  const rates = shapeDiscount(spec, terms.discountPercent ?? 0) as number[];
  terms.discountPercent = rates;
  const equivalent = h('output', {
    id: 'offer-discount-equivalent',
    class: 'offer__equivalent',
    'aria-live': 'polite',
  });
  const showEquivalent = () => {
    const rate = toHundredths(equivalentDiscount(rates)).toNumber();
    equivalent.textContent = t('offer.equivalentRate', { rate: f.percent(rate) });
  };
  const fields = cascadeLabels(spec, lang, t).map((label, i) => {
    const id = `offer-discountPercent-${i + 1}`;
    const set = (n: number) => {
      rates[i] = n;
      terms.discountPercent = [...rates];
      showEquivalent();
    };
    return h(
      'div',
      { class: 'field offer__field' },
      h('label', { for: id }, label),
      numberInput(id, rates[i] ?? 0, { min: 0, max: item.max, step: 0.5 }, set, update),
    );
  });
  showEquivalent();
  return h(
    'fieldset',
    { class: 'offer__cascade', 'aria-describedby': 'offer-discount-equivalent' },
    h('legend', {}, itemLabel('discountPercent', t, spec, lang)),
    ...fields,
    equivalent,
  );
}

/** Checkboxes: the services the seller includes, or the counterparts (with their value) the client grants. */
function optionsField(item: ItemOf<'services'> | ItemOf<'counterparts'>, ctx: TermContext): HTMLElement {
  const { spec, terms, lang, t, update } = ctx;
  const kind = item.kind;
  const chosen = new Set(terms[kind] ?? []);
  const f = formats(lang);
  const worth = (o: (typeof item.options)[number]) =>
    'valueHt' in o ? ` ${t('offer.counterpartWorth', { value: f.euros(o.valueHt) })}` : '';
  return h(
    'fieldset',
    { class: kind === 'services' ? 'offer__services' : 'offer__services offer__counterparts' },
    h('legend', {}, itemLabel(kind, t, spec, lang)),
    ...item.options.map((o) =>
      h(
        'label',
        { class: 'checkbox' },
        h('input', {
          type: 'checkbox',
          checked: chosen.has(o.id),
          onchange: (ev: Event) => {
            if ((ev.target as HTMLInputElement).checked) chosen.add(o.id);
            else chosen.delete(o.id);
            terms[kind] = [...chosen];
            update();
          },
        }),
        ' ',
        pickText(o.label, lang) + worth(o),
      ),
    ),
  );
}
