import type { UiLanguage } from '../../i18n/languages.ts';

/**
 * Numbers, euros, marks and dates through Intl, so French reads `1 234,50 €` and `14,5/20`
 * and English `€1,234.50` and `14.5/20`.
 */
const locales: Record<UiLanguage, string> = { fr: 'fr-FR', en: 'en-GB' };

export function formatEuros(value: number, lang: UiLanguage): string {
  return new Intl.NumberFormat(locales[lang], {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
}

export function formatNumber(value: number, lang: UiLanguage, maxFraction = 2): string {
  return new Intl.NumberFormat(locales[lang], { maximumFractionDigits: maxFraction }).format(value);
}

export function formatPercent(value: number, lang: UiLanguage): string {
  // value is already in percent (12.5 means 12,5 %)
  return new Intl.NumberFormat(locales[lang], { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
}

/** `14/20`, `14,5/20`: the mark as a jury writes it. */
export function formatMark(mark: number, lang: UiLanguage): string {
  return `${formatNumber(mark, lang, 1)}/20`;
}

export function formatDateTime(ms: number, lang: UiLanguage): string {
  return new Intl.DateTimeFormat(locales[lang], { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}
