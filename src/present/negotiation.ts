import type { TFunction } from 'i18next';
import {
  evaluateTerms,
  ITEM_KINDS,
  type ClientResponse,
  type NegotiationMove,
  type NegotiationSpec,
  type NegotiationState,
  type PaymentTerms,
  type Terms,
  type TermValue,
  type TermsEconomics,
  type TermsProblem,
} from '../core/negotiation/index.ts';
import { cascadeShape, equivalentDiscount } from '../core/negotiation/cascade.ts';
import type { ItemKind } from '../core/negotiation/spec-items.ts';
import type { SellerTurn } from '../core/negotiation/spec.ts';
import { htToTtc, toHundredths } from '../core/pricing/index.ts';
import { pickText } from '../core/scenario/text.ts';
import type { UiLanguage } from '../i18n/languages.ts';
import { formats } from './format.ts';

/**
 * The negotiation in words, for the game's table and debrief and for the terminal alike:
 * one description of a value, of terms, of a move and of the client's answer.
 */

export function describeValue(
  item: ItemKind,
  value: TermValue | undefined,
  lang: UiLanguage,
  t: TFunction,
  spec?: NegotiationSpec,
): string {
  if (value === undefined) return '—';
  const f = formats(lang);
  switch (item) {
    case 'discountPercent':
      return Array.isArray(value) ? describeCascade(value as number[], lang, t, spec) : f.percent(value as number);
    case 'unitPrice':
      return showsTtc(spec) ? displayPrice(spec, value as number, lang, t) : f.euros(value as number);
    case 'paymentDays': {
      const p = value as PaymentTerms;
      return t(p.endOfMonth ? 'negotiation:paymentDaysEndOfMonth' : 'negotiation:paymentDays', { count: p.days });
    }
    case 'services': {
      const ids = value as string[];
      const options = spec?.items.find((i) => i.kind === 'services');
      const label = (id: string) =>
        options?.kind === 'services' ? pickText(options.options.find((o) => o.id === id)?.label, lang) || id : id;
      return ids.length ? ids.map(label).join(', ') : t('negotiation:noServices');
    }
    case 'counterparts': {
      const ids = value as string[];
      const item = spec?.items.find((i) => i.kind === 'counterparts');
      const label = (id: string) =>
        item?.kind === 'counterparts' ? pickText(item.options.find((o) => o.id === id)?.label, lang) || id : id;
      return ids.length ? ids.map(label).join(', ') : t('negotiation:noCounterparts');
    }
    case 'deliveryDays':
      return t('negotiation:days', { count: value as number });
    case 'commitmentMonths':
      return t('negotiation:months', { count: value as number });
    case 'quantity':
      return f.number(value as number);
  }
}

/** The names of the discount's steps (invoice order, then the RFA), as the scenario declares them. */
export function cascadeLabels(spec: NegotiationSpec, lang: UiLanguage, t: TFunction): string[] {
  const shape = cascadeShape(spec);
  const item = spec.items.find((i) => i.kind === 'discountPercent');
  if (!shape || item?.kind !== 'discountPercent') return [];
  const steps = item.steps?.map((s) => pickText(s.label, lang)) ?? [t('negotiation:cascade.invoice')];
  return shape.rfa ? [...steps, t('negotiation:cascade.rfa')] : steps;
}

/**
 * A cascade in words: each step named when the scenario names them, then the equivalent single
 * rate (1 − Π(1 − rᵢ), the RFA included) — « 4 % puis 2 % » is 5,92 %, not 6 %.
 */
export function describeCascade(
  rates: readonly number[],
  lang: UiLanguage,
  t: TFunction,
  spec?: NegotiationSpec,
): string {
  const f = formats(lang);
  const labels = spec ? cascadeLabels(spec, lang, t) : [];
  const steps = rates.map((r, i) =>
    labels[i] ? t('negotiation:cascade.step', { label: labels[i], rate: f.percent(r) }) : f.percent(r),
  );
  return t('negotiation:cascade.value', {
    steps: steps.join(t('negotiation:cascade.then')),
    equivalent: f.percent(toHundredths(equivalentDiscount(rates)).toNumber()),
  });
}

/** The scenario shows prices TTC (a private buyer); every figure is still computed HT. */
export function showsTtc(spec: NegotiationSpec | undefined): boolean {
  return spec?.seller.priceDisplay === 'ttc';
}

/** A price HT as the scenario shows it: « 12 660,00 € TTC » for a private buyer, « 12 000,00 € HT » otherwise. */
export function displayPrice(spec: NegotiationSpec | undefined, ht: number, lang: UiLanguage, t: TFunction): string {
  const f = formats(lang);
  if (!spec || !showsTtc(spec)) return t('negotiation:priceHt', { price: f.euros(ht) });
  const ttc = htToTtc({ ht, vatPercent: spec.seller.vatPercent });
  return t('negotiation:priceTtc', { price: f.euros(ttc.ok ? ttc.value.toNumber() : ht) });
}

/** A price typed TTC, back to HT to the cent (what the core computes with). */
export function ttcToHtPrice(spec: NegotiationSpec, ttc: number): number {
  return Math.round((ttc / (1 + spec.seller.vatPercent / 100)) * 100) / 100;
}

/** An item's name: the scenario's own label when it gives one, « Remises en cascade » for a cascade. */
export function itemLabel(item: ItemKind, t: TFunction, spec?: NegotiationSpec, lang?: UiLanguage): string {
  const custom = spec?.items.find((i) => i.kind === item)?.label;
  if (custom && lang) return pickText(custom, lang);
  if (item === 'discountPercent' && spec && cascadeShape(spec)) return t('negotiation:cascade.label');
  return t(`negotiation:items.${item}`);
}

export function describeTerms(terms: Terms, lang: UiLanguage, t: TFunction, spec?: NegotiationSpec): string {
  return ITEM_KINDS.filter((k) => terms[k] !== undefined)
    .map((k) => `${itemLabel(k, t, spec, lang)} ${describeValue(k, terms[k], lang, t, spec)}`)
    .join(' · ');
}

export function describeMove(move: NegotiationMove, lang: UiLanguage, t: TFunction, spec?: NegotiationSpec): string {
  switch (move.type) {
    case 'offer':
      return t('negotiation:moves.offer', { terms: describeTerms(move.terms, lang, t, spec) });
    case 'concede': {
      const given = {
        item: itemLabel(move.item, t, spec, lang),
        value: describeValue(move.item, move.value, lang, t, spec),
      };
      return move.counterpart
        ? t('negotiation:moves.concedeFor', {
            ...given,
            counterpartItem: itemLabel(move.counterpart.item, t, spec, lang),
            counterpartValue: describeValue(move.counterpart.item, move.counterpart.value, lang, t, spec),
          })
        : t('negotiation:moves.concede', given);
    }
    case 'refuse':
      // The reference negotiators argue with ids; a typed argument is shown as typed.
      return move.argument
        ? t('negotiation:moves.refuseArgued', {
            argument: t(`negotiation:argumentTexts.${move.argument}`, { defaultValue: move.argument }),
          })
        : t('negotiation:moves.refuse');
    case 'present-price':
      return t('negotiation:moves.present-price', { technique: t(`negotiation:techniques.${move.technique}`) });
    case 'conditional-close':
      return t('negotiation:moves.conditional-close', { terms: describeTerms(move.terms, lang, t, spec) });
    case 'leave':
      return t('negotiation:moves.leave');
  }
}

/** The scenario's scripted turn for a move, if any: a concession for nothing reads "concede-free" first. */
export function scriptedTurn(spec: NegotiationSpec | undefined, move: NegotiationMove): SellerTurn | undefined {
  const turns = spec?.sellerTurns;
  if (!turns) return undefined;
  if (move.type === 'concede' && !move.counterpart) return turns['concede-free'] ?? turns.concede;
  return turns[move.type];
}

/**
 * What the seller did at the table, as the visit recalls it (« Vous : … », game namespace): in
 * assisted mode with the seller's own line when the scenario scripts this kind of move.
 */
export function youSaidAtTable(
  move: NegotiationMove,
  spec: NegotiationSpec | undefined,
  assisted: boolean,
  lang: UiLanguage,
  t: TFunction,
): string {
  const text = describeMove(move, lang, t, spec);
  const line = assisted ? pickText(scriptedTurn(spec, move)?.line, lang) : '';
  return line ? t('game:visit.youSaidScripted', { line, move: text }) : t('game:visit.youSaid', { text });
}

/** What the client says: the scenario's words when it gives some, else the interface's. */
export function responseLine(response: ClientResponse, lang: UiLanguage, t: TFunction): string {
  return pickText(response.line.text, lang) || t(`negotiation:lines.${response.line.key}`);
}

/** The client's last words at the table (its opening demand at first). */
export function tableLine(state: NegotiationState, lang: UiLanguage, t: TFunction): string {
  return state.lastResponse ? responseLine(state.lastResponse, lang, t) : t('negotiation:lines.opening');
}

/**
 * The table as the seller sees it in the terminal: the client's demand, the standing offer and its
 * figures, and, below the floor, why (as the game's table says it: the net price, or the free services).
 */
export function tableSummary(spec: NegotiationSpec, state: NegotiationState, lang: UiLanguage, t: TFunction): string[] {
  const f = formats(lang);
  const lines = [
    t('negotiation:demand', { terms: describeTerms(state.clientDemand, lang, t, spec) }),
    t('negotiation:standing', { terms: describeTerms(state.sellerTerms, lang, t, spec) }),
  ];
  const figures = evaluateTerms(spec, state.sellerTerms);
  if (figures.ok) {
    const e = figures.value;
    const ttc = showsTtc(spec);
    lines.push(
      t(ttc ? 'negotiation:figuresTtc' : 'negotiation:figures', {
        net: ttc ? displayPrice(spec, Number(e.netUnitPriceHt), lang, t) : f.euros(Number(e.netUnitPriceHt)),
        netHt: f.euros(Number(e.netUnitPriceHt)),
        markup: f.percent(Number(e.tauxDeMarque)),
        floor: ttc ? displayPrice(spec, Number(e.floorPriceHt), lang, t) : f.euros(Number(e.floorPriceHt)),
      }) + (e.belowFloor ? ` — ${t('negotiation:belowFloor', { cause: belowFloorCause(spec, e, lang, t) })}` : ''),
    );
    if (cascadeShape(spec)?.rfa)
      lines.push(
        t('negotiation:cascade.rfaFigures', {
          invoiced: f.euros(Number(e.invoicedUnitPriceHt)),
          rfa: f.euros(Number(e.rfaHt)),
        }),
      );
  }
  return lines;
}

/** Why terms cannot be proposed, in words a student can act on (never the raw problem object). */
export function describeTermsProblem(
  problem: TermsProblem,
  t: TFunction,
  spec?: NegotiationSpec,
  lang?: UiLanguage,
): string {
  switch (problem.code) {
    case 'not-an-object':
    case 'unknown-item':
      return t('negotiation:problems.unknown');
    case 'invalid-value':
    case 'unknown-service':
      return t('negotiation:problems.invalid', { item: itemLabel(problem.item, t, spec, lang) });
    case 'out-of-range':
      return t('negotiation:problems.range', {
        item: itemLabel(problem.item, t, spec, lang),
        min: problem.min ?? 0,
        max: problem.max ?? 0,
      });
    case 'payment-terms-illegal':
      return t('negotiation:problems.illegalPayment');
  }
}

/** One row of the client's demand as the table shows it: every declared item, each service on its own row. */
export interface DemandRow {
  item: ItemKind;
  label: string;
  value: string;
  /** The client asks for it (it is one of its targets, or a service it wants included). */
  asked: boolean;
}

/** The client's whole demand, services included: what it asks for and what it leaves at the seller's standard. */
export function demandRows(
  spec: NegotiationSpec,
  state: NegotiationState,
  lang: UiLanguage,
  t: TFunction,
): DemandRow[] {
  return spec.items.flatMap((item): DemandRow[] => {
    if (item.kind === 'counterparts') return [];
    if (item.kind === 'services') {
      const wanted = new Set(state.clientDemand.services ?? []);
      return item.options.map((o) => ({
        item: 'services',
        label: pickText(o.label, lang),
        value: t(wanted.has(o.id) ? 'negotiation:serviceIncluded' : 'negotiation:serviceNotIncluded'),
        asked: wanted.has(o.id),
      }));
    }
    return [
      {
        item: item.kind,
        label: itemLabel(item.kind, t, spec, lang),
        value: describeValue(item.kind, state.clientDemand[item.kind], lang, t, spec),
        asked: state.targets[item.kind] !== undefined,
      },
    ];
  });
}

/**
 * Why terms fall below the floor, from their figures: the net price itself under the prix
 * plancher, or the free services whose cost, counted in the margin, takes the taux de marque
 * under the minimum.
 */
export function belowFloorCause(spec: NegotiationSpec, e: TermsEconomics, lang: UiLanguage, t: TFunction): string {
  const f = formats(lang);
  if (Number(e.netUnitPriceHt) < Number(e.floorPriceHt))
    return t('negotiation:floorCause.price', {
      net: f.euros(Number(e.netUnitPriceHt)),
      floor: f.euros(Number(e.floorPriceHt)),
    });
  return t('negotiation:floorCause.services', {
    cost: f.euros(Number(e.servicesCostHt)),
    markup: f.percent(Number(e.tauxDeMarque)),
    min: f.percent(spec.seller.minTauxDeMarquePercent),
  });
}
