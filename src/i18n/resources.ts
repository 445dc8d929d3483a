/**
 * Every UI string lives in src/locales/<namespace>/<lang>.json. One folder per namespace keeps
 * each part of the product (CLI, calculator, game screens…) in its own small files, and the
 * locale-parity test compares each fr.json with the en.json beside it. Each face loads only the
 * namespaces it shows: the command line does not carry the game's strings, nor the game the CLI's.
 */
import commonFr from '../locales/common/fr.json';
import commonEn from '../locales/common/en.json';
import diagnosticsFr from '../locales/diagnostics/fr.json';
import diagnosticsEn from '../locales/diagnostics/en.json';
import negotiationFr from '../locales/negotiation/fr.json';
import negotiationEn from '../locales/negotiation/en.json';
import glossaryFr from '../locales/glossary/fr.json';
import glossaryEn from '../locales/glossary/en.json';
import presentFr from '../locales/present/fr.json';
import presentEn from '../locales/present/en.json';

import type { ResourceLanguage } from 'i18next';

export type ResourceBundle = Record<'fr' | 'en', ResourceLanguage>;

/** What every face shows: phases, diagnostics, the negotiation and the debrief in words. */
export const sharedResources = {
  fr: {
    common: commonFr,
    diagnostics: diagnosticsFr,
    negotiation: negotiationFr,
    present: presentFr,
    glossary: glossaryFr,
  },
  en: {
    common: commonEn,
    diagnostics: diagnosticsEn,
    negotiation: negotiationEn,
    present: presentEn,
    glossary: glossaryEn,
  },
} satisfies ResourceBundle;

export function withResources(...bundles: ResourceBundle[]): ResourceBundle {
  return {
    fr: Object.assign({}, ...bundles.map((b) => b.fr)) as ResourceLanguage,
    en: Object.assign({}, ...bundles.map((b) => b.en)) as ResourceLanguage,
  };
}
