/** Marks as a French jury writes them: 14,5/20 (and 14.5/20 in English). */
export function formatMark(mark: number, lang: string): string {
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(mark)}/20`;
}

export function formatNumber(value: number, lang: string, digits = 2): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(value);
}

export function formatEuros(value: number, lang: string): string {
  return new Intl.NumberFormat(lang, { style: 'currency', currency: 'EUR' }).format(value);
}
