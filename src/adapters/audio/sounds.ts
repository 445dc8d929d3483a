import type { AudioId, UiSoundId, CueId } from '../../../assets/manifest.types.ts';
import type { CueSound } from '../../core/visit/visit-types.ts';
import type { Setting } from '../../core/scenario/format.ts';

/** Every short sound the game plays: the core's cues, mood shifts and the interface's own. */
export type SoundId = CueSound | 'mood-up' | 'mood-down' | 'ui-select' | 'ui-confirm';

/**
 * The shipped file (assets/audio/<id>.ogg, listed in assets/manifest.json) behind each sound.
 * The client's mood reuses the soft interface sweeps: rising when the client warms up, falling
 * when they cool, quieter than the cues so a mood shift never sounds like a verdict.
 */
export const SOUND_FILES: Readonly<Record<SoundId, UiSoundId | CueId>> = {
  door: 'cue-door',
  'phone-ring': 'cue-phone-ring',
  positive: 'cue-positive',
  negative: 'cue-negative',
  discovery: 'cue-discovery',
  deal: 'cue-deal',
  'no-deal': 'cue-no-deal',
  'walk-out': 'cue-walk-out',
  'mood-up': 'ui-open',
  'mood-down': 'ui-close',
  'ui-select': 'ui-select',
  'ui-confirm': 'ui-click',
};
export const SOUND_IDS = Object.keys(SOUND_FILES) as readonly SoundId[];

/** One looping background per setting. */
export type AmbienceId = `ambience-${Setting}`;
export const ambienceFile = (setting: Setting): AmbienceId & AudioId => `ambience-${setting}`;
