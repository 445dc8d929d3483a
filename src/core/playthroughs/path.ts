import { z } from 'zod';
import { TypedMoveSchema, type NegotiationMove } from '../negotiation/index.ts';
import { LocalIdSchema } from '../scenario/format.ts';
import type { VisitEvent } from '../visit/visit-types.ts';

/**
 * A path through a scenario, as playthrough files, `negosim check` and `negosim play --choices`
 * write it: choice ids, and negotiation moves as `{ "nego": <move> }` — typed JSON, never JSON
 * escaped inside a string.
 */
export const PathStepSchema = z
  .union([LocalIdSchema, z.strictObject({ nego: TypedMoveSchema })])
  .meta({ id: 'PathStep', description: 'A choice id, or a negotiation move as { "nego": { "type": … } }.' });
export type PathStep = string | { nego: NegotiationMove };
export const PathSchema = z.array(PathStepSchema);

export function eventOfStep(step: PathStep): VisitEvent {
  return typeof step === 'string' ? { type: 'player.choose', choiceId: step } : { type: 'nego.move', move: step.nego };
}

/**
 * Reads a path typed on a command line: a JSON array (exactly what `check --json` prints and
 * playthrough files hold), or choice ids separated by commas. Null when it is neither.
 */
export function parsePathText(text: string): PathStep[] | null {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    let doc: unknown;
    try {
      doc = JSON.parse(trimmed);
    } catch {
      return null;
    }
    const parsed = PathSchema.safeParse(doc);
    return parsed.success ? parsed.data : null;
  }
  const ids = trimmed
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return ids.every((id) => LocalIdSchema.safeParse(id).success) ? ids : null;
}
