import { diagnostic, type Diagnostic, type DiagnosticCode } from '../diagnostics/codes.ts';
import { MAX_NESTING, MAX_REPORTED, MAX_TEXT_LENGTH } from './limits.ts';
import { displayPointer, firstUnsafeCharacter, type UnsafeKind } from './unsafe-text.ts';

const CODE_OF: Record<UnsafeKind, DiagnosticCode> = { control: 'NS053', bidi: 'NS054', surrogate: 'NS055' };

/**
 * Walks a parsed document with an explicit stack (never recursion) before anything else reads
 * it, and refuses what no scenario should hold: nesting beyond MAX_NESTING (NS050 — a cyclic
 * object handed over by code stops there too), a string longer than MAX_TEXT_LENGTH (NS052),
 * and invisible or broken characters (NS053 control, NS054 bidirectional override, NS055 lone
 * surrogate). Keys are checked like values: an unknown key is quoted in NS022's message.
 * Text is rejected rather than cleaned: a teacher sees the code and the path and fixes the
 * file, and the game, the CLI and an editor all read the same text.
 */
export function guardJsonValue(doc: unknown): Diagnostic[] {
  const found: Diagnostic[] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: doc, path: [] }];
  while (stack.length > 0 && found.length < MAX_REPORTED) {
    const { value, path } = stack.pop() as { value: unknown; path: (string | number)[] };
    const key = path.at(-1);
    if (typeof key === 'string') checkText(key, path, found);
    if (typeof value === 'string') {
      checkText(value, path, found);
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    if (path.length >= MAX_NESTING) return [diagnostic('NS050', displayPointer(path), { limit: MAX_NESTING })];
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [i, v])
      : Object.keys(value).map((k) => [k, (value as Record<string, unknown>)[k]]);
    // Pushed in reverse so problems come out in the file's order.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, child] = entries[i] as [string | number, unknown];
      stack.push({ value: child, path: [...path, k] });
    }
  }
  return found.slice(0, MAX_REPORTED);
}

function checkText(text: string, path: (string | number)[], found: Diagnostic[]): void {
  if (text.length > MAX_TEXT_LENGTH) {
    found.push(diagnostic('NS052', displayPointer(path), { length: text.length, limit: MAX_TEXT_LENGTH }));
    return;
  }
  const unsafe = firstUnsafeCharacter(text);
  if (unsafe)
    found.push(diagnostic(CODE_OF[unsafe.kind], displayPointer(path), { char: unsafe.char, at: unsafe.at + 1 }));
}
