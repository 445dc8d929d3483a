import type { TFunction } from 'i18next';
import {
  evaluateTerms,
  ITEM_KINDS,
  PRICE_TECHNIQUES,
  type ClientResponse,
  type ItemKind,
  type NegotiationMove,
  type NegotiationSpec,
  type NegotiationState,
  type PaymentTerms,
  type PriceTechnique,
  type Terms,
} from '../core/negotiation/index.ts';
import { pickText, type ContentLanguage } from '../core/scenario/text.ts';
import { formatEuros, formatNumber } from './number-format.ts';

/** How the terminal shows and reads the negotiation step (the game has its own offer panel). */

export function describeValue(
  item: string,
  value: unknown,
  lang: ContentLanguage,
  t: TFunction,
  spec?: NegotiationSpec,
): string {
  switch (item) {
    case 'discountPercent':
      // A no-break space before %, as French typography (and Intl) want it.
      return Array.isArray(value)
        ? value.map((v: number) => `${formatNumber(v, lang)}\u00a0%`).join(' + ')
        : `${formatNumber(Number(value), lang)}\u00a0%`;
    case 'unitPrice':
      return formatEuros(Number(value), lang);
    case 'paymentDays': {
      const p = value as PaymentTerms;
      return t(p.endOfMonth ? 'negotiation:paymentDaysEndOfMonth' : 'negotiation:paymentDays', { days: p.days });
    }
    case 'services': {
      const ids = value as string[];
      const options = spec?.items.find((i) => i.kind === 'services');
      const label = (id: string) =>
        options?.kind === 'services' ? pickText(options.options.find((o) => o.id === id)?.label, lang) || id : id;
      return ids.length ? ids.map(label).join(', ') : '—';
    }
    default:
      return formatNumber(Number(value), lang);
  }
}

export function describeTerms(terms: Terms, lang: ContentLanguage, t: TFunction, spec?: NegotiationSpec): string {
  return ITEM_KINDS.filter((k) => terms[k] !== undefined)
    .map((k) => `${t(`negotiation:items.${k}`)} ${describeValue(k, terms[k], lang, t, spec)}`)
    .join(' · ');
}

export function describeMove(
  move: NegotiationMove,
  lang: ContentLanguage,
  t: TFunction,
  spec?: NegotiationSpec,
): string {
  switch (move.type) {
    case 'offer':
      return t('negotiation:moves.offer', { terms: describeTerms(move.terms, lang, t, spec) });
    case 'concede':
      return move.counterpart
        ? t('negotiation:moves.concedeFor', {
            item: t(`negotiation:items.${move.item}`),
            value: describeValue(move.item, move.value, lang, t, spec),
            counterpartItem: t(`negotiation:items.${move.counterpart.item}`),
            counterpartValue: describeValue(move.counterpart.item, move.counterpart.value, lang, t, spec),
          })
        : t('negotiation:moves.concede', {
            item: t(`negotiation:items.${move.item}`),
            value: describeValue(move.item, move.value, lang, t, spec),
          });
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

export function responseLine(response: ClientResponse, lang: ContentLanguage, t: TFunction): string {
  return response.line.text ? pickText(response.line.text, lang) : t(`negotiation:lines.${response.line.key}`);
}

/** The table as the seller sees it: the client's last words and demand, the standing offer and its figures. */
export function describeTable(
  spec: NegotiationSpec,
  state: NegotiationState,
  lang: ContentLanguage,
  t: TFunction,
): string[] {
  const lines: string[] = [];
  if (state.lastResponse) lines.push(`« ${responseLine(state.lastResponse, lang, t)} »`);
  lines.push(t('negotiation:demand', { terms: describeTerms(state.clientDemand, lang, t, spec) }));
  lines.push(t('negotiation:standing', { terms: describeTerms(state.sellerTerms, lang, t, spec) }));
  const figures = evaluateTerms(spec, state.sellerTerms);
  if (figures.ok) {
    const e = figures.value;
    lines.push(
      t('negotiation:figures', {
        net: formatEuros(Number(e.netUnitPriceHt), lang),
        markup: formatNumber(Number(e.tauxDeMarque), lang),
        floor: formatEuros(Number(e.floorPriceHt), lang),
      }) + (e.belowFloor ? ` — ${t('negotiation:belowFloor')}` : ''),
    );
  }
  return lines;
}

/**
 * Reads a move typed in the terminal: `price sandwich`, `offer discountPercent=3`,
 * `concede discountPercent=4 if commitmentMonths=24`, `refuse <argument>`, `close k=v…`,
 * `leave`, or the move as JSON. Returns null when the line is not a move.
 */
export function parseMoveCommand(line: string): NegotiationMove | null {
  const text = line.trim();
  if (text.startsWith('{')) {
    try {
      return JSON.parse(text) as NegotiationMove;
    } catch {
      return null;
    }
  }
  const [verb = '', ...rest] = text.split(/\s+/);
  switch (verb.toLowerCase()) {
    case 'price': {
      const technique = rest[0] ?? 'plain';
      return (PRICE_TECHNIQUES as readonly string[]).includes(technique)
        ? { type: 'present-price', technique: technique as PriceTechnique }
        : null;
    }
    case 'offer': {
      const terms = parseTerms(rest);
      return terms ? { type: 'offer', terms } : null;
    }
    case 'close': {
      const terms = parseTerms(rest);
      return terms ? { type: 'conditional-close', terms, condition: 'sign-today' } : null;
    }
    case 'concede': {
      const ifAt = rest.findIndex((w) => w === 'if' || w === 'si');
      const main = parsePairs(ifAt < 0 ? rest : rest.slice(0, ifAt));
      const counter = ifAt < 0 ? [] : parsePairs(rest.slice(ifAt + 1));
      if (!main || main.length !== 1 || !counter || counter.length > 1) return null;
      const [item, value] = main[0] as [ItemKind, unknown];
      const move = { type: 'concede', item, value } as NegotiationMove;
      return counter[0]
        ? ({ ...move, counterpart: { item: counter[0][0], value: counter[0][1] } } as NegotiationMove)
        : move;
    }
    case 'refuse':
      return rest.length ? { type: 'refuse', argument: rest.join(' ') } : { type: 'refuse' };
    case 'leave':
      return { type: 'leave' };
    default:
      return null;
  }
}

function parseTerms(words: string[]): Terms | null {
  const pairs = parsePairs(words);
  return pairs ? Object.fromEntries(pairs) : null;
}

function parsePairs(words: string[]): [ItemKind, unknown][] | null {
  const out: [ItemKind, unknown][] = [];
  for (const word of words) {
    const [key, raw] = word.split('=');
    if (!key || raw === undefined || !(ITEM_KINDS as readonly string[]).includes(key)) return null;
    out.push([key as ItemKind, parseValue(key as ItemKind, raw)]);
  }
  return out;
}

/** 4 or 4,5 → a number; 10+5 → a cascade; 45fdm / 45eom → end-of-month terms; a,b → services. */
function parseValue(item: ItemKind, raw: string): unknown {
  const num = (s: string) => Number(s.replace(',', '.'));
  if (item === 'services') return raw === '' ? [] : raw.split(',');
  if (item === 'paymentDays') {
    const endOfMonth = /(fdm|eom)$/i.test(raw);
    return { days: num(raw.replace(/(fdm|eom)$/i, '')), endOfMonth };
  }
  if (item === 'discountPercent' && raw.includes('+')) return raw.split('+').map(num);
  return num(raw);
}
