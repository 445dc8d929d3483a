import { createScanner } from 'jsonc-parser';
import { diagnostic, type Diagnostic } from '../diagnostics/codes.ts';
import { MAX_NESTING, MAX_REPORTED } from './limits.ts';
import { displayPointer, quotedForMessage } from './unsafe-text.ts';

/*
 * jsonc-parser's SyntaxKind and ScanError are `const enum`s, which isolated modules cannot read:
 * their values, named here. ParseErrorCode names are those printParseErrorCode gives, so an
 * NS003 reads the same whichever of the two finds the mistake.
 */
const TOKEN = {
  openBrace: 1,
  closeBrace: 2,
  openBracket: 3,
  closeBracket: 4,
  comma: 5,
  colon: 6,
  string: 10,
  lineComment: 12,
  blockComment: 13,
  lineBreak: 14,
  trivia: 15,
  unknown: 16,
  eof: 17,
} as const;
const SCAN_ERRORS: Record<number, string> = {
  1: 'UnexpectedEndOfComment',
  2: 'UnexpectedEndOfString',
  3: 'UnexpectedEndOfNumber',
  4: 'InvalidUnicode',
  5: 'InvalidEscapeCharacter',
  6: 'InvalidCharacter',
};
const VALUE_TOKENS = new Set([7, 8, 9, 10, 11]); // null, true, false, string, number

type Frame = { kind: 'object'; keys: Map<string, number>; key: string } | { kind: 'array'; index: number };
/** What the next token may be. */
type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

/**
 * Reads JSON text once, token by token, with an explicit stack instead of recursion, and
 * reports what JSON.parse would silently accept or what would overflow a recursive reader:
 * nesting beyond MAX_NESTING (NS050, at the JSON path where it happens: reading stops there),
 * keys repeated in one object (NS051: JSON.parse keeps the last one, so a teacher's edit of
 * the first would be ignored), and the first syntax error (NS003, with line and column).
 * jsonc-parser's scanner turns the text into tokens; its own parse and visit are recursive.
 */
export function guardJsonText(text: string): Diagnostic[] {
  const scanner = createScanner(text, false);
  const stack: Frame[] = [];
  const duplicates: Diagnostic[] = [];
  let expect: Expect = 'value';

  const syntax = (detail: string) => {
    const offset = scanner.getTokenOffset();
    return [diagnostic('NS003', '', { ...lineAndColumn(text, offset), detail })];
  };
  const path = () => displayPointer(stack.map((f) => (f.kind === 'object' ? f.key : f.index)));
  const afterValue = (): Expect => (stack.length === 0 ? 'end' : 'comma-or-close');

  for (;;) {
    const token: number = scanner.scan();
    const scanError = SCAN_ERRORS[scanner.getTokenError()];
    if (scanError) return syntax(scanError);
    if (token === TOKEN.trivia || token === TOKEN.lineBreak) continue;
    if (token === TOKEN.lineComment || token === TOKEN.blockComment) return syntax('InvalidCommentToken');
    if (token === TOKEN.unknown) return syntax('InvalidSymbol');
    const top = stack.at(-1);

    switch (expect) {
      case 'end':
        if (token === TOKEN.eof) return duplicates;
        return syntax('EndOfFileExpected');
      case 'colon':
        if (token !== TOKEN.colon) return syntax('ColonExpected');
        expect = 'value';
        continue;
      case 'key':
      case 'key-or-close':
        if (token === TOKEN.closeBrace && expect === 'key-or-close') {
          stack.pop();
          expect = afterValue();
          continue;
        }
        if (token !== TOKEN.string || top?.kind !== 'object') return syntax('PropertyNameExpected');
        top.key = scanner.getTokenValue();
        if (top.keys.has(top.key)) {
          if (duplicates.length < MAX_REPORTED)
            duplicates.push(
              diagnostic('NS051', path(), {
                key: quotedForMessage(top.key),
                first: top.keys.get(top.key) as number,
                line: scanner.getTokenStartLine() + 1,
              }),
            );
        } else top.keys.set(top.key, scanner.getTokenStartLine() + 1);
        expect = 'colon';
        continue;
      case 'comma-or-close':
        if (token === TOKEN.comma) {
          if (top?.kind === 'array') top.index++;
          expect = top?.kind === 'array' ? 'value' : 'key';
          continue;
        }
        if (top?.kind === 'object' && token === TOKEN.closeBrace) {
          stack.pop();
          expect = afterValue();
          continue;
        }
        if (top?.kind === 'array' && token === TOKEN.closeBracket) {
          stack.pop();
          expect = afterValue();
          continue;
        }
        return syntax(
          token === TOKEN.eof
            ? top?.kind === 'array'
              ? 'CloseBracketExpected'
              : 'CloseBraceExpected'
            : 'CommaExpected',
        );
      case 'value':
      case 'value-or-close':
        if (token === TOKEN.closeBracket && expect === 'value-or-close') {
          stack.pop();
          expect = afterValue();
          continue;
        }
        if (token === TOKEN.openBrace || token === TOKEN.openBracket) {
          if (stack.length >= MAX_NESTING) return [diagnostic('NS050', path(), { limit: MAX_NESTING })];
          stack.push(
            token === TOKEN.openBrace ? { kind: 'object', keys: new Map(), key: '' } : { kind: 'array', index: 0 },
          );
          expect = token === TOKEN.openBrace ? 'key-or-close' : 'value-or-close';
          continue;
        }
        if (VALUE_TOKENS.has(token)) {
          expect = afterValue();
          continue;
        }
        return syntax('ValueExpected');
    }
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}
