import type * as Howler from 'howler';
import type { Setting } from '../../core/scenario/format.ts';
import type { SoundId } from './sounds.ts';

/** What the view asks of sound. The game never touches howler directly; tests pass a fake. */
export interface AudioPort {
  /** Called on the first user gesture: before it, nothing plays (browsers' autoplay rules, and courtesy). */
  unlock(): void;
  readonly unlocked: boolean;
  play(sound: SoundId): void;
  /** The looping background of a setting, or silence. */
  ambience(setting: Setting | null): void;
  setVolume(volume: number): void;
  setMuted(muted: boolean): void;
}

/** A sound's file: a URL of the site's own origin, and its format (so howler need not guess it from the URL). */
export interface SoundSource {
  url: string;
  format: string;
}

/** Where each sound's file is; null for a file the build did not find (the sound is then silent). */
export interface SoundSources {
  sound(id: SoundId): SoundSource | null;
  ambience(setting: Setting): SoundSource | null;
}

type HowlerModule = typeof Howler;
type Howl = InstanceType<HowlerModule['Howl']>;

/**
 * Sound through howler. Howler is imported on the first gesture only, so it is neither in the
 * initial download nor able to open an audio context before the player has touched anything.
 */
export function createHowlerAudio(
  loadSources: () => SoundSources,
  initial: { volume: number; muted: boolean },
  loadHowler: () => Promise<HowlerModule> = () => import('howler'),
): AudioPort {
  let lib: HowlerModule | null = null;
  let sources: SoundSources | null = null;
  let unlocked = false;
  let volume = initial.volume;
  let muted = initial.muted;
  let wantedAmbience: Setting | null = null;
  let playingAmbience: { setting: Setting; howl: Howl } | null = null;
  const cache = new Map<string, Howl>();

  const howl = (source: SoundSource | null, loop: boolean): Howl | null => {
    if (!lib || !source) return null;
    let h = cache.get(source.url);
    if (!h) {
      h = new lib.Howl({ src: [source.url], format: [source.format], loop, volume: loop ? 0.4 : 0.8, html5: false });
      cache.set(source.url, h);
    }
    return h;
  };

  const syncAmbience = () => {
    if (!lib || !sources) return;
    if (playingAmbience && playingAmbience.setting !== wantedAmbience) {
      playingAmbience.howl.stop();
      playingAmbience = null;
    }
    if (wantedAmbience && !playingAmbience) {
      const h = howl(sources.ambience(wantedAmbience), true);
      if (h) {
        h.play();
        playingAmbience = { setting: wantedAmbience, howl: h };
      }
    }
  };

  return {
    get unlocked() {
      return unlocked;
    },
    unlock() {
      if (unlocked) return;
      unlocked = true;
      void loadHowler().then((m) => {
        lib = m;
        sources = loadSources();
        m.Howler.volume(volume);
        m.Howler.mute(muted);
        syncAmbience();
      });
    },
    play(sound) {
      if (!unlocked || muted || !sources) return;
      howl(sources.sound(sound), false)?.play();
    },
    ambience(setting) {
      wantedAmbience = setting;
      if (unlocked) syncAmbience();
    },
    setVolume(v) {
      volume = v;
      lib?.Howler.volume(v);
    },
    setMuted(m) {
      muted = m;
      lib?.Howler.mute(m);
    },
  };
}
