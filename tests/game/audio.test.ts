import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHowlerAudio } from '../../src/adapters/audio/audio.ts';
import { fileSource, soundSources } from '../../src/adapters/audio/sound-sources.ts';
import { ambienceFile, SOUND_FILES, SOUND_IDS } from '../../src/adapters/audio/sounds.ts';
import { SETTINGS } from '../../src/core/scenario/format.ts';
import { ASSETS_DIR, loadManifest } from '../assets/asset-files.ts';

/** A stand-in for howler that records what would have been heard. */
function fakeHowler() {
  const heard: string[] = [];
  const global = { volume: 1, muted: false };
  class Howl {
    constructor(private readonly o: { src: string[]; loop: boolean }) {}
    play() {
      heard.push(`${this.o.loop ? 'loop' : 'play'}:${this.o.src[0]}`);
    }
    stop() {
      heard.push(`stop:${this.o.src[0]}`);
    }
  }
  const Howler = { volume: (v: number) => (global.volume = v), mute: (m: boolean) => (global.muted = m) };
  let loaded = 0;
  const load = () => {
    loaded++;
    return Promise.resolve({ Howl, Howler } as never);
  };
  return { heard, global, load, loadedCount: () => loaded };
}
const sources = () => ({
  sound: (id: string) => ({ url: `snd-${id}`, format: 'ogg' }),
  ambience: (s: string) => ({ url: `amb-${s}`, format: 'ogg' }),
});
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('sound', () => {
  it('plays nothing, and does not even load the sound library, before the first gesture', async () => {
    const fake = fakeHowler();
    const audio = createHowlerAudio(sources, { volume: 0.5, muted: false }, fake.load);
    audio.ambience('office');
    audio.play('door');
    await flush();
    expect(fake.loadedCount()).toBe(0);
    expect(fake.heard).toEqual([]);
    audio.unlock();
    await flush();
    audio.play('positive');
    expect(fake.heard).toEqual(['loop:amb-office', 'play:snd-positive']);
  });

  it('remembers volume and mute, and a muted game plays no effect', async () => {
    const fake = fakeHowler();
    const audio = createHowlerAudio(sources, { volume: 0.3, muted: true }, fake.load);
    audio.unlock();
    await flush();
    expect(fake.global).toEqual({ volume: 0.3, muted: true });
    audio.play('deal');
    expect(fake.heard).toEqual([]);
    audio.setMuted(false);
    audio.setVolume(0.8);
    audio.play('deal');
    expect(fake.global).toEqual({ volume: 0.8, muted: false });
    expect(fake.heard).toEqual(['play:snd-deal']);
  });

  it('changes the ambience with the setting, and stops it when asked', async () => {
    const fake = fakeHowler();
    const audio = createHowlerAudio(sources, { volume: 1, muted: false }, fake.load);
    audio.unlock();
    await flush();
    audio.ambience('phone');
    audio.ambience('shop');
    audio.ambience(null);
    expect(fake.heard).toEqual(['loop:amb-phone', 'stop:amb-phone', 'loop:amb-shop', 'stop:amb-shop']);
  });

  it('a sound whose file is missing is silent, and the others still play', async () => {
    const fake = fakeHowler();
    const partial = () => ({
      sound: (id: string) => (id === 'door' ? null : { url: `snd-${id}`, format: 'ogg' }),
      ambience: () => null,
    });
    const audio = createHowlerAudio(partial, { volume: 1, muted: false }, fake.load);
    audio.unlock();
    await flush();
    audio.ambience('office');
    audio.play('door');
    audio.play('deal');
    expect(fake.heard).toEqual(['play:snd-deal']);
  });
});

describe('sound files', () => {
  const manifest = loadManifest();

  it('every sound the game plays is a shipped Ogg file listed in the manifest', () => {
    for (const id of SOUND_IDS) {
      const entry = manifest.audio[SOUND_FILES[id]];
      expect(entry, id).toBeDefined();
      expect(existsSync(join(ASSETS_DIR, entry.file)), entry.file).toBe(true);
    }
    for (const setting of SETTINGS) expect(manifest.audio[ambienceFile(setting)].loop, setting).toBe(true);
  });

  it('the build finds a file for every sound and every setting', () => {
    const sources = soundSources();
    for (const id of SOUND_IDS) {
      expect(sources.sound(id)?.url, id).toContain(`${SOUND_FILES[id]}.ogg`);
      expect(sources.sound(id)?.format, id).toBe('ogg');
    }
    for (const setting of SETTINGS) {
      expect(sources.ambience(setting)?.url, setting).toContain(`ambience-${setting}.ogg`);
    }
    expect(fileSource('no-such-sound')).toBeNull();
  });

  it("the client's mood is a soft rising or falling sweep, quieter than a verdict", () => {
    const up = manifest.audio[SOUND_FILES['mood-up']];
    const down = manifest.audio[SOUND_FILES['mood-down']];
    expect(up.description).toMatch(/rising/i);
    expect(down.description).toMatch(/falling/i);
    for (const verdict of ['positive', 'negative'] as const) {
      const cue = manifest.audio[SOUND_FILES[verdict]];
      expect(up.loudnessLufs).toBeLessThan(cue.loudnessLufs);
      expect(down.loudnessLufs).toBeLessThan(cue.loudnessLufs);
    }
  });
});
