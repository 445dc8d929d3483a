import type { TFunction } from 'i18next';
import { cascadeShape } from '../../core/negotiation/cascade.ts';
import { evaluateTerms } from '../../core/negotiation/economics.ts';
import type { NegotiationMove, PriceTechnique } from '../../core/negotiation/moves.ts';
import { PRICE_TECHNIQUES } from '../../core/negotiation/moves.ts';
import type { NegotiationSpec } from '../../core/negotiation/spec.ts';
import type { NegotiableItem } from '../../core/negotiation/spec-items.ts';
import type { NegotiationState } from '../../core/negotiation/state.ts';
import type { Terms } from '../../core/negotiation/terms.ts';
import type { UiLanguage } from '../../i18n/languages.ts';
import { h, replace } from '../dom/h.ts';
import { glossaryButton } from './glossary-dialog.ts';
import { termField } from './offer-terms.ts';
import { type Trade, tradeFields } from './offer-trade.ts';
import { formats } from '../../present/format.ts';
import { htToTtc } from '../../core/pricing/index.ts';
import { belowFloorCause, demandRows, describeTermsProblem, showsTtc } from '../../present/negotiation.ts';

interface PanelOptions {
  spec: NegotiationSpec;
  state: NegotiationState;
  lang: UiLanguage;
  t: TFunction;
  /** Assisted mode: a concession for nothing asks for confirmation first. */
  assisted: boolean;
  choices: HTMLElement;
  onMove: (move: NegotiationMove) => void;
}

/** One move of the table: its label, what it plays, why it cannot be played now, whether to ask first. */
interface MoveSpec {
  label: string;
  move: () => NegotiationMove;
  /** Why it cannot be played now, or null. */
  unavailable: () => string | null;
  /** Ask before playing it. */
  confirm?: () => boolean;
}

/**
 * The offer panel of the negotiation step. The player edits their terms; the live figures
 * (net price, margin, taux de marque, floor) come from the core's `evaluateTerms`, and every
 * move goes to the visit as `nego.move` — whether the client accepts is the core's decision.
 * Its move buttons sit in the same [data-testid="choices"] group as dialogue choices, so the
 * whole visit is playable with the same keys (1–9) and by the same outside tests.
 */
export function offerPanel(opts: PanelOptions): HTMLElement {
  const { spec, state, lang, t } = opts;
  const terms: Terms = structuredClone(state.sellerTerms);
  const figures = h('dl', { class: 'offer__figures', 'aria-live': 'polite' });
  const status = h('p', { class: 'offer__status' });
  const update = () => renderFigures(figures, status, spec, terms, lang, t);
  const field = (item: NegotiableItem) => termField(item, { spec, terms, lang, t, update });

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

  // « Si vous…, alors je… »: what the seller gives, and what it asks in return.
  const trade = tradeFields({ spec, state, lang, t, onChange: () => buttons.refresh() });
  const moves = tableMoves(opts, { terms, trade, technique, argument });
  const buttons = moveButtons(moves, opts, trade);

  const panel = h(
    'section',
    { class: 'offer', 'aria-labelledby': 'offer-heading' },
    h(
      'h2',
      { id: 'offer-heading', tabindex: -1 },
      `${t('offer.heading')} · ${t('offer.round', { count: state.round + 1 })}`,
    ),
    h(
      'div',
      { class: 'offer__grid' },
      h('div', { class: 'offer__terms' }, h('h3', {}, t('offer.yourTerms')), ...spec.items.map(field)),
      h('div', {}, demandTable(spec, state, lang, t)),
      h(
        'div',
        {},
        h('h3', {}, t('offer.figures')),
        figures,
        status,
        glossaryButton({ lang, t, className: 'btn btn--ghost btn--small' }),
      ),
    ),
    trade.fieldset,
    buttons.confirmDialog,
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

/** The six moves of the table, always in this order so that each keeps its number key. */
function tableMoves(
  opts: PanelOptions,
  ctx: { terms: Terms; trade: Trade; technique: HTMLSelectElement; argument: HTMLInputElement },
): MoveSpec[] {
  const { state, t } = opts;
  const { terms, trade, technique, argument } = ctx;
  return [
    {
      label: t('offer.present'),
      move: () => ({ type: 'present-price', technique: technique.value as PriceTechnique }),
      // Kept in its place once played, so that the other moves keep their number keys.
      unavailable: () => (state.pricePresented ? t('offer.why.presented') : null),
    },
    {
      label: t('offer.propose'),
      move: () => ({ type: 'offer', terms: structuredClone(terms) }),
      unavailable: () => null,
    },
    {
      label: t('offer.concede'),
      move: () => trade.move(),
      unavailable: () => trade.unavailable(),
      // In assisted mode, a concession for nothing is asked about first; the exam does not warn.
      confirm: () => opts.assisted && trade.free(),
    },
    {
      label: t('offer.conditional'),
      move: () => ({ type: 'conditional-close', terms: structuredClone(terms), condition: 'sign-today' }),
      unavailable: () => null,
    },
    {
      label: t('offer.refuse'),
      move: () => ({ type: 'refuse', argument: argument.value.trim() || t('offer.argumentDefault') }),
      unavailable: () => null,
    },
    { label: t('offer.leave'), move: () => ({ type: 'leave' }), unavailable: () => null },
  ];
}

/** The moves as numbered buttons in the choices group, a disabled move keeping its place and its reason. */
function moveButtons(
  moves: MoveSpec[],
  opts: PanelOptions,
  trade: Trade,
): { refresh: () => void; confirmDialog: HTMLElement } {
  const play = (m: MoveSpec) => {
    if (m.unavailable()) return;
    if (m.confirm?.()) askFirst(() => opts.onMove(m.move()));
    else opts.onMove(m.move());
  };
  const buttons = moves.map((m, i) => {
    const key = i < 9 ? String(i + 1) : '';
    const reason = h('span', { class: 'choice__reason' });
    const button = h(
      'button',
      { type: 'button', class: 'choice', 'aria-keyshortcuts': key || null, onclick: () => play(m) },
      key ? h('span', { class: 'choice__key', 'aria-hidden': 'true' }, key) : null,
      h('span', { class: 'choice__text' }, m.label),
      reason,
    );
    return { button, reason, spec: m };
  });
  const refresh = () => {
    for (const { button, reason, spec: m } of buttons) {
      const why = m.unavailable();
      button.disabled = why !== null;
      reason.textContent = why ? opts.t('visit.disabled', { reason: why }) : '';
      reason.hidden = why === null;
    }
  };
  const { dialog: confirmDialog, ask: askFirst } = freeConcessionDialog(opts.t, {
    // Number keys must not play a move behind the question.
    lockMoves: () => buttons.forEach((b) => (b.button.disabled = true)),
    refreshMoves: refresh,
    toCounterpart: () => trade.focusCounterpart(),
  });
  refresh();
  replace(opts.choices, ...buttons.map((b) => b.button));
  return { refresh, confirmDialog };
}

/** The live figures of the terms being edited, and what is wrong with them (or that all is well). */
function renderFigures(
  figures: HTMLElement,
  status: HTMLElement,
  spec: NegotiationSpec,
  terms: Terms,
  lang: UiLanguage,
  t: TFunction,
): void {
  const f = formats(lang);
  const r = evaluateTerms(spec, terms);
  if (!r.ok) {
    replace(figures);
    status.textContent = r.problems.map((p) => describeTermsProblem(p, t, spec, lang)).join(' ');
    return;
  }
  const e = r.value;
  // With a year-end rebate the invoice shows the cascade's price; the RFA comes later, by credit note.
  const rebate = cascadeShape(spec)?.rfa
    ? ([
        ['offer.invoicedPrice', f.euros(Number(e.invoicedUnitPriceHt))],
        ['offer.rfa', f.euros(Number(e.rfaHt))],
      ] as const)
    : [];
  // A private buyer thinks TTC: its prices first, the HT figures (margin included) after.
  const ttc = (ht: string) => {
    const r = htToTtc({ ht, vatPercent: spec.seller.vatPercent });
    return f.euros(r.ok ? r.value.toNumber() : Number(ht));
  };
  const rows: (readonly [string, string])[] = showsTtc(spec)
    ? [
        ['offer.netPriceTtc', ttc(e.netUnitPriceHt)],
        ['offer.revenueTTC', f.euros(Number(e.revenueTtc))],
        ['offer.revenue', f.euros(Number(e.revenueHt))],
        ['offer.margin', f.euros(Number(e.marginHt))],
        ['offer.markup', f.percent(Number(e.tauxDeMarque))],
        ['offer.floorTtc', ttc(e.floorPriceHt)],
      ]
    : [
        ...rebate,
        ['offer.netPrice', f.euros(Number(e.netUnitPriceHt))],
        ['offer.revenue', f.euros(Number(e.revenueHt))],
        ['offer.revenueTTC', f.euros(Number(e.revenueTtc))],
        ['offer.margin', f.euros(Number(e.marginHt))],
        ['offer.markup', f.percent(Number(e.tauxDeMarque))],
        ['offer.floor', f.euros(Number(e.floorPriceHt))],
      ];
  replace(figures, ...rows.flatMap(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v)]));
  const warnings = [
    e.belowFloor && `${t('offer.belowFloor')}${t('offer.causeSeparator')}${belowFloorCause(spec, e, lang, t)}`,
    e.outsideMandate && t('offer.outsideMandate'),
    !e.paymentLegal && t('offer.illegalPayment'),
  ].filter(Boolean);
  status.textContent = warnings.length ? `⚠ ${warnings.join(' · ')}` : `✓ ${t('offer.ok')}`;
  status.className = `offer__status ${warnings.length ? 'offer__status--warn' : 'offer__status--ok'}`;
}

/** The client's whole demand beside the offer: every item, services included, asked or not. */
function demandTable(spec: NegotiationSpec, state: NegotiationState, lang: UiLanguage, t: TFunction): HTMLElement {
  return h(
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
}

/** « Rien en échange ? »: asked before a concession for nothing; the first button goes back to ask for a counterpart. */
function freeConcessionDialog(
  t: TFunction,
  ctx: { lockMoves: () => void; refreshMoves: () => void; toCounterpart: () => void },
): { dialog: HTMLElement; ask: (play: () => void) => void } {
  const confirmDialog = h(
    'dialog',
    {
      class: 'offer__confirm',
      role: 'alertdialog',
      'aria-labelledby': 'free-concession-title',
      'aria-describedby': 'free-concession-text',
    },
    h('h3', { id: 'free-concession-title' }, t('offer.freeConcession.title')),
    h('p', { id: 'free-concession-text' }, t('offer.freeConcession.text')),
  );
  const closeConfirm = () => {
    if (confirmDialog.open) confirmDialog.close();
    confirmDialog.removeAttribute('open');
    ctx.refreshMoves();
  };
  confirmDialog.addEventListener('cancel', (e) => {
    e.preventDefault();
    closeConfirm();
    ctx.toCounterpart();
  });
  const askFirst = (play: () => void) => {
    const back = h(
      'button',
      {
        type: 'button',
        class: 'btn btn--primary',
        onclick: () => {
          closeConfirm();
          ctx.toCounterpart();
        },
      },
      t('offer.freeConcession.back'),
    );
    const anyway = h(
      'button',
      {
        type: 'button',
        class: 'btn btn--ghost',
        onclick: () => {
          closeConfirm();
          play();
        },
      },
      t('offer.freeConcession.anyway'),
    );
    replace(
      confirmDialog,
      ...[...confirmDialog.children].slice(0, 2),
      h('div', { class: 'offer__confirm-actions' }, back, anyway),
    );
    ctx.lockMoves();
    if (typeof confirmDialog.showModal === 'function') confirmDialog.showModal();
    else confirmDialog.setAttribute('open', '');
    back.focus();
  };
  return { dialog: confirmDialog, ask: askFirst };
}
