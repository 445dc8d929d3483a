import {
  ITEM_KINDS,
  PRICE_TECHNIQUES,
  type ItemKind,
  type NegotiationMove,
  type PriceTechnique,
  type Terms,
} from '../core/negotiation/index.ts';
import { TypedMoveSchema } from '../core/negotiation/moves.ts';

/**
 * Reads a move typed in the terminal: `price sandwich`, `offer discountPercent=3`,
 * `concede discountPercent=4 if commitmentMonths=24`, `refuse <argument>`, `close k=v…`,
 * `leave`, or the move as JSON. Returns null when the line is not a move.
 */
export function parseMoveCommand(line: string): NegotiationMove | null {
  const text = line.trim();
  if (text.startsWith('{')) {
    try {
      const parsed = TypedMoveSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
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
