import { z } from 'zod';

/**
 * The typed slot in `phases.closing` for the numeric negotiation step. Provisional shape until
 * the negotiation model lands (src/core/negotiation): an id the dialogue can lead to, and the
 * three outcomes the step leads to.
 */
export const NegotiationSpecSchema = z.looseObject({
  id: z.string(),
  outcomes: z.strictObject({ deal: z.string(), noDeal: z.string(), walkAway: z.string() }),
});
