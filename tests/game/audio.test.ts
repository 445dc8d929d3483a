import { describe, expect, it } from 'vitest';
import { createHowlerAudio } from '../../src/adapters/audio/audio.ts';
import { SOUND_IDS } from '../../src/adapters/audio/sounds.ts';
import { SAMPLE_RATE, synthAmbience, synthSound, toWav } from '../../src/adapters/audio/synth.ts';

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
  sound: (id: string) => ({ url: `snd-${id}`, format: 'wav' }),
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

  it('every generated sound is a well-formed, audible, clip-free WAV', () => {
    for (const id of SOUND_IDS) {
      const samples = synthSound(id);
      expect(samples.length, id).toBeGreaterThan(SAMPLE_RATE * 0.05);
      const peak = samples.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
      expect(peak, id).toBeGreaterThan(0.02);
      const wav = new DataView(toWav(samples));
      expect(String.fromCharCode(wav.getUint8(0), wav.getUint8(1), wav.getUint8(2), wav.getUint8(3))).toBe('RIFF');
      expect(wav.getUint32(40, true)).toBe(samples.length * 2);
    }
    const loop = synthAmbience('office');
    // Faded at both ends so the loop does not click.
    expect(Math.abs(loop[0] ?? 1)).toBeLessThan(1e-6);
    expect(Math.abs(loop[loop.length - 1] ?? 1)).toBeLessThan(1e-6);
  });
});
