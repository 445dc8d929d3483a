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
/** A value on the walk's stack; its path is rebuilt from the parents only when it is reported. */
interface Visit {
  value: unknown;
  key: string | number | undefined;
  parent: Visit | undefined;
  depth: number;
}

export function guardJsonValue(doc: unknown): Diagnostic[] {
  const found: Diagnostic[] = [];
  const stack: Visit[] = [{ value: doc, key: undefined, parent: undefined, depth: 0 }];
  while (stack.length > 0 && found.length < MAX_REPORTED) {
    const here = stack.pop() as Visit;
    const { value, key } = here;
    if (typeof key === 'string') checkText(key, here, found);
    if (typeof value === 'string') {
      checkText(value, here, found);
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    if (here.depth >= MAX_NESTING) return [diagnostic('NS050', pathOf(here), { limit: MAX_NESTING })];
    // Pushed in reverse so problems come out in the file's order.
    const depth = here.depth + 1;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], key: i, parent: here, depth });
    } else {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i] as string;
        stack.push({ value: (value as Record<string, unknown>)[k], key: k, parent: here, depth });
      }
    }
  }
  return found.slice(0, MAX_REPORTED);
}

function pathOf(visit: Visit): string {
  const segments: (string | number)[] = [];
  for (let v: Visit | undefined = visit; v?.key !== undefined; v = v.parent) segments.push(v.key);
  return displayPointer(segments.reverse());
}

function checkText(text: string, at: Visit, found: Diagnostic[]): void {
  if (text.length > MAX_TEXT_LENGTH) {
    found.push(diagnostic('NS052', pathOf(at), { length: text.length, limit: MAX_TEXT_LENGTH }));
    return;
  }
  const unsafe = firstUnsafeCharacter(text);
  if (unsafe) found.push(diagnostic(CODE_OF[unsafe.kind], pathOf(at), { char: unsafe.char, at: unsafe.at + 1 }));
}
