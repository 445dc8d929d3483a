import { parseArgs } from 'node:util';
import { createI18n } from '../i18n/create-i18n.ts';
import { isUiLanguage, languageFromLocale, type UiLanguage } from '../i18n/languages.ts';
import { DEFAULT_PACK, isPackId } from '../core/referentials/bundled.ts';
import { runCalc } from './calc/index.ts';
import { runCheck } from './commands/check.ts';
import { runGraph } from './commands/graph.ts';
import { runPlay } from './commands/play.ts';
import { runValidate } from './commands/validate.ts';
import { EXIT, type CliIO } from './io.ts';

/**
 * The `negosim` command. Language: --lang, else NEGOSIM_LANG, else the system locale (LANG),
 * French when none of them names a language we ship.
 */
export async function main(argv: string[], io: CliIO, env: Record<string, string | undefined> = {}): Promise<number> {
  const langFlag = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const requested =
    langFlag < 0 ? undefined : argv[langFlag]?.includes('=') ? argv[langFlag]?.split('=')[1] : argv[langFlag + 1];
  // An empty variable counts as unset, as in POSIX locale rules.
  const lang: UiLanguage = isUiLanguage(requested)
    ? requested
    : languageFromLocale(env.NEGOSIM_LANG || env.LC_ALL || env.LANG);
  const t = createI18n(lang).t;
  const [command, ...rest] = argv;
  const usage = () => {
    io.err(t('cli:usage'));
    return EXIT.usage;
  };
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(t('cli:usage'));
    return EXIT.ok;
  }
  if (command === 'calc') return runCalc(withoutLang(rest), io, t);
  if (command === 'serve') return (await import('./commands/serve.ts')).runServe(withoutLang(rest), io, t, env);
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        lang: { type: 'string' },
        referential: { type: 'string' },
        seed: { type: 'string' },
        choices: { type: 'string' },
        format: { type: 'string' },
        negotiator: { type: 'string' },
        export: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch {
    return usage();
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(t('cli:usage'));
    return EXIT.ok;
  }
  const referential = values.referential ?? DEFAULT_PACK;
  if (!isPackId(referential)) return usage();
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed)) return usage();
  const common = { referential, seed, lang, json: values.json === true };

  switch (command) {
    case 'validate':
      if (positionals.length === 0) return usage();
      return runValidate(positionals, io, t);
    case 'check':
      if (positionals.length !== 1) return usage();
      return runCheck({ file: positionals[0] as string, ...common }, io, t);
    case 'play':
      if (positionals.length !== 1) return usage();
      if (values.negotiator !== undefined && values.negotiator !== 'best' && values.negotiator !== 'worst')
        return usage();
      return runPlay(
        {
          file: positionals[0] as string,
          choices: values.choices,
          negotiator: values.negotiator,
          export: values.export,
          ...common,
        },
        io,
        t,
      );
    case 'graph': {
      const format = values.format ?? 'mermaid';
      if (positionals.length !== 1 || (format !== 'mermaid' && format !== 'dot')) return usage();
      return runGraph(positionals[0] as string, format, lang, io, t);
    }
    default:
      return usage();
  }
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
