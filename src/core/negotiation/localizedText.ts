import { z } from 'zod';

/**
 * Text the client says, one string per language. Defined here so the negotiation model does
 * not depend on the scenario format (which imports this folder); the scenario's own
 * LocalizedText has the same shape and will replace this one when the two are merged.
 */
export const LocalizedTextSchema = z
  .partialRecord(z.enum(['fr', 'en']), z.string().min(1))
  .describe('Plain text per language, e.g. {"fr": "Il me faudrait 15 %.", "en": "I would need 15%."}.');

export type LocalizedText = z.infer<typeof LocalizedTextSchema>;
