import type { TFunction } from 'i18next';
import type { Diagnostic } from '../core/diagnostics/codes.ts';

const PHASE_PARAMS = new Set(['from', 'to', 'phase']);
/** Amounts in euros (HT), shown as money in the reader's language. */
const MONEY_PARAMS = new Set(['price', 'floor']);

/** One line per diagnostic: `file: /json/path: CODE message`, as editors and CI logs expect. */
export function diagnosticLine(d: Diagnostic, file: string, t: TFunction): string {
  return `${file}: ${d.path || '/'}: ${d.code} ${diagnosticMessage(d, t)}`;
}

export function diagnosticMessage(d: Diagnostic, t: TFunction): string {
  const numbers = new Intl.NumberFormat(t('common:locale'), { maximumFractionDigits: 3 });
  const money = new Intl.NumberFormat(t('common:locale'), { style: 'currency', currency: 'EUR' });
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(d.params)) {
    if (PHASE_PARAMS.has(k)) params[k] = t(`common:phases.${String(v)}`, { defaultValue: String(v) });
    else if (MONEY_PARAMS.has(k) && typeof v === 'number') params[k] = money.format(v);
    // `count` stays a number: i18next picks the plural form from it.
    else params[k] = typeof v === 'number' && k !== 'count' ? numbers.format(v) : v;
  }
  if (d.code === 'NS045') params.detail = t(`diagnostics:negotiationRules.${String(d.params.rule)}`, params);
  if (d.code === 'NS061') params.detail = t(`diagnostics:packRules.${String(d.params.rule)}`, params);
  const message = t(`diagnostics:codes.${d.code}`, params);
  const suggestion =
    typeof d.params.suggestion === 'string' && d.params.suggestion !== ''
      ? ' ' + t('diagnostics:suggestion', { suggestion: d.params.suggestion })
      : '';
  const severity = d.severity === 'error' ? '' : `[${t(`diagnostics:severity.${d.severity}`)}] `;
  return severity + message + suggestion;
}
