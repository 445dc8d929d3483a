import type { TFunction } from 'i18next';
import type { UiLanguage } from '../../i18n/languages.ts';
import { glossary, glossaryLines } from '../../present/glossary.ts';
import { EXIT, type CliIO } from '../io.ts';

/**
 * `negosim glossary [--json]`: the terms of the commercial calculations and of the negotiation,
 * each with its definition, formula and a worked example — the same text as the game's glossary.
 */
export function runGlossary(args: string[], io: CliIO, t: TFunction, lang: UiLanguage): number {
  const json = args.includes('--json');
  if (args.some((a) => a !== '--json')) {
    io.err(t('cli:usage'));
    return EXIT.usage;
  }
  io.out(json ? JSON.stringify(glossary(lang, t), null, 2) : glossaryLines(lang, t).join('\n').trimEnd());
  return EXIT.ok;
}
