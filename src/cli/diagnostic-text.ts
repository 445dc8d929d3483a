import type { TFunction } from 'i18next';
import type { Diagnostic } from '../core/diagnostics/codes.ts';
import { languageFromLocale } from '../i18n/languages.ts';
import { diagnosticMessage as presentMessage, diagnosticPlace } from '../present/diagnostics.ts';

/**
 * One line per diagnostic: `file: /json/path: CODE message`, as editors and CI logs expect. The
 * path names array elements by their id where it can (`/phases/discovery/nodes[d2]/choices[d2-budget]/next`).
 */
export function diagnosticLine(d: Diagnostic, file: string, t: TFunction): string {
  return `${file}: ${diagnosticPlace(d)}: ${d.code} ${diagnosticMessage(d, t)}`;
}

/** The message in the language `t` speaks (the CLI's t is made for one language). */
export function diagnosticMessage(d: Diagnostic, t: TFunction): string {
  return presentMessage(d, t, languageFromLocale(t('common:locale')));
}
