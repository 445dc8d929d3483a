/** The negotiation step's lines are authored text like the rest of a scenario: one definition serves both. */
export { LocalizedTextSchema, type LocalizedText } from '../scenario/text.ts';
