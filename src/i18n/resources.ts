/**
 * Every UI string lives in src/locales/<namespace>/<lang>.json. One folder per namespace keeps
 * each part of the product (CLI, calculator, game screens…) in its own small files, and the
 * locale-parity test compares each fr.json with the en.json beside it.
 */
import commonFr from '../locales/common/fr.json';
import commonEn from '../locales/common/en.json';
import calcFr from '../locales/calc/fr.json';
import calcEn from '../locales/calc/en.json';
import cliFr from '../locales/cli/fr.json';
import cliEn from '../locales/cli/en.json';
import diagnosticsFr from '../locales/diagnostics/fr.json';
import diagnosticsEn from '../locales/diagnostics/en.json';
import negotiationFr from '../locales/negotiation/fr.json';
import negotiationEn from '../locales/negotiation/en.json';
import gameFr from '../locales/game/fr.json';
import gameEn from '../locales/game/en.json';

export const resources = {
  fr: {
    common: commonFr,
    calc: calcFr,
    cli: cliFr,
    diagnostics: diagnosticsFr,
    negotiation: negotiationFr,
    game: gameFr,
  },
  en: {
    common: commonEn,
    calc: calcEn,
    cli: cliEn,
    diagnostics: diagnosticsEn,
    negotiation: negotiationEn,
    game: gameEn,
  },
} as const;

export type Namespace = keyof (typeof resources)['fr'];
export const NAMESPACES = Object.keys(resources.fr) as Namespace[];
