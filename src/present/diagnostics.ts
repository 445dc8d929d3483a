import type { TFunction } from 'i18next';
import type { Diagnostic } from '../core/diagnostics/codes.ts';
import { shownPath } from '../core/diagnostics/id-paths.ts';
import type { UiLanguage } from '../i18n/languages.ts';
import { formats } from './format.ts';

const PHASE_PARAMS = new Set(['from', 'to', 'phase']);
/** Amounts in euros (HT), shown as money in the reader's language. */
const MONEY_PARAMS = new Set(['price', 'floor']);

/**
 * A diagnostic's message as the command line and the game's library both print it: phases by
 * their name, amounts as money, numbers in the reader's language, NS045's and NS061's rule
 * spelt out, the suggestion, and the severity when it is not an error.
 */
export function diagnosticMessage(d: Diagnostic, t: TFunction, lang: UiLanguage): string {
  const f = formats(lang);
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(d.params)) {
    if (PHASE_PARAMS.has(k)) params[k] = t(`common:phases.${String(v)}`, { defaultValue: String(v), lng: lang });
    else if (MONEY_PARAMS.has(k) && typeof v === 'number') params[k] = f.euros(v);
    // `count` stays a number: i18next picks the plural form from it.
    else params[k] = typeof v === 'number' && k !== 'count' ? f.number(v, 3) : v;
  }
  const tt = (key: string, values: Record<string, unknown> = {}) => t(key, { ...values, lng: lang });
  // NS021 names JSON types as Zod does ("record", "string | number"): authors read them in words.
  if (d.code === 'NS021')
    for (const k of ['expected', 'received']) params[k] = typeNames(String(d.params[k]), tt, lang);
  if (d.code === 'NS045') params.detail = tt(`diagnostics:negotiationRules.${String(d.params.rule)}`, params);
  if (d.code === 'NS061') params.detail = tt(`diagnostics:packRules.${String(d.params.rule)}`, params);
  const message = tt(`diagnostics:codes.${d.code}`, params);
  const suggestion =
    typeof d.params.suggestion === 'string' && d.params.suggestion !== ''
      ? ' ' + tt('diagnostics:suggestion', { suggestion: d.params.suggestion })
      : '';
  const severity = d.severity === 'error' ? '' : `[${tt(`diagnostics:severity.${d.severity}`)}] `;
  return severity + message + suggestion;
}

/** Where the diagnostic is, as people read it: `/` for the whole file, array elements by their id. */
export function diagnosticPlace(d: Diagnostic): string {
  return shownPath(d) || '/';
}

/** "string | number" → « un texte ou un nombre »; a type without a word keeps its name. */
function typeNames(
  types: string,
  tt: (key: string, values?: Record<string, unknown>) => string,
  lang: UiLanguage,
): string {
  const words = types.split(' | ').map((type) => tt(`diagnostics:types.${type}`, { defaultValue: type }));
  return new Intl.ListFormat(lang, { type: 'disjunction' }).format(words);
}
