/** Languages the interface ships in. French first: the product is built for French BTS students. */
export const UI_LANGUAGES = ['fr', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: UiLanguage = 'fr';

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** Picks a supported language from a locale tag such as `en-GB` or `fr_FR.UTF-8`; French otherwise. */
export function languageFromLocale(tag: string | undefined | null): UiLanguage {
  const base = (tag ?? '').toLowerCase().slice(0, 2);
  return isUiLanguage(base) ? base : DEFAULT_LANGUAGE;
}
