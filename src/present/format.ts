import type { UiLanguage } from '../i18n/languages.ts';

/**
 * Numbers, money, rates, marks and dates, as every face of NegoSim writes them: the game, the
 * command line, the calculator and the teacher's pages all take them from here, so French reads
 * `1 234,50 €`, `12,5 %` and `14,5/20` everywhere, and English `€1,234.50`, `12.5%`, `14.5/20`.
 */
export const LOCALES: Record<UiLanguage, string> = { fr: 'fr-FR', en: 'en-GB' };

export interface Formats {
  readonly lang: UiLanguage;
  readonly locale: string;
  number(value: number, maxFraction?: number): string;
  /** Exactly two decimals, for figures a reader checks at the cent. */
  fixed2(value: number): string;
  euros(value: number): string;
  /** `value` is already in percent: 12.5 means 12,5 %. */
  percent(value: number, maxFraction?: number): string;
  /** `14/20`, `14,5/20`: the mark as a jury writes it. */
  mark(value: number): string;
  dateTime(ms: number): string;
  date(ms: number): string;
}

const cache = new Map<UiLanguage, Formats>();

export function formats(lang: UiLanguage): Formats {
  const known = cache.get(lang);
  if (known) return known;
  const locale = LOCALES[lang];
  const numbers = new Map<number, Intl.NumberFormat>();
  const num = (digits: number) => {
    let f = numbers.get(digits);
    if (!f) numbers.set(digits, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits })));
    return f;
  };
  const percents = new Map<number, Intl.NumberFormat>();
  const pct = (digits: number) => {
    let f = percents.get(digits);
    if (!f)
      percents.set(digits, (f = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits })));
    return f;
  };
  const euros = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const fixed = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' });
  const made: Formats = {
    lang,
    locale,
    number: (value, maxFraction = 2) => num(maxFraction).format(value),
    fixed2: (value) => fixed.format(value),
    euros: (value) => euros.format(value),
    percent: (value, maxFraction = 2) => pct(maxFraction).format(value / 100),
    mark: (value) => `${num(2).format(value)}/20`,
    dateTime: (ms) => dateTime.format(ms),
    date: (ms) => date.format(ms),
  };
  cache.set(lang, made);
  return made;
}
