import { UNSAFE_CHARACTERS } from '../core/scenario/unsafe-text.ts';
import type { CliIO } from './io.ts';

/**
 * Text from a file, made safe to write to a terminal: control characters (escape sequences
 * that clear the screen, move the cursor, open hyperlinks or change the window title; a
 * carriage return that overwrites a line), bidirectional overrides and lone surrogates are
 * written as visible `\uXXXX`. Tab and line feed stay. Inside JSON output `\uXXXX` is the
 * JSON escape of the same character, so `--json` stays valid JSON.
 */
export function terminalText(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, (c) => '\\u' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0'));
}

/** The same IO, every line written through terminalText. */
export function terminalSafeIO(io: CliIO): CliIO {
  return { ...io, out: (text) => io.out(terminalText(text)), err: (text) => io.err(terminalText(text)) };
}
