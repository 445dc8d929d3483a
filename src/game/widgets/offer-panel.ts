import type { TFunction } from 'i18next';
import { evaluateTerms } from '../../core/negotiation/economics.ts';
import type { ItemValue, NegotiationMove, PriceTechnique } from '../../core/negotiation/moves.ts';
import { PRICE_TECHNIQUES } from '../../core/negotiation/moves.ts';
import type { NegotiationSpec } from '../../core/negotiation/spec.ts';
import type { NegotiableItem } from '../../core/negotiation/spec-items.ts';
import type { NegotiationState } from '../../core/negotiation/state.ts';
import type { Terms } from '../../core/negotiation/terms.ts';
import { pickText } from '../../core/scenario/text.ts';
import type { UiLanguage } from '../../i18n/languages.ts';
import { h, replace } from '../dom/h.ts';
import { formats } from '../../present/format.ts';
import { demandRows, describeTermsProblem, itemLabel } from '../../present/negotiation.ts';

/**
 * The offer panel of the negotiation step. The player edits their terms; the live figures
 * (net price, margin, taux de marque, floor) come from the core's `evaluateTerms`, and every
 * move goes to the visit as `nego.move` — whether the client accepts is the core's decision.
 * Its move buttons sit in the same [data-testid="choices"] group as dialogue choices, so the
 * whole visit is playable with the same keys (1–9) and by the same outside tests.
 */
export function offerPanel(opts: {
  spec: NegotiationSpec;
  state: NegotiationState;
  lang: UiLanguage;
  t: TFunction;
  choices: HTMLElement;
  onMove: (move: NegotiationMove) => void;
}): HTMLElement {
  const { spec, state, lang, t, onMove } = opts;
  const terms: Terms = structuredClone(state.sellerTerms);
  const figures = h('dl', { class: 'offer__figures', 'aria-live': 'polite' });
  const status = h('p', { class: 'offer__status' });

  const f = formats(lang);
  const update = () => {
    const r = evaluateTerms(spec, terms);
    if (!r.ok) {
      replace(figures);
      status.textContent = r.problems.map((p) => describeTermsProblem(p, t)).join(' ');
      return;
    }
    const e = r.value;
    replace(
      figures,
      ...(
        [
          ['offer.netPrice', f.euros(Number(e.netUnitPriceHt))],
          ['offer.revenue', f.euros(Number(e.revenueHt))],
          ['offer.revenueTTC', f.euros(Number(e.revenueTtc))],
          ['offer.margin', f.euros(Number(e.marginHt))],
          ['offer.markup', f.percent(Number(e.tauxDeMarque))],
          ['offer.floor', f.euros(Number(e.floorPriceHt))],
        ] as const
      ).flatMap(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v)]),
    );
    const warnings = [
      e.belowFloor && t('offer.belowFloor'),
      e.outsideMandate && t('offer.outsideMandate'),
      !e.paymentLegal && t('offer.illegalPayment'),
    ].filter(Boolean);
    status.textContent = warnings.length ? `⚠ ${warnings.join(' · ')}` : `✓ ${t('offer.ok')}`;
    status.className = `offer__status ${warnings.length ? 'offer__status--warn' : 'offer__status--ok'}`;
  };

  const field = (item: NegotiableItem): HTMLElement => {
    const id = `offer-${item.kind}`;
    const label = h('label', { for: id }, itemLabel(item.kind, t));
    const number = (value: number, attrs: Record<string, number>, set: (n: number) => void) => {
      const input = h('input', { id, type: 'number', value, ...attrs, inputmode: 'decimal' });
      input.addEventListener('input', () => {
        const n = Number(input.value);
        if (Number.isFinite(n)) {
          set(n);
          update();
        }
      });
      return input;
    };
    let control: HTMLElement;
    switch (item.kind) {
      case 'discountPercent': {
        const cur = terms.discountPercent;
        control = number(
          Array.isArray(cur) ? (cur[0] ?? 0) : (cur ?? 0),
          { min: 0, max: item.max, step: 0.5 },
          (n) => (terms.discountPercent = n),
        );
        break;
      }
      case 'unitPrice':
        control = number(
          terms.unitPrice ?? spec.seller.listPriceHt,
          { min: item.min, max: spec.seller.listPriceHt, step: 0.01 },
          (n) => (terms.unitPrice = n),
        );
        break;
      case 'quantity':
        control = number(
          terms.quantity ?? spec.seller.quantity,
          { min: item.min, max: item.max, step: 1 },
          (n) => (terms.quantity = Math.round(n)),
        );
        break;
      case 'deliveryDays':
        control = number(
          terms.deliveryDays ?? item.base,
          { min: item.min, max: item.max, step: 1 },
          (n) => (terms.deliveryDays = Math.round(n)),
        );
        break;
      case 'commitmentMonths':
        control = number(
          terms.commitmentMonths ?? item.base,
          { min: item.min, max: item.max, step: 1 },
          (n) => (terms.commitmentMonths = Math.round(n)),
        );
        break;
      case 'paymentDays': {
        const base = terms.paymentDays ?? item.base;
        control = number(
          base.days,
          { min: 0, max: item.maxDays, step: 1 },
          (n) =>
            (terms.paymentDays = { days: Math.round(n), endOfMonth: terms.paymentDays?.endOfMonth ?? base.endOfMonth }),
        );
        break;
      }
      case 'services': {
        const chosen = new Set(terms.services ?? []);
        return h(
          'fieldset',
          { class: 'offer__services' },
          h('legend', {}, itemLabel('services', t)),
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
                  terms.services = [...chosen];
                  update();
                },
              }),
              ' ',
              pickText(o.label, lang),
            ),
          ),
        );
      }
    }
    return h('div', { class: 'field offer__field' }, label, control);
  };

  // The client's whole demand beside the offer: every item, services included, asked or not.
  const demand = h(
    'table',
    { class: 'offer__demand' },
    h('caption', {}, t('offer.demand')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t('offer.demandItem')),
        h('th', { scope: 'col' }, t('offer.demandValue')),
        h('th', { scope: 'col' }, t('offer.demandStatus')),
      ),
    ),
    h(
      'tbody',
      {},
      ...demandRows(spec, state, lang, t).map((row) =>
        h(
          'tr',
          { class: row.asked ? 'offer__asked' : 'offer__not-asked', 'data-item': row.item },
          h('th', { scope: 'row' }, row.label),
          h('td', {}, row.value),
          h('td', {}, t(row.asked ? 'offer.asked' : 'offer.notAsked')),
        ),
      ),
    ),
  );

  const technique = h(
    'select',
    { id: 'offer-technique' },
    ...PRICE_TECHNIQUES.map((p) => h('option', { value: p }, t(`negotiation:techniques.${p}`))),
  );
  const argument = h('input', {
    id: 'offer-argument',
    type: 'text',
    value: t('offer.argumentDefault'),
    maxlength: 200,
  });

  // « Si vous…, alors je… »: one item toward the client, for a counterpart (or none: a free concession).
  const numericKinds = spec.items.filter((i) => i.kind !== 'services' && i.kind !== 'paymentDays');
  const serviceItem = spec.items.find((i) => i.kind === 'services');
  const tradeKinds = [...numericKinds.map((i) => i.kind), ...(serviceItem ? ['services' as const] : [])];
  const giveSelect = h(
    'select',
    { id: 'concede-item' },
    ...tradeKinds.map((k) => h('option', { value: k }, itemLabel(k, t))),
  );
  const giveValue = h('input', {
    id: 'concede-value',
    type: 'number',
    step: 0.5,
    inputmode: 'decimal',
    'aria-describedby': 'concede-hint',
  });
  const giveService =
    serviceItem?.kind === 'services'
      ? h(
          'select',
          { id: 'concede-service', 'aria-label': itemLabel('services', t) },
          ...serviceItem.options.map((o) => h('option', { value: o.id }, pickText(o.label, lang))),
        )
      : null;
  const getSelect = h(
    'select',
    { id: 'counterpart-item' },
    h('option', { value: '' }, t('offer.noCounterpart')),
    ...numericKinds.map((i) => h('option', { value: i.kind }, itemLabel(i.kind, t))),
  );
  const getValue = h('input', { id: 'counterpart-value', type: 'number', step: 1, inputmode: 'decimal' });
  const standing = (kind: string): number => {
    const v = (state.sellerTerms as Record<string, unknown>)[kind];
    return typeof v === 'number' ? v : Array.isArray(v) && typeof v[0] === 'number' ? v[0] : 0;
  };
  const asked = (kind: string): number => {
    const v = (state.clientDemand as Record<string, unknown>)[kind];
    return typeof v === 'number' ? v : Array.isArray(v) && typeof v[0] === 'number' ? v[0] : standing(kind);
  };
  const syncTrade = () => {
    const services = giveSelect.value === 'services';
    giveValue.hidden = services;
    if (giveService) giveService.hidden = !services;
    // Start the concession at what the client asks for: the player then decides how far to go.
    if (!services && giveValue.value === '') giveValue.value = String(asked(giveSelect.value));
    getValue.disabled = getSelect.value === '';
    if (getSelect.value && getValue.value === '') getValue.value = String(standing(getSelect.value));
  };
  giveSelect.addEventListener('change', () => {
    giveValue.value = '';
    syncTrade();
  });
  getSelect.addEventListener('change', () => {
    getValue.value = '';
    syncTrade();
  });
  syncTrade();
  const concedeMove = (): NegotiationMove => {
    const item = giveSelect.value as ItemValue['item'];
    const value =
      item === 'services'
        ? [...new Set([...(state.sellerTerms.services ?? []), giveService?.value ?? ''])].filter(Boolean)
        : Number(giveValue.value);
    const give = { item, value } as ItemValue;
    const counterpart = getSelect.value
      ? ({ item: getSelect.value, value: Number(getValue.value) } as ItemValue)
      : undefined;
    return { type: 'concede', ...give, ...(counterpart ? { counterpart } : {}) };
  };

  const moveButton = (label: string, move: () => NegotiationMove) =>
    h(
      'button',
      { type: 'button', class: 'choice', onclick: () => onMove(move()) },
      h('span', { class: 'choice__text' }, label),
    );
  const buttons = [
    !state.pricePresented
      ? moveButton(t('offer.present'), () => ({ type: 'present-price', technique: technique.value as PriceTechnique }))
      : null,
    // Proposing terms is always a legal move, so it comes first (after presenting the price).
    moveButton(t('offer.propose'), () => ({ type: 'offer', terms: structuredClone(terms) })),
    moveButton(t('offer.concede'), concedeMove),
    moveButton(t('offer.conditional'), () => ({
      type: 'conditional-close',
      terms: structuredClone(terms),
      condition: 'sign-today',
    })),
    moveButton(t('offer.refuse'), () => ({
      type: 'refuse',
      argument: argument.value.trim() || t('offer.argumentDefault'),
    })),
    moveButton(t('offer.leave'), () => ({ type: 'leave' })),
  ].filter((b): b is HTMLButtonElement => b !== null);
  buttons.forEach((b, i) => b.prepend(h('span', { class: 'choice__key', 'aria-hidden': 'true' }, String(i + 1))));
  replace(opts.choices, ...buttons);

  const panel = h(
    'section',
    { class: 'offer', 'aria-labelledby': 'offer-heading' },
    h('h2', { id: 'offer-heading' }, `${t('offer.heading')} · ${t('offer.round', { count: state.round + 1 })}`),
    h(
      'div',
      { class: 'offer__grid' },
      h('div', { class: 'offer__terms' }, h('h3', {}, t('offer.yourTerms')), ...spec.items.map(field)),
      h('div', {}, demand),
      h('div', {}, h('h3', {}, t('offer.figures')), figures, status),
    ),
    h(
      'fieldset',
      { class: 'offer__trade' },
      h('legend', {}, t('offer.trade')),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'concede-item' }, t('offer.give')),
        giveSelect,
        h('label', { for: 'concede-value', class: 'sr-only' }, t('offer.giveValue')),
        giveValue,
        giveService,
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'counterpart-item' }, t('offer.get')),
        getSelect,
        h('label', { for: 'counterpart-value', class: 'sr-only' }, t('offer.getValue')),
        getValue,
      ),
      h('p', { id: 'concede-hint', class: 'hint' }, t('offer.tradeHint')),
    ),
    h(
      'div',
      { class: 'offer__extras' },
      h('div', { class: 'field' }, h('label', { for: 'offer-technique' }, t('offer.technique')), technique),
      h('div', { class: 'field' }, h('label', { for: 'offer-argument' }, t('offer.argument')), argument),
    ),
  );
  update();
  return panel;
}
