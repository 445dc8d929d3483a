import { ITEM_KINDS, type ItemKind, type NegotiationMove } from '../core/negotiation/index.ts';
import { TypedMoveSchema } from '../core/negotiation/moves.ts';

/** A value as typed: a number, a cascade, payment terms or a list of services. */
type TypedValue = number | number[] | string[] | { days: number; endOfMonth: boolean };

/**
 * Reads a move typed in the terminal: `price sandwich`, `offer discountPercent=3`,
 * `concede discountPercent=4 if commitmentMonths=24`, `refuse <argument>`, `close k=v…`,
 * `leave`, or the move as JSON. What is read is checked by the same schema as a recorded move,
 * so a typo comes back as null (not understood), never as a malformed move.
 */
export function parseMoveCommand(line: string): NegotiationMove | null {
  const raw = readMove(line.trim());
  if (raw === null) return null;
  const parsed = TypedMoveSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

function readMove(text: string): object | null {
  if (text.startsWith('{')) {
    try {
      return JSON.parse(text) as object;
    } catch {
      return null;
    }
  }
  const [verb = '', ...rest] = text.split(/\s+/);
  switch (verb.toLowerCase()) {
    case 'price':
      return { type: 'present-price', technique: rest[0] ?? 'plain' };
    case 'offer':
    case 'close': {
      const pairs = parsePairs(rest);
      if (!pairs) return null;
      const terms = Object.fromEntries(pairs);
      return verb.toLowerCase() === 'offer'
        ? { type: 'offer', terms }
        : { type: 'conditional-close', terms, condition: 'sign-today' };
    }
    case 'concede': {
      const ifAt = rest.findIndex((w) => w === 'if' || w === 'si');
      const given = parsePairs(ifAt < 0 ? rest : rest.slice(0, ifAt));
      const asked = ifAt < 0 ? [] : parsePairs(rest.slice(ifAt + 1));
      if (!given || given.length !== 1 || !asked || asked.length > 1) return null;
      const [[item, value]] = given as [[ItemKind, TypedValue]];
      const counterpart = asked[0] ? { counterpart: { item: asked[0][0], value: asked[0][1] } } : {};
      return { type: 'concede', item, value, ...counterpart };
    }
    case 'refuse':
      return rest.length ? { type: 'refuse', argument: rest.join(' ') } : { type: 'refuse' };
    case 'leave':
      return { type: 'leave' };
    default:
      return null;
  }
}

function isItemKind(key: string): key is ItemKind {
  return (ITEM_KINDS as readonly string[]).includes(key);
}

function parsePairs(words: string[]): [ItemKind, TypedValue][] | null {
  const out: [ItemKind, TypedValue][] = [];
  for (const word of words) {
    const [key, raw] = word.split('=');
    if (!key || raw === undefined || !isItemKind(key)) return null;
    out.push([key, parseValue(key, raw)]);
  }
  return out;
}

/** 4 or 4,5 → a number; 10+5 → a cascade (4+2+2 with an RFA); 45fdm / 45eom → end-of-month terms; a,b → services or counterparts. */
function parseValue(item: ItemKind, raw: string): TypedValue {
  const num = (s: string) => Number(s.replace(',', '.'));
  if (item === 'services' || item === 'counterparts') return raw === '' ? [] : raw.split(',');
  if (item === 'paymentDays') {
    const endOfMonth = /(fdm|eom)$/i.test(raw);
    return { days: num(raw.replace(/(fdm|eom)$/i, '')), endOfMonth };
  }
  if (item === 'discountPercent' && raw.includes('+')) return raw.split('+').map(num);
  return num(raw);
}
