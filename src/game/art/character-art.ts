import type { LookSchema } from '../../core/scenario/format.ts';
import type { z } from 'zod';

export type { Expression, Gesture } from '../../core/scenario/format.ts';

/** The client as scenarios describe them; drawn from assets/ (see asset-art.ts). */
export type ClientLook = z.infer<typeof LookSchema>;
