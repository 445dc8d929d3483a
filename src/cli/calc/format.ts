import type { TFunction } from 'i18next';
import type { Decimal } from '../../core/pricing/index.ts';

/**
 * Turns exact results into what a reader sees. Decimals are rounded half-up to two places
 * before any conversion to a JS number, so Intl and JSON only ever receive a number that is
 * already exact at the cent and their own rounding never applies.
 */
export interface Formatter {
  money(value: Decimal): string;
  percent(value: Decimal): string;
  /** A rate inside a label ("TVA 5,5 %"): no trailing zeros. */
  shortPercent(value: Decimal): string;
  number(value: Decimal): string;
  integer(value: Decimal): string;
}

export function twoDecimals(value: Decimal): number {
  return Number(value.toDecimalPlaces(2).toFixed(2));
}

export function createFormatter(t: TFunction): Formatter {
  const locale = t('calc:locale');
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
  const fixed = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const short = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  return {
    money: (value) => money.format(twoDecimals(value)),
    percent: (value) => t('calc:percent', { value: fixed.format(twoDecimals(value)) }),
    shortPercent: (value) => t('calc:percent', { value: short.format(twoDecimals(value)) }),
    number: (value) => fixed.format(twoDecimals(value)),
    integer: (value) => whole.format(twoDecimals(value)),
  };
}

export type Row = readonly [label: string, value: string];

/** A title, then labels on the left and values aligned on the right, like a correction sheet. */
export function table(title: string, rows: readonly Row[]): string {
  const labelWidth = Math.max(...rows.map(([label]) => label.length));
  const valueWidth = Math.max(...rows.map(([, value]) => value.length));
  const lines = rows.map(([label, value]) => `  ${label.padEnd(labelWidth)}  ${value.padStart(valueWidth)}`);
  return [title, ...lines].join('\n');
}
