import { pointer } from '../diagnostics/codes.ts';

/**
 * Characters a scenario's text may not hold, and how to name them in a message. Plain text is
 * shown in the browser, printed in a terminal and written into Mermaid or Graphviz files; these
 * characters either are invisible and change what is shown (a right-to-left override reverses
 * a name on screen, an escape sequence clears a terminal) or are half a character.
 */

/** C0 controls but tab and line feed, DEL, and C1 controls (U+009B starts a terminal escape). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/** Bidirectional embeddings, overrides and isolates; the plain marks U+200E/U+200F stay allowed. */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Every character above, for replacing them all (tab and line feed are not among them). */
export const UNSAFE_CHARACTERS = new RegExp(`${CONTROL.source}|${BIDI.source}|${LONE_SURROGATE.source}`, 'g');

const ANY_UNSAFE = new RegExp(UNSAFE_CHARACTERS.source);

export type UnsafeKind = 'control' | 'bidi' | 'surrogate';

export interface UnsafeCharacter {
  kind: UnsafeKind;
  /** Where in the string (UTF-16 index), and the character as "U+XXXX". */
  at: number;
  char: string;
}

/** The first character of `text` that a scenario may not hold, if any. */
export function firstUnsafeCharacter(text: string): UnsafeCharacter | undefined {
  if (!ANY_UNSAFE.test(text)) return undefined; // one pass for the common case
  let found: UnsafeCharacter | undefined;
  for (const [kind, pattern] of [
    ['control', CONTROL],
    ['bidi', BIDI],
    ['surrogate', LONE_SURROGATE],
  ] as const) {
    const m = pattern.exec(text);
    if (m && (!found || m.index < found.at)) found = { kind, at: m.index, char: codePointName(m[0]) };
  }
  return found;
}

export function codePointName(char: string): string {
  return 'U+' + (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Outside text quoted inside a message (a key, an id): short, and with every unsafe character
 * shown as its code, so the message itself is safe to print anywhere.
 */
export function quotedForMessage(text: string, max = 60): string {
  const cut = text.length > max ? text.slice(0, max) + '…' : text;
  return cut.replace(new RegExp(`${UNSAFE_CHARACTERS.source}|[\\n\\t]`, 'g'), (c) => `<${codePointName(c)}>`);
}

/**
 * A JSON Pointer to show: exact when every key is safe; a key that is itself the problem (too
 * long, or holding one of the characters above) is shortened and its characters named, so a
 * path never carries what it reports.
 */
export function displayPointer(segments: readonly (string | number)[]): string {
  return pointer(segments.map((s) => (typeof s === 'string' ? quotedForMessage(s, 80) : s)));
}
