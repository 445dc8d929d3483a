import type { EXPRESSIONS, GESTURES, LookSchema } from '../../core/scenario/format.ts';
import type { z } from 'zod';

/** The client as scenarios describe them; drawn from assets/ (see asset-art.ts). */
export type ClientLook = z.infer<typeof LookSchema>;
export type Expression = (typeof EXPRESSIONS)[number];
export type Gesture = (typeof GESTURES)[number];

/** The face a mood shows when the scenario's cue does not say. */
export function expressionForMood(
  mood: 'annoyed' | 'distrustful' | 'neutral' | 'interested' | 'convinced',
): Expression {
  return (
    {
      annoyed: 'annoyed',
      distrustful: 'skeptical',
      neutral: 'neutral',
      interested: 'interested',
      convinced: 'smile',
    } as const
  )[mood];
}
