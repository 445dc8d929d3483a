import type { TFunction } from 'i18next';
import { EXIT, type CliIO } from '../io.ts';
import { parseOptions, type ArgsProblem } from './args.ts';
import type { CalcCommand } from './command.ts';
import { floorCommand } from './commands/floor.ts';
import { invoiceCommand } from './commands/invoice.ts';
import { marginCommand } from './commands/margin.ts';
import { splitCommand } from './commands/split.ts';
import { vatCommand } from './commands/vat.ts';
import { createFormatter } from './format.ts';

const COMMANDS: Record<string, CalcCommand> = {
  margin: marginCommand,
  invoice: invoiceCommand,
  floor: floorCommand,
  vat: vatCommand,
  split: splitCommand,
};

const COMMON_FLAGS = ['json', 'help'];

function isHelp(arg: string): boolean {
  return arg === '--help' || arg === '-h';
}

/**
 * `negosim calc <subcommand> [options]`. `args` are the words after `calc`; `t` speaks the
 * user's language. Exit codes: 0 done, 1 bad input (one line on stderr), 2 wrong usage.
 */
export function runCalc(args: string[], io: CliIO, t: TFunction): Promise<number> {
  // Asynchronous by contract with the dispatcher; every calculation itself is synchronous.
  return Promise.resolve(calc(args, io, t));
}

function calc(args: string[], io: CliIO, t: TFunction): number {
  const usage = t('calc:usage');
  if (args.some(isHelp)) {
    io.out(usage);
    return EXIT.ok;
  }
  const [name, ...rest] = args;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (name === undefined || command === undefined) {
    if (name !== undefined)
      io.err(t('calc:errors.line', { message: t('calc:errors.unknownCommand', { command: name }) }));
    io.err(usage);
    return EXIT.usage;
  }

  const parsed = parseOptions(rest, {
    values: command.options.values,
    flags: [...command.options.flags, ...COMMON_FLAGS],
  });
  if (!parsed.ok) {
    io.err(t('calc:errors.line', { message: describeProblem(parsed.problem, t) }));
    return parsed.problem.kind === 'missingValue' ? EXIT.failure : EXIT.usage;
  }

  const outcome = command.run({ options: parsed.options, t, fmt: createFormatter(t) });
  if (!outcome.ok) {
    io.err(t('calc:errors.line', { message: outcome.message }));
    return EXIT.failure;
  }
  io.out(parsed.options.flags.has('json') ? JSON.stringify(outcome.json) : outcome.table);
  return EXIT.ok;
}

function describeProblem(problem: ArgsProblem, t: TFunction): string {
  switch (problem.kind) {
    case 'unexpectedArgument':
      return t('calc:errors.unexpectedArgument', { value: problem.value });
    default:
      return t(`calc:errors.${problem.kind}`, { option: problem.option });
  }
}
