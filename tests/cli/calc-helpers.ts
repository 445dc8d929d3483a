import type { CliIO } from '../../src/cli/io.ts';
import { runCalc } from '../../src/cli/calc/index.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { cliResources } from '../../src/cli/cli-resources.ts';

export interface CalcRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `negosim calc …` with a fake terminal in the given language. */
export async function calc(lang: 'fr' | 'en', ...args: string[]): Promise<CalcRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (text) => out.push(text), err: (text) => err.push(text), cwd: '/' };
  const code = await runCalc(args, io, createI18n(lang, cliResources).t);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

export const NBSP = '\u00a0';
export const NNBSP = '\u202f';
