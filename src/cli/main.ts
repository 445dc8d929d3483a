import { parseArgs } from 'node:util';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { createI18n } from '../i18n/create-i18n.ts';
import { cliResources } from './cli-resources.ts';
import { isUiLanguage, languageFromLocale, type UiLanguage } from '../i18n/languages.ts';
import { EXIT, type CliIO } from './io.ts';

/**
 * The `negosim` command. Language: --lang, else NEGOSIM_LANG, else the system locale (LANG),
 * French when none of them names a language we ship. Each command is loaded when it is asked
 * for, so `negosim validate` does not pay for the visit machine or the scoring.
 */
export async function main(argv: string[], io: CliIO, env: Record<string, string | undefined> = {}): Promise<number> {
  // A command reads each file once: compiling Zod's fast paths would cost more than it saves.
  z.config({ jitless: true });
  const langFlag = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const requested =
    langFlag < 0 ? undefined : argv[langFlag]?.includes('=') ? argv[langFlag]?.split('=')[1] : argv[langFlag + 1];
  // An empty variable counts as unset, as in POSIX locale rules.
  const lang: UiLanguage = isUiLanguage(requested)
    ? requested
    : languageFromLocale(env.NEGOSIM_LANG || env.LC_ALL || env.LANG);
  const t = createI18n(lang, cliResources).t;
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(t('cli:usage'));
    return EXIT.ok;
  }
  if (command === 'calc') return (await import('./calc/index.ts')).runCalc(withoutLang(rest), io, t);
  if (command === 'glossary')
    return (await import('./commands/glossary.ts')).runGlossary(withoutLang(rest), io, t, lang);
  if (command === 'serve') return (await import('./commands/serve.ts')).runServe(withoutLang(rest), io, t, env);
  const parsed = parseOptions(rest);
  if (!parsed) return usage(io, t);
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(t('cli:usage'));
    return EXIT.ok;
  }
  const refs = await loadReferentials(io, t);
  if (!refs) return EXIT.failure;
  const pack = values.referential === undefined ? refs.packs[0] : refs.pack(values.referential);
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!pack || !Number.isInteger(seed)) return usage(io, t);
  // An explicit seed deals the choices as the game does (shuffled by that seed): a visit played in
  // the game replays exactly with its seed and path. Without one, a path replays in file order.
  const common = { pack, seed, lang, json: values.json === true, dealt: values.seed !== undefined };

  switch (command) {
    case 'validate':
      if (positionals.length === 0) return usage(io, t);
      return (await import('./commands/validate.ts')).runValidate(positionals, io, t, refs);
    case 'check':
      if (positionals.length !== 1) return usage(io, t);
      return (await import('./commands/check.ts')).runCheck({ file: positionals[0] as string, ...common }, io, t, refs);
    case 'play': {
      const asked = values.negotiator;
      const negotiator: 'best' | 'worst' | undefined = asked === 'best' || asked === 'worst' ? asked : undefined;
      if (positionals.length !== 1 || (asked !== undefined && negotiator === undefined)) return usage(io, t);
      const { parseBot } = await import('../core/check/strategy-bots.ts');
      const bot = values.bot === undefined ? undefined : parseBot(values.bot);
      if (bot === null || (bot && values.choices !== undefined)) return usage(io, t);
      const args = {
        file: positionals[0] as string,
        choices: values.choices,
        negotiator,
        bot,
        export: values.export,
        ...common,
      };
      return (await import('./commands/play.ts')).runPlay(args, io, t, refs);
    }
    case 'graph': {
      const format = values.format ?? 'mermaid';
      if (positionals.length !== 1 || (format !== 'mermaid' && format !== 'dot')) return usage(io, t);
      return (await import('./commands/graph.ts')).runGraph(positionals[0] as string, format, lang, io, t, refs);
    }
    default:
      return usage(io, t);
  }
}

function usage(io: CliIO, t: TFunction): number {
  io.err(t('cli:usage'));
  return EXIT.usage;
}

function parseOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        lang: { type: 'string' },
        referential: { type: 'string' },
        seed: { type: 'string' },
        choices: { type: 'string' },
        format: { type: 'string' },
        negotiator: { type: 'string' },
        bot: { type: 'string' },
        export: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch {
    return null;
  }
}

/** The skill taxonomy and the packs; a broken referential file is reported like a broken scenario. */
async function loadReferentials(io: CliIO, t: TFunction) {
  const { bundledReferentials } = await import('../core/referentials/bundled.ts');
  const { diagnosticLine } = await import('./diagnostic-text.ts');
  const { referentials, diagnostics } = bundledReferentials();
  for (const d of diagnostics) io.err(diagnosticLine(d, d.file ?? '', t));
  return referentials;
}

/** --lang is read here for every command; the calculator's own option reader never sees it. */
function withoutLang(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--lang') i++;
    else if (!a.startsWith('--lang=')) out.push(a);
  }
  return out;
}
