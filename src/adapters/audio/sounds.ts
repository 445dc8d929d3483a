import type { CueSound } from '../../core/visit/visit-types.ts';
import type { Setting } from '../../core/scenario/format.ts';

/** Every short sound the game plays: the core's cues, mood shifts and the interface's own. */
export type SoundId = CueSound | 'mood-up' | 'mood-down' | 'ui-select' | 'ui-confirm';
export const SOUND_IDS: readonly SoundId[] = [
  'door',
  'phone-ring',
  'positive',
  'negative',
  'discovery',
  'deal',
  'no-deal',
  'walk-out',
  'mood-up',
  'mood-down',
  'ui-select',
  'ui-confirm',
];

/** One looping background per setting. */
export type AmbienceId = `ambience-${Setting}`;
