import type { TFunction } from 'i18next';
import type { ItemValue, NegotiationMove } from '../../core/negotiation/moves.ts';
import { CLIENT_GIVES, SELLER_GIVES } from '../../core/negotiation/moves.ts';
import type { NegotiationSpec } from '../../core/negotiation/spec.ts';
import type { ItemKind } from '../../core/negotiation/spec-items.ts';
import type { NegotiationState } from '../../core/negotiation/state.ts';
import { pickText } from '../../core/scenario/text.ts';
import type { UiLanguage } from '../../i18n/languages.ts';
import { h } from '../dom/h.ts';
import { cascadeLabels, describeValue, itemLabel } from '../../present/negotiation.ts';
import { formats } from '../../present/format.ts';
import { shapeDiscount } from '../../core/negotiation/cascade.ts';

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

/** One thing the seller can give: an item, or one step of a declared cascade (`discountPercent:1`). */
interface GiveOption {
  value: string;
  label: string;
  item: ItemKind;
  step?: number;
}

/** What the seller can still give: each step of a cascade on its own, services not yet included. */
function giveOptions(spec: NegotiationSpec, state: NegotiationState, lang: UiLanguage, t: TFunction): GiveOption[] {
  const declared = new Set(spec.items.map((i) => i.kind));
  const offered = new Set(state.sellerTerms.services ?? []);
  const services = spec.items.flatMap((i) =>
    i.kind === 'services' ? i.options.filter((o) => !offered.has(o.id)) : [],
  );
  const steps = cascadeLabels(spec, lang, t);
  return SELLER_GIVES.filter((k) => declared.has(k) && (k !== 'services' || services.length > 0)).flatMap(
    (k): GiveOption[] =>
      k === 'discountPercent' && steps.length > 0
        ? steps.map((label, step) => ({ value: `${k}:${step}`, label, item: k, step }))
        : [{ value: k, label: itemLabel(k, t, spec, lang), item: k }],
  );
}

/**
 * Every field starts empty: the player decides what to give (never pre-filled with the client's
 * demand). Only what the seller can give is offered as a concession — each step of a declared
 * cascade on its own — and only what the client can give (quantity, commitment, payment, lead
 * time) as its counterpart.
 */
export function tradeFields(opts: {
  spec: NegotiationSpec;
  state: NegotiationState;
  lang: UiLanguage;
  t: TFunction;
  onChange: () => void;
}): Trade {
  const { spec, state, lang, t, onChange } = opts;
  const c = tradeControls(spec, state, lang, t);
  const gives = giveOptions(spec, state, lang, t);
  const chosen = () => gives.find((g) => g.value === c.giveSelect.value);
  const standing = (g: GiveOption | undefined) => {
    if (!g) return '';
    const value = state.sellerTerms[g.item];
    if (g.step === undefined) return t('offer.standing', { value: describeValue(g.item, value, lang, t, spec) });
    const rates = shapeDiscount(spec, (value as number | number[] | undefined) ?? 0) as number[];
    return t('offer.standing', { value: formats(lang).percent(rates[g.step] ?? 0) });
  };
  const sync = (notify = true) => {
    const give = chosen();
    c.giveValue.hidden = !give || give.item === 'services';
    c.giveService.hidden = give?.item !== 'services';
    c.giveNow.textContent = give && give.item !== 'services' ? standing(give) : '';
    const get = c.getSelect.value as ItemKind | '';
    c.getValue.hidden = get === '' || get === 'counterparts';
    c.getOption.hidden = get !== 'counterparts';
    c.getNow.textContent = get ? standing({ value: get, label: '', item: get }) : '';
    if (notify) onChange();
  };
  c.giveSelect.addEventListener('change', () => {
    c.giveValue.value = '';
    sync();
  });
  c.getSelect.addEventListener('change', () => {
    c.getValue.value = '';
    sync();
  });
  for (const input of [c.giveValue, c.getValue, c.giveService, c.getOption]) input.addEventListener('input', onChange);
  sync(false);

  const numeric = (input: HTMLInputElement) => input.value.trim() !== '' && Number.isFinite(Number(input.value));
  return {
    fieldset: c.fieldset,
    unavailable() {
      const give = chosen();
      if (!give) return t('offer.why.chooseGive');
      if (give.item !== 'services' && !numeric(c.giveValue)) return t('offer.why.giveValue');
      const get = c.getSelect.value;
      if (get !== '' && get !== 'counterparts' && !numeric(c.getValue)) return t('offer.why.getValue');
      return null;
    },
    move() {
      const give = chosen() as GiveOption;
      const get = c.getSelect.value as ItemKind | '';
      const asked =
        get === 'counterparts'
          ? [...(state.sellerTerms.counterparts ?? []), c.getOption.value].filter(Boolean)
          : typed(spec, state, get || 'quantity', c.getValue.value);
      const counterpart = get ? ({ item: get, value: asked } as ItemValue) : undefined;
      const value =
        give.item === 'services'
          ? [...(state.sellerTerms.services ?? []), c.giveService.value].filter(Boolean)
          : typed(spec, state, give.item, c.giveValue.value, give.step);
      return { type: 'concede', ...({ item: give.item, value } as ItemValue), ...(counterpart ? { counterpart } : {}) };
    },
    free: () => c.getSelect.value === '',
    focusCounterpart: () => c.getSelect.focus(),
  };
}

/** A typed value as a term: a step of a cascade replaces that step in the standing rates. */
function typed(spec: NegotiationSpec, state: NegotiationState, item: ItemKind, raw: string, step?: number) {
  const n = Number(raw);
  if (item === 'discountPercent' && step !== undefined) {
    const rates = shapeDiscount(spec, state.sellerTerms.discountPercent ?? 0) as number[];
    return rates.map((r, i) => (i === step ? n : r));
  }
  if (item !== 'paymentDays') return n;
  return { days: Math.round(n), endOfMonth: state.sellerTerms.paymentDays?.endOfMonth ?? false };
}

/** The controls of the trade and their fieldset. */
function tradeControls(spec: NegotiationSpec, state: NegotiationState, lang: UiLanguage, t: TFunction) {
  const declared = new Set(spec.items.map((i) => i.kind));
  const offered = new Set(state.sellerTerms.services ?? []);
  const services = spec.items.flatMap((i) =>
    i.kind === 'services' ? i.options.filter((o) => !offered.has(o.id)) : [],
  );
  const granted = new Set(state.sellerTerms.counterparts ?? []);
  const extras = spec.items.flatMap((i) =>
    i.kind === 'counterparts' ? i.options.filter((o) => !granted.has(o.id)) : [],
  );
  const getKinds = CLIENT_GIVES.filter((k) => declared.has(k) && (k !== 'counterparts' || extras.length > 0));
  const f = formats(lang);
  const getOption = h(
    'select',
    { id: 'counterpart-option', 'aria-label': itemLabel('counterparts', t, spec, lang) },
    ...extras.map((o) =>
      h(
        'option',
        { value: o.id },
        `${pickText(o.label, lang)} ${t('offer.counterpartWorth', { value: f.euros(o.valueHt) })}`,
      ),
    ),
  );
  const giveSelect = h(
    'select',
    { id: 'concede-item', 'aria-describedby': 'concede-standing' },
    h('option', { value: '' }, t('offer.chooseGive')),
    ...giveOptions(spec, state, lang, t).map((g) => h('option', { value: g.value }, g.label)),
  );
  const giveValue = h('input', { id: 'concede-value', type: 'number', step: 0.5, inputmode: 'decimal', value: '' });
  const giveService = h(
    'select',
    { id: 'concede-service', 'aria-label': itemLabel('services', t, spec, lang) },
    ...services.map((o) => h('option', { value: o.id }, pickText(o.label, lang))),
  );
  const giveNow = h('span', { id: 'concede-standing', class: 'offer__now' });
  const getSelect = h(
    'select',
    { id: 'counterpart-item', 'aria-describedby': 'counterpart-standing' },
    h('option', { value: '' }, t('offer.noCounterpart')),
    ...getKinds.map((k) => h('option', { value: k }, itemLabel(k, t, spec, lang))),
  );
  const getValue = h('input', { id: 'counterpart-value', type: 'number', step: 1, inputmode: 'decimal', value: '' });
  const getNow = h('span', { id: 'counterpart-standing', class: 'offer__now' });
  const fieldset = h(
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
      getOption,
      getNow,
    ),
    h('p', { id: 'concede-hint', class: 'hint' }, t('offer.tradeHint')),
  );
  return { fieldset, giveSelect, giveValue, giveService, giveNow, getSelect, getValue, getOption, getNow };
}
