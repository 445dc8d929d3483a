import type { Setting } from '../../core/scenario/format.ts';
import type { SoundId } from './sounds.ts';

/**
 * The game's placeholder sounds, generated here as WAV data rather than downloaded, so every
 * sound has a known licence (ours). They are short tones, chimes and filtered noise; recorded
 * or better-crafted files in assets/audio replace them one by one (see sound-sources.ts).
 */
export const SAMPLE_RATE = 22050;

type Wave = (t: number) => number;

function render(seconds: number, wave: Wave): Float32Array {
  const n = Math.round(seconds * SAMPLE_RATE);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = wave(i / SAMPLE_RATE);
  return out;
}

const sine = (f: number, t: number) => Math.sin(2 * Math.PI * f * t);
/** Attack–decay envelope so tones do not click. */
const env = (t: number, start: number, length: number, attack = 0.01) => {
  const x = t - start;
  if (x < 0 || x > length) return 0;
  return Math.min(1, x / attack) * Math.exp((-4 * x) / length);
};
const tone =
  (f: number, start: number, length: number, gain = 0.35): Wave =>
  (t) =>
    gain * env(t, start, length) * (sine(f, t) + 0.3 * sine(2 * f, t));
const mix =
  (...waves: Wave[]): Wave =>
  (t) =>
    waves.reduce((s, w) => s + w(t), 0);

/** Deterministic noise (a small LCG): the same sound every time, no hidden chance. */
function noise(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  };
}

/** Low-passed noise: a room's murmur. `smooth` closer to 1 is darker. */
function murmur(seed: number, smooth: number, gain: number): Wave {
  const rnd = noise(seed);
  let y = 0;
  return () => {
    y = smooth * y + (1 - smooth) * rnd();
    return gain * y;
  };
}

const effects: Record<SoundId, () => Float32Array> = {
  'ui-select': () => render(0.08, tone(880, 0, 0.07, 0.2)),
  'ui-confirm': () => render(0.18, mix(tone(660, 0, 0.1, 0.2), tone(990, 0.06, 0.12, 0.2))),
  positive: () => render(0.4, mix(tone(523, 0, 0.25), tone(784, 0.1, 0.3))),
  negative: () => render(0.4, mix(tone(311, 0, 0.3), tone(277, 0.12, 0.28))),
  discovery: () => render(0.6, mix(tone(659, 0, 0.3, 0.25), tone(880, 0.1, 0.3, 0.25), tone(1175, 0.2, 0.4, 0.2))),
  deal: () =>
    render(1.1, mix(tone(523, 0, 0.5), tone(659, 0.15, 0.5), tone(784, 0.3, 0.7), tone(1047, 0.45, 0.6, 0.25))),
  'no-deal': () => render(0.9, mix(tone(392, 0, 0.5), tone(330, 0.2, 0.5), tone(262, 0.4, 0.5))),
  'walk-out': () => {
    const steps = murmur(7, 0.6, 0.9);
    return render(1.2, (t) => steps(t) * [0, 0.3, 0.6, 0.9].reduce((s, at) => s + env(t, at, 0.12, 0.005), 0));
  },
  door: () => {
    const knock = murmur(3, 0.75, 2.2);
    return render(
      0.8,
      (t) =>
        knock(t) * [0, 0.18, 0.36].reduce((s, at) => s + env(t, at, 0.09, 0.002), 0) +
        0.15 * env(t, 0, 0.5) * sine(110, t),
    );
  },
  'phone-ring': () =>
    render(1.6, (t) =>
      t % 0.8 < 0.5 ? 0.22 * (sine(440, t) + sine(480, t)) * Math.min(1, (0.5 - (t % 0.8)) * 20) : 0,
    ),
  'mood-up': () => render(0.3, mix(tone(587, 0, 0.15, 0.18), tone(740, 0.08, 0.2, 0.18))),
  'mood-down': () => render(0.3, mix(tone(494, 0, 0.15, 0.18), tone(415, 0.08, 0.2, 0.18))),
};

/** Quiet loops, a few seconds long, faded at both ends so they loop without a click. */
const ambiences: Record<Setting, () => Float32Array> = {
  office: () =>
    loop(
      4,
      mix(murmur(11, 0.985, 0.5), (t) => 0.02 * sine(100, t)),
    ),
  'meeting-room': () => loop(4, murmur(12, 0.99, 0.45)),
  phone: () =>
    loop(
      3,
      mix(murmur(13, 0.2, 0.05), (t) => 0.01 * sine(50, t)),
    ),
  shop: () =>
    loop(
      4,
      mix(murmur(14, 0.96, 0.5), (t) => 0.04 * env(t % 2, 1.2, 0.3) * sine(1320, t)),
    ),
  home: () =>
    loop(
      4,
      mix(murmur(15, 0.995, 0.35), (t) => 0.015 * env(t % 4, 2, 1.5) * sine(1800 + 200 * sine(3, t), t)),
    ),
  bank: () => loop(4, murmur(16, 0.99, 0.4)),
  plant: () =>
    loop(
      4,
      mix(murmur(17, 0.9, 0.25), (t) => 0.05 * sine(60, t) * (0.6 + 0.4 * sine(0.5, t))),
    ),
};

function loop(seconds: number, wave: Wave): Float32Array {
  const s = render(seconds, wave);
  const fade = Math.round(0.25 * SAMPLE_RATE);
  for (let i = 0; i < fade; i++) {
    const k = i / fade;
    s[i] = (s[i] ?? 0) * k;
    s[s.length - 1 - i] = (s[s.length - 1 - i] ?? 0) * k;
  }
  return s;
}

export function synthSound(id: SoundId): Float32Array {
  return effects[id]();
}
export function synthAmbience(setting: Setting): Float32Array {
  return ambiences[setting]();
}

/** 16-bit mono PCM WAV. */
export function toWav(samples: Float32Array, sampleRate = SAMPLE_RATE): ArrayBuffer {
  const buffer = new ArrayBuffer(44 + samples.length * 2);
  const v = new DataView(buffer);
  const ascii = (at: number, s: string) => [...s].forEach((c, i) => v.setUint8(at + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  v.setUint32(4, 36 + samples.length * 2, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true);
  v.setUint16(22, 1, true);
  v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate * 2, true);
  v.setUint16(32, 2, true);
  v.setUint16(34, 16, true);
  ascii(36, 'data');
  v.setUint32(40, samples.length * 2, true);
  samples.forEach((x, i) => v.setInt16(44 + i * 2, Math.max(-1, Math.min(1, x)) * 0x7fff, true));
  return buffer;
}
