import i18next, { type i18n as I18n } from 'i18next';
import { DEFAULT_LANGUAGE, type UiLanguage } from './languages.ts';
import type { ResourceBundle } from './resources.ts';

/**
 * A fresh, synchronous i18next instance over the namespaces a face needs (see resources.ts).
 * `escapeValue: false` because nothing we render is ever parsed as HTML — the game writes
 * text with textContent and the CLI writes to a terminal.
 */
export function createI18n(lng: UiLanguage, resources: ResourceBundle): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng,
    fallbackLng: DEFAULT_LANGUAGE,
    ns: Object.keys(resources.fr),
    defaultNS: 'common',
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
