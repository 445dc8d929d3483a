import { SETTINGS, type Setting } from '../../core/scenario/format.ts';
import type { SoundSources } from './audio.ts';
import { SOUND_IDS, type SoundId } from './sounds.ts';
import { synthAmbience, synthSound, toWav } from './synth.ts';

/**
 * Sound files: a recorded or crafted file in assets/audio/<id>.ogg wins; otherwise the sound
 * generated in synth.ts. Swapping a placeholder for a real file is just adding the file.
 * Called on the first gesture only (generating all sounds takes a few milliseconds).
 */
const files = import.meta.glob<string>('/assets/audio/*.ogg', { query: '?url', import: 'default', eager: true });
const fileFor = (name: string) => files[`/assets/audio/${name}.ogg`];

export function soundSources(): SoundSources {
  const wavUrl = (samples: Float32Array) => URL.createObjectURL(new Blob([toWav(samples)], { type: 'audio/wav' }));
  const sounds = new Map<SoundId, string>(SOUND_IDS.map((id) => [id, fileFor(id) ?? wavUrl(synthSound(id))]));
  const ambiences = new Map<Setting, string>();
  return {
    // Every file is generated WAV unless all came from assets (then Ogg Vorbis).
    format: SOUND_IDS.every((id) => fileFor(id)) ? 'ogg' : 'wav',
    sound: (id) => sounds.get(id) ?? '',
    ambience: (setting) => {
      let url = ambiences.get(setting);
      if (!url) {
        url = fileFor(`ambience-${setting}`) ?? wavUrl(synthAmbience(setting));
        ambiences.set(setting, url);
      }
      return url;
    },
  };
}

export const ALL_SETTINGS: readonly Setting[] = SETTINGS;
