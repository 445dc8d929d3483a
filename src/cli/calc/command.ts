import type { TFunction } from 'i18next';
import type { PricingError, PricingResult } from '../../core/pricing/index.ts';
import { decimalText, type OptionSpec, type ParsedOptions } from './args.ts';
import type { Formatter } from './format.ts';

/** The normal French rate; exercises at another rate say so with --vat. */
export const DEFAULT_VAT = '20';

export interface CommandContext {
  options: ParsedOptions;
  t: TFunction;
  fmt: Formatter;
}

export type Failure = { ok: false; message: string };
export type Step<T> = { ok: true; value: T } | Failure;

/** What a subcommand produces: the JSON object and the table, both from the same figures. */
export type CommandOutcome = { ok: true; json: Record<string, unknown>; table: string } | Failure;

export interface CalcCommand {
  options: OptionSpec;
  run(ctx: CommandContext): CommandOutcome;
}

export function failure(ctx: CommandContext, key: string, params: Record<string, string> = {}): Failure {
  return { ok: false, message: ctx.t(`calc:errors.${key}`, params) };
}

/** The value of a required option, with a decimal comma read as a point. */
export function required(ctx: CommandContext, name: string): Step<string> {
  const raw = ctx.options.values.get(name);
  return raw === undefined
    ? failure(ctx, 'missingOption', { option: `--${name}` })
    : { ok: true, value: decimalText(raw) };
}

export function optional(ctx: CommandContext, name: string): string | undefined {
  const raw = ctx.options.values.get(name);
  return raw === undefined ? undefined : decimalText(raw);
}

export function withDefault(ctx: CommandContext, name: string, fallback: string): string {
  return optional(ctx, name) ?? fallback;
}

/** Exactly one of two options, e.g. --ht or --ttc. */
export function oneOf(ctx: CommandContext, first: string, second: string): Step<{ name: string; value: string }> {
  const a = optional(ctx, first);
  const b = optional(ctx, second);
  if (a !== undefined && b !== undefined)
    return failure(ctx, 'exclusiveOptions', { first: `--${first}`, second: `--${second}` });
  if (a !== undefined) return { ok: true, value: { name: first, value: a } };
  if (b !== undefined) return { ok: true, value: { name: second, value: b } };
  return failure(ctx, 'oneOfOptions', { first: `--${first}`, second: `--${second}` });
}

/**
 * Turns a core error into a sentence about the option the user typed. `fields` maps the core's
 * parameter names to option names; a cascade step such as "reductions.1" names its list option
 * and quotes that step only.
 */
export function fromPricing<T>(ctx: CommandContext, result: PricingResult<T>, fields: Record<string, string>): Step<T> {
  if (result.ok) return result;
  return { ok: false, message: describe(ctx, result.error, fields) };
}

function describe(ctx: CommandContext, error: PricingError, fields: Record<string, string>): string {
  const [field = '', index] = error.field.split('.');
  const name = fields[field] ?? field;
  const raw = ctx.options.values.get(name) ?? '';
  const value = index === undefined ? raw : (raw.split(',')[Number(index)] ?? raw);
  return ctx.t(`calc:errors.${error.code}`, { option: `--${name}`, value: value.trim() });
}
