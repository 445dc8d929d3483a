import calcFr from '../locales/calc/fr.json';
import calcEn from '../locales/calc/en.json';
import cliFr from '../locales/cli/fr.json';
import cliEn from '../locales/cli/en.json';
import { sharedResources, withResources } from '../i18n/resources.ts';

/** The command line's strings (commands, calculator) and the shared ones. */
export const cliResources = withResources(sharedResources, {
  fr: { cli: cliFr, calc: calcFr },
  en: { cli: cliEn, calc: calcEn },
});
