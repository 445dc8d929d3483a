import type { VisitEvent } from './visit-types.ts';

/**
 * A path is a list of tokens separated by commas: choice ids, and negotiation moves written
 * `@nego` followed by the move as JSON (`@nego{"type":"offer","terms":{"discountPercent":4}}`).
 * Commas inside a move's JSON do not split the list.
 */
export const NEGOTIATION_TOKEN = '@nego';

export function splitPath(text: string): string[] {
  const tokens: string[] = [];
  let depth = 0;
  let inString = false;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (inString) {
      if (ch === '\\') {
        current += ch + (text[i + 1] ?? '');
        i++;
        continue;
      }
      if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
    else if (ch === ',' && depth === 0) {
      if (current.trim()) tokens.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  if (current.trim()) tokens.push(current.trim());
  return tokens;
}

export function negotiationToken(move: unknown): string {
  return NEGOTIATION_TOKEN + JSON.stringify(move);
}

/** The event a token stands for, or null when a negotiation move is not valid JSON. */
export function eventOfToken(token: string): VisitEvent | null {
  if (!token.startsWith(NEGOTIATION_TOKEN)) return { type: 'player.choose', choiceId: token };
  try {
    return { type: 'nego.move', move: JSON.parse(token.slice(NEGOTIATION_TOKEN.length)) as unknown };
  } catch {
    return null;
  }
}
