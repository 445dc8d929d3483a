import type { TFunction } from 'i18next';
import type { ItemValue, NegotiationMove } from '../../core/negotiation/moves.ts';
import { CLIENT_GIVES, SELLER_GIVES } from '../../core/negotiation/moves.ts';
import type { NegotiationSpec } from '../../core/negotiation/spec.ts';
import type { ItemKind } from '../../core/negotiation/spec-items.ts';
import type { NegotiationState } from '../../core/negotiation/state.ts';
import { pickText } from '../../core/scenario/text.ts';
import type { UiLanguage } from '../../i18n/languages.ts';
import { h } from '../dom/h.ts';
import { describeValue, itemLabel } from '../../present/negotiation.ts';

/** The « si vous…, alors je… » fields: what the seller gives, and what it asks in return. */
export interface Trade {
  fieldset: HTMLElement;
  /** Why the concession cannot be played as typed, or null when it can. */
  unavailable(): string | null;
  /** The concession as typed (only when `unavailable()` is null). */
  move(): NegotiationMove;
  /** No counterpart is asked: a concession for nothing. */
  free(): boolean;
  /** Puts the keyboard on the counterpart field. */
  focusCounterpart(): void;
}

/**
 * Every field starts empty: the player decides what to give (never pre-filled with the client's
 * demand). Only what the seller can give is offered as a concession, and only what the client
 * can give (quantity, commitment, payment, lead time) as its counterpart.
 */
export function tradeFields(opts: {
  spec: NegotiationSpec;
  state: NegotiationState;
  lang: UiLanguage;
  t: TFunction;
  onChange: () => void;
}): Trade {
  const { spec, state, lang, t, onChange } = opts;
  const declared = new Set(spec.items.map((i) => i.kind));
  const serviceItem = spec.items.find((i) => i.kind === 'services');
  const offered = new Set(state.sellerTerms.services ?? []);
  const services = serviceItem?.kind === 'services' ? serviceItem.options.filter((o) => !offered.has(o.id)) : [];
  const giveKinds = SELLER_GIVES.filter((k) => declared.has(k) && (k !== 'services' || services.length > 0));
  const getKinds = CLIENT_GIVES.filter((k) => declared.has(k));
  const now = (k: ItemKind) => t('offer.standing', { value: describeValue(k, state.sellerTerms[k], lang, t, spec) });

  const giveSelect = h(
    'select',
    { id: 'concede-item', 'aria-describedby': 'concede-standing' },
    h('option', { value: '' }, t('offer.chooseGive')),
    ...giveKinds.map((k) => h('option', { value: k }, itemLabel(k, t))),
  );
  const giveValue = h('input', { id: 'concede-value', type: 'number', step: 0.5, inputmode: 'decimal', value: '' });
  const giveService = h(
    'select',
    { id: 'concede-service', 'aria-label': itemLabel('services', t) },
    ...services.map((o) => h('option', { value: o.id }, pickText(o.label, lang))),
  );
  const giveNow = h('span', { id: 'concede-standing', class: 'offer__now' });
  const getSelect = h(
    'select',
    { id: 'counterpart-item', 'aria-describedby': 'counterpart-standing' },
    h('option', { value: '' }, t('offer.noCounterpart')),
    ...getKinds.map((k) => h('option', { value: k }, itemLabel(k, t))),
  );
  const getValue = h('input', { id: 'counterpart-value', type: 'number', step: 1, inputmode: 'decimal', value: '' });
  const getNow = h('span', { id: 'counterpart-standing', class: 'offer__now' });

  const sync = (notify = true) => {
    const give = giveSelect.value as ItemKind | '';
    giveValue.hidden = give === '' || give === 'services';
    giveService.hidden = give !== 'services';
    giveNow.textContent = give && give !== 'services' ? now(give) : '';
    const get = getSelect.value as ItemKind | '';
    getValue.hidden = get === '';
    getNow.textContent = get ? now(get) : '';
    if (notify) onChange();
  };
  giveSelect.addEventListener('change', () => {
    giveValue.value = '';
    sync();
  });
  getSelect.addEventListener('change', () => {
    getValue.value = '';
    sync();
  });
  for (const input of [giveValue, getValue, giveService]) input.addEventListener('input', onChange);
  sync(false);

  const valueOf = (item: ItemKind, raw: string): ItemValue['value'] => {
    const n = Number(raw);
    if (item !== 'paymentDays') return n;
    const standing = state.sellerTerms.paymentDays;
    return { days: Math.round(n), endOfMonth: standing?.endOfMonth ?? false };
  };

  return {
    fieldset: h(
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
        giveNow,
      ),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'counterpart-item' }, t('offer.get')),
        getSelect,
        h('label', { for: 'counterpart-value', class: 'sr-only' }, t('offer.getValue')),
        getValue,
        getNow,
      ),
      h('p', { id: 'concede-hint', class: 'hint' }, t('offer.tradeHint')),
    ),
    unavailable() {
      const give = giveSelect.value;
      if (give === '') return t('offer.why.chooseGive');
      if (give !== 'services' && (giveValue.value.trim() === '' || !Number.isFinite(Number(giveValue.value))))
        return t('offer.why.giveValue');
      if (getSelect.value !== '' && (getValue.value.trim() === '' || !Number.isFinite(Number(getValue.value))))
        return t('offer.why.getValue');
      return null;
    },
    move() {
      const item = giveSelect.value as ItemKind;
      const value =
        item === 'services' ? [...offered, giveService.value].filter(Boolean) : valueOf(item, giveValue.value);
      const get = getSelect.value as ItemKind | '';
      const counterpart = get ? ({ item: get, value: valueOf(get, getValue.value) } as ItemValue) : undefined;
      return { type: 'concede', ...({ item, value } as ItemValue), ...(counterpart ? { counterpart } : {}) };
    },
    free: () => getSelect.value === '',
    focusCounterpart: () => getSelect.focus(),
  };
}
