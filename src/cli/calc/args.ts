/**
 * A small option reader for the calculator. Not node:util parseArgs: it refuses "--cost -80"
 * as ambiguous with an English message, and a student who types a negative cost must get our
 * own translated "cannot be negative" instead.
 */
export interface OptionSpec {
  /** Options that take a value, without the leading dashes: "cost", "min-markup-rate"… */
  values: readonly string[];
  /** Options without a value: "json"… */
  flags: readonly string[];
}

export interface ParsedOptions {
  values: ReadonlyMap<string, string>;
  flags: ReadonlySet<string>;
}

export type ArgsProblem =
  | { kind: 'unknownOption'; option: string }
  | { kind: 'missingValue'; option: string }
  | { kind: 'duplicateOption'; option: string }
  | { kind: 'unexpectedArgument'; value: string };

export type ParseOutcome = { ok: true; options: ParsedOptions } | { ok: false; problem: ArgsProblem };

export function parseOptions(args: readonly string[], spec: OptionSpec): ParseOutcome {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith('--')) return { ok: false, problem: { kind: 'unexpectedArgument', value: arg } };
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const option = `--${name}`;
    if (spec.flags.includes(name) && eq === -1) {
      flags.add(name);
      continue;
    }
    if (!spec.values.includes(name)) return { ok: false, problem: { kind: 'unknownOption', option } };
    if (values.has(name)) return { ok: false, problem: { kind: 'duplicateOption', option } };
    let value: string | undefined;
    if (eq !== -1) {
      value = arg.slice(eq + 1);
    } else {
      // A value may start with "-" (a negative number the checks will refuse), never with "--".
      const next = args[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        value = next;
        i++;
      }
    }
    if (value === undefined || value.trim() === '') return { ok: false, problem: { kind: 'missingValue', option } };
    values.set(name, value);
  }
  return { ok: true, options: { values, flags } };
}

/** "5,5" is how a French student writes 5.5; lists use the comma as separator and never come here. */
export function decimalText(text: string): string {
  const trimmed = text.trim();
  return trimmed.includes('.') ? trimmed : trimmed.replace(',', '.');
}
