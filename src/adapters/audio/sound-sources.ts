import type { Setting } from '../../core/scenario/format.ts';
import type { SoundSource, SoundSources } from './audio.ts';
import { ambienceFile, SOUND_FILES } from './sounds.ts';

/**
 * The URLs of the shipped sound files (assets/audio, Ogg Opus), which Vite fingerprints and
 * copies into the site. Replacing a sound is replacing its file: see docs/game.md, "Sound".
 */
const files = import.meta.glob<string>('/assets/audio/*.ogg', { query: '?url', import: 'default', eager: true });

/** A file the build did not find plays as silence rather than breaking the visit. */
export function fileSource(name: string, urls: Record<string, string> = files): SoundSource | null {
  const url = urls[`/assets/audio/${name}.ogg`];
  return url ? { url, format: 'ogg' } : null;
}

export function soundSources(): SoundSources {
  return {
    sound: (id) => fileSource(SOUND_FILES[id]),
    ambience: (setting: Setting) => fileSource(ambienceFile(setting)),
  };
}
