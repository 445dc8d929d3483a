import gameFr from '../locales/game/fr.json';
import gameEn from '../locales/game/en.json';
import { sharedResources, withResources } from './resources.ts';

/** The game's strings and the shared ones. */
export const gameResources = withResources(sharedResources, { fr: { game: gameFr }, en: { game: gameEn } });
