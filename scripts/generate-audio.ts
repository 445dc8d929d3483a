// Synthesises every NegoSim sound and encodes it to assets/audio/<id>.ogg (Opus).
//   npx tsx scripts/generate-audio.ts            # needs ffmpeg with libopus (Debian: apt-get install ffmpeg)
//   npx tsx scripts/generate-audio.ts --wav DIR  # also keeps the 16-bit WAV masters in DIR
// CI never runs this: the encoded files are committed, and tests/assets checks them. Everything
// is seeded, so a rerun reproduces the same masters (the encoder may differ by a few bytes).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  SAMPLE_RATE,
  biquad,
  brownNoise,
  burst,
  decayEnv,
  encodeWav,
  fadeInOut,
  filter,
  filterLoop,
  integratedLoudness,
  mixInto,
  mixStereo,
  multiply,
  normalise,
  padLoop,
  pan,
  pinkNoise,
  reverb,
  rng,
  scale,
  seconds,
  silence,
  sine,
  strike,
  sweep,
  trimOggOpus,
  type Mono,
  type Stereo,
} from './lib/audio-synth.ts';

const LOOP = 12; // seconds: long enough not to sound repetitive, short enough to stay small.
const LOOP_N = seconds(LOOP);
/** Context encoded on each side of a loop and trimmed by the Ogg headers (see trimOggOpus). */
const LOOP_PAD = seconds(0.25);

// Loudness targets: ambiences sit far under the UI (they play for minutes), cues are audible but
// soft because a student hears the negative one often.
const TARGET = { ambience: -30, ui: -27, cue: -22 } as const;
type Kind = keyof typeof TARGET;

interface Sound {
  id: string;
  kind: Kind;
  bitrateKbps: number;
  render: () => Stereo;
}

// ---------- loop building blocks (all circular, so the loop point is seamless)

/** A slow modulation with a whole number of cycles per loop, between 1-depth and 1. */
function lfo(cycles: number, depth: number, phase = 0): (t: number) => number {
  return (t) => 1 - depth * (0.5 + 0.5 * Math.sin((2 * Math.PI * cycles * t) / LOOP + phase));
}

function bed(
  seed: number,
  make: (n: number, seed: number) => Mono,
  ...stages: Parameters<typeof filterLoop>[1][]
): Stereo {
  return { left: filterLoop(make(LOOP_N, seed), ...stages), right: filterLoop(make(LOOP_N, seed + 1), ...stages) };
}

function modulate(s: Stereo, env: (t: number) => number): Stereo {
  return { left: multiply(s.left, env), right: multiply(s.right, env) };
}

function add(dst: Stereo, src: Stereo, gain: number): void {
  mixStereo(dst, src, 0, gain, true);
}

/** Distant typing: bursts of filtered clicks at a human rhythm. */
function typing(seed: number, bursts: { start: number; length: number }[], position: number): Stereo {
  const r = rng(seed);
  const track = new Float32Array(LOOP_N);
  for (const b of bursts) {
    let t = b.start;
    while (t < b.start + b.length) {
      const click = burst(
        0.03,
        Math.floor(r() * 1e9),
        0.0008,
        0.006 + r() * 0.004,
        biquad('bandpass', 2200 + r() * 2200, 1.4),
      );
      mixInto(track, click, seconds(t), 0.5 + r() * 0.5, true);
      t += 0.07 + r() * 0.12 + (r() < 0.12 ? 0.25 : 0);
    }
  }
  const far = filterLoop(track, biquad('lowpass', 3500), biquad('highpass', 500));
  return pan(reverb(far, { mix: 0.35, damp: 0.5, wrap: true }), position);
}

/** Unintelligible murmur: band-limited noise with syllable-rate envelopes and moving formants. */
function murmur(seed: number, voices: number, spread: number): Stereo {
  const r = rng(seed);
  const out = silence(LOOP_N);
  for (let v = 0; v < voices; v++) {
    const formant = 350 + r() * 500;
    const noise = filterLoop(
      pinkNoise(LOOP_N, seed * 31 + v),
      biquad('bandpass', formant, 1.2),
      biquad('lowpass', 1400),
    );
    // Phrases of syllables (4–6 per second) separated by pauses; cycles are whole numbers.
    const syl = 48 + Math.floor(r() * 24),
      phr = 3 + Math.floor(r() * 4),
      ph = r() * 6.28;
    const voiced = multiply(noise, (t) => {
      const s = Math.max(0, Math.sin((2 * Math.PI * syl * t) / LOOP + ph * 3));
      const p = Math.max(0, Math.sin((2 * Math.PI * phr * t) / LOOP + ph));
      return s * s * Math.min(1, p * 2.5);
    });
    mixStereo(out, pan(voiced, (r() * 2 - 1) * spread), 0, 1, true);
  }
  return out;
}

function footstep(seed: number): Mono {
  const thump = multiply(sine(seconds(0.12), 85), decayEnv(0.004, 0.03));
  const scuff = burst(0.12, seed, 0.002, 0.025, biquad('lowpass', 900), biquad('highpass', 120));
  return thump.map((v, i) => v * 0.8 + (scuff[i] ?? 0) * 0.7);
}

function events(times: number[], make: (i: number) => Mono, gain = 1): Mono {
  const track = new Float32Array(LOOP_N);
  times.forEach((t, i) => mixInto(track, make(i), seconds(t), gain, true));
  return track;
}

// ---------- ambiences

function ambienceOffice(): Stereo {
  const out = bed(11, pinkNoise, biquad('lowpass', 380), biquad('highpass', 45));
  add(out, modulate(bed(13, brownNoise, biquad('bandpass', 180, 0.8)), lfo(2, 0.25)), 0.9);
  add(
    out,
    typing(
      17,
      [
        { start: 0.8, length: 2.4 },
        { start: 6.1, length: 1.6 },
        { start: 9.4, length: 1.1 },
      ],
      -0.5,
    ),
    0.22,
  );
  add(out, typing(19, [{ start: 3.9, length: 1.3 }], 0.6), 0.14);
  add(out, murmur(23, 2, 0.8), 0.5);
  return out;
}

function ambiencePhone(): Stereo {
  // An open space: more colleagues on the phone, more typing, same ventilation.
  const out = bed(31, pinkNoise, biquad('lowpass', 420), biquad('highpass', 45));
  add(out, modulate(bed(33, brownNoise, biquad('bandpass', 200, 0.8)), lfo(3, 0.2)), 0.8);
  add(out, murmur(37, 5, 0.9), 1.3);
  add(
    out,
    typing(
      41,
      [
        { start: 0.2, length: 3.1 },
        { start: 5.0, length: 2.2 },
        { start: 8.7, length: 2.5 },
      ],
      -0.4,
    ),
    0.26,
  );
  add(
    out,
    typing(
      43,
      [
        { start: 2.6, length: 2.0 },
        { start: 7.4, length: 1.5 },
      ],
      0.7,
    ),
    0.16,
  );
  return out;
}

function ambienceShop(): Stereo {
  const out = bed(51, pinkNoise, biquad('lowpass', 700), biquad('highpass', 60));
  add(out, murmur(53, 8, 1), 1.8);
  // Checkout scanner beeps far away, and a trolley rattling past.
  const beep = (i: number) => fadeInOut(scale(sine(seconds(0.11), i % 2 ? 1850 : 1790), 0.5), 0.005, 0.03);
  const beeps = reverb(filterLoop(events([2.1, 2.6, 7.8, 10.3], beep), biquad('lowpass', 2500)), {
    mix: 0.5,
    size: 1.4,
    wrap: true,
  });
  add(out, pan(beeps, 0.6), 0.12);
  const rattle = filterLoop(
    multiply(whiteNoise12(57), (t) => {
      const w = Math.exp(-(((t - 5) / 1.2) ** 2));
      return w * (0.6 + 0.4 * Math.sin(2 * Math.PI * 23 * t) ** 2);
    }),
    biquad('bandpass', 1200, 0.9),
    biquad('lowpass', 2500),
  );
  add(out, pan(rattle, -0.6), 0.35);
  return out;
}

function whiteNoise12(seed: number): Mono {
  const r = rng(seed);
  return new Float32Array(LOOP_N).map(() => r() * 2 - 1);
}

function ambienceHome(): Stereo {
  const out = bed(61, pinkNoise, biquad('lowpass', 300), biquad('highpass', 40));
  // Fridge hum (50 Hz mains, whole cycles per loop) and a clock ticking once a second.
  const hum = new Float32Array(LOOP_N).map((_, i) => {
    const t = i / SAMPLE_RATE;
    return 0.5 * Math.sin(2 * Math.PI * 100 * t) + 0.25 * Math.sin(2 * Math.PI * 150 * t);
  });
  add(out, pan(multiply(hum, lfo(1, 0.5)), 0.4), 0.012);
  const tick = (i: number) => burst(0.04, 600 + i, 0.0005, 0.004, biquad('bandpass', i % 2 ? 3200 : 2600, 3));
  add(
    out,
    pan(
      reverb(
        events(
          Array.from({ length: LOOP }, (_, i) => i + 0.25),
          tick,
        ),
        { mix: 0.3, wrap: true },
      ),
      0.7,
    ),
    0.35,
  );
  // Birds outside the window: short rising-falling chirps, muffled by the glass.
  const r = rng(67);
  const chirp = () => {
    const f0 = 3000 + r() * 1500,
      len = 0.05 + r() * 0.06;
    return multiply(
      sweep(seconds(len), (t) => f0 + 1800 * Math.sin((Math.PI * t) / len)),
      (t) => Math.sin((Math.PI * t) / len) ** 2,
    );
  };
  const birdTimes: number[] = [];
  for (const start of [1.3, 4.6, 8.2])
    for (let k = 0; k < 3 + Math.floor(r() * 3); k++) birdTimes.push(start + k * (0.11 + r() * 0.08));
  add(out, pan(filterLoop(events(birdTimes, chirp), biquad('lowpass', 5000)), -0.7), 0.05);
  return out;
}

function ambienceBank(): Stereo {
  const out = bed(71, pinkNoise, biquad('lowpass', 450), biquad('highpass', 50));
  add(out, modulate(bed(73, brownNoise, biquad('bandpass', 220, 0.7)), lfo(1, 0.3)), 0.7);
  add(out, murmur(75, 3, 0.9), 0.6);
  // Footsteps crossing the agency behind the glass.
  const steps = reverb(
    filterLoop(
      events([2.0, 2.55, 3.1, 3.65, 4.2, 4.75, 9.0, 9.6, 10.2], (i) => footstep(800 + i)),
      biquad('lowpass', 1200),
    ),
    { mix: 0.45, size: 1.3, wrap: true },
  );
  add(out, pan(steps, -0.3), 0.18);
  const paper = burst(0.35, 79, 0.02, 0.12, biquad('highpass', 1500), biquad('lowpass', 6000));
  add(
    out,
    pan(
      events([6.6], () => paper),
      0.5,
    ),
    0.05,
  );
  return out;
}

function ambiencePlant(): Stereo {
  const out = bed(81, brownNoise, biquad('lowpass', 260), biquad('highpass', 30));
  // Motors and mains hum, heard through the office window (hence the low-pass).
  const hum = new Float32Array(LOOP_N).map((_, i) => {
    const t = i / SAMPLE_RATE;
    return (
      0.6 * Math.sin(2 * Math.PI * 50 * t) +
      0.4 * Math.sin(2 * Math.PI * 100 * t) +
      0.2 * Math.sin(2 * Math.PI * 150 * t) +
      0.12 * Math.sin(2 * Math.PI * 297.5 * t + 0.6 * Math.sin((2 * Math.PI * 2 * t) / LOOP))
    );
  });
  add(out, { left: scale(hum, 0.055), right: scale(hum, 0.05) }, 1);
  // Conveyor: a metallic clank every 1.5 s (8 per loop) and a rolling rumble.
  const clank = (i: number) =>
    strike(0.4, [
      { freq: 420 + (i % 2) * 37, amp: 0.5, decay: 0.08 },
      { freq: 1130, amp: 0.3, decay: 0.05 },
      { freq: 2310, amp: 0.2, decay: 0.03 },
    ]);
  const clanks = filterLoop(
    events(
      Array.from({ length: 8 }, (_, i) => i * 1.5 + 0.3),
      clank,
    ),
    biquad('lowpass', 1400),
  );
  add(out, pan(reverb(clanks, { mix: 0.5, size: 1.6, wrap: true }), -0.4), 0.12);
  add(out, modulate(bed(85, pinkNoise, biquad('bandpass', 600, 0.7), biquad('lowpass', 1200)), lfo(8, 0.35)), 0.5);
  return out;
}

function ambienceMeetingRoom(): Stereo {
  const out = bed(91, pinkNoise, biquad('lowpass', 320), biquad('highpass', 40));
  add(out, modulate(bed(93, brownNoise, biquad('bandpass', 160, 0.7)), lfo(1, 0.2)), 0.8);
  // The screen's cooling fan: a soft, slightly tonal whirr.
  add(out, pan(filterLoop(pinkNoise(LOOP_N, 95), biquad('bandpass', 820, 6)), 0.5), 0.08);
  // Someone walks past in the corridor and a door closes, far away.
  const steps = filterLoop(
    events([3.0, 3.55, 4.1, 4.65, 5.2], (i) => footstep(900 + i)),
    biquad('lowpass', 700),
  );
  add(out, pan(reverb(steps, { mix: 0.5, size: 1.4, wrap: true }), -0.6), 0.1);
  const door = filterLoop(
    events([7.4], () => multiply(sine(seconds(0.3), 70), decayEnv(0.004, 0.07))),
    biquad('lowpass', 400),
  );
  add(out, pan(reverb(door, { mix: 0.5, size: 1.5, wrap: true }), -0.5), 0.12);
  return out;
}

// ---------- UI

function monoOf(x: Mono): Stereo {
  return { left: x, right: x };
}

function uiClick(): Stereo {
  const tick = burst(0.04, 101, 0.0005, 0.004, biquad('bandpass', 3000, 1.2));
  const body = multiply(sine(seconds(0.04), 1600), decayEnv(0.001, 0.008));
  return monoOf(tick.map((v, i) => v * 0.5 + (body[i] ?? 0) * 0.6));
}

function blip(freq: number, len: number, gain = 1): Mono {
  const n = seconds(len);
  const base = sine(n, freq),
    second = sine(n, freq * 2);
  return multiply(
    base.map((v, i) => (v + 0.25 * (second[i] ?? 0)) * gain),
    decayEnv(0.004, len / 3.5),
  );
}

function uiSelect(): Stereo {
  const out = new Float32Array(seconds(0.2));
  mixInto(out, blip(880, 0.1), 0);
  mixInto(out, blip(1318.5, 0.12, 0.9), seconds(0.06));
  return monoOf(out);
}

function whoosh(len: number, from: number, to: number, seed: number): Mono {
  const n = seconds(len);
  const noise = filter(pinkNoise(n, seed), biquad('bandpass', (from + to) / 2, 0.7));
  const tone = sweep(n, (t) => from + ((to - from) * t) / len);
  return multiply(
    noise.map((v, i) => v * 0.6 + (tone[i] ?? 0) * 0.35),
    (t) => Math.sin((Math.PI * t) / len) ** 2,
  );
}

const uiOpen = () => monoOf(whoosh(0.22, 420, 940, 111));
const uiClose = () => monoOf(whoosh(0.2, 900, 400, 113));

// ---------- cues

function room(x: Mono, mix = 0.22, size = 0.9): Stereo {
  const l = reverb(x, { mix, size }),
    r = reverb(x, { mix, size, seedOffset: 3 });
  return { left: l, right: r };
}

function knock(seed: number): Mono {
  const body = strike(0.25, [
    { freq: 140, amp: 0.7, decay: 0.045 },
    { freq: 265, amp: 0.45, decay: 0.035 },
    { freq: 530, amp: 0.2, decay: 0.02 },
  ]);
  const tap = burst(0.25, seed, 0.0005, 0.01, biquad('lowpass', 2200));
  return body.map((v, i) => v + (tap[i] ?? 0) * 0.6);
}

function latch(seed: number): Mono {
  const click = burst(0.15, seed, 0.0003, 0.006, biquad('highpass', 1800), biquad('lowpass', 6500));
  const ring = strike(0.15, [
    { freq: 2630, amp: 0.15, decay: 0.03 },
    { freq: 4100, amp: 0.08, decay: 0.02 },
  ]);
  return click.map((v, i) => v * 0.7 + (ring[i] ?? 0));
}

function cueDoor(): Stereo {
  const out = new Float32Array(seconds(1.8));
  [0, 0.19, 0.38].forEach((t, i) => mixInto(out, knock(201 + i), seconds(t), i === 1 ? 0.8 : 1));
  mixInto(out, latch(207), seconds(0.95), 0.6);
  const swing = multiply(
    filter(pinkNoise(seconds(0.7), 209), biquad('lowpass', 500)),
    (t) => Math.sin((Math.PI * t) / 0.7) ** 2,
  );
  mixInto(out, swing, seconds(1.0), 0.5);
  return room(fadeInOut(out, 0, 0.15), 0.25);
}

function cuePhoneRing(): Stereo {
  // Two-tone trill (alternating pitches 20 times a second) in two bursts, like a French desk phone.
  const len = 3.8;
  const n = seconds(len);
  const tones = [784, 988];
  const bursts = [
    [0.05, 1.45],
    [2.35, 3.65],
  ] as const;
  let phase = 0;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const t = i / SAMPLE_RATE;
    const f = tones[Math.floor(t * 20) % 2] ?? 784;
    phase += (2 * Math.PI * f) / SAMPLE_RATE;
    let g = 0;
    for (const [a, b] of bursts) if (t >= a && t < b) g = Math.min(1, (t - a) / 0.02, (b - t) / 0.04);
    out[i] = g * (Math.sin(phase) + 0.3 * Math.sin(3 * phase) + 0.12 * Math.sin(5 * phase));
  }
  return room(filter(out, biquad('lowpass', 3200)), 0.15, 0.7);
}

function mallet(freq: number, len = 0.9): Mono {
  return strike(
    len,
    [
      { freq, amp: 0.6, decay: 0.35 },
      { freq: freq * 2, amp: 0.18, decay: 0.12 },
      { freq: freq * 3.98, amp: 0.07, decay: 0.05 },
    ],
    0.004,
  );
}

function cuePositive(): Stereo {
  const out = new Float32Array(seconds(1.1));
  [523.25, 659.26, 783.99].forEach((f, i) => mixInto(out, mallet(f), seconds(i * 0.075), 1 - i * 0.1));
  return room(out, 0.25);
}

function cueNegative(): Stereo {
  // Two low, round notes falling a minor third: noticeable, never a buzzer.
  const out = new Float32Array(seconds(1.0));
  const note = (f: number) =>
    filter(
      strike(
        0.8,
        [
          { freq: f, amp: 0.6, decay: 0.3 },
          { freq: f * 2, amp: 0.1, decay: 0.1 },
        ],
        0.012,
      ),
      biquad('lowpass', 1200),
    );
  mixInto(out, note(329.63), 0);
  mixInto(out, note(277.18), seconds(0.16), 0.9);
  return room(out, 0.22);
}

function cueDiscovery(): Stereo {
  const out = new Float32Array(seconds(0.8));
  // A quick pencil stroke, then a bright two-note ping: "noted in the notebook".
  const scratch = multiply(
    filter(whiteNoise12(301).subarray(0, seconds(0.12)), biquad('bandpass', 4500, 1.5)),
    (t) => Math.sin((Math.PI * t) / 0.12) * (0.6 + 0.4 * Math.sin(2 * Math.PI * 40 * t)),
  );
  mixInto(out, scratch, 0, 0.35);
  mixInto(out, mallet(1318.5, 0.6), seconds(0.1), 0.6);
  mixInto(out, mallet(1975.5, 0.6), seconds(0.17), 0.45);
  return room(out, 0.2);
}

function pad(freqs: number[], len: number, attack: number, release: number, detuneCents = 0): Mono {
  const n = seconds(len);
  const out = new Float32Array(n);
  freqs.forEach((f, k) => {
    const drift = (t: number) => f * Math.pow(2, (detuneCents * t) / len / 1200);
    const a = sweep(n, drift, k),
      b = sweep(n, (t) => drift(t) * 1.003, k * 2);
    for (let i = 0; i < n; i++) out[i] = (out[i] ?? 0) + (((a[i] ?? 0) + (b[i] ?? 0)) * 0.5) / freqs.length;
  });
  return fadeInOut(out, attack, release);
}

function cueDeal(): Stereo {
  const out = new Float32Array(seconds(2.0));
  mixInto(out, filter(pad([261.63, 329.63, 392, 493.88, 587.33], 2.0, 0.06, 1.2), biquad('lowpass', 2500)), 0, 0.9);
  [523.25, 659.26, 783.99, 1046.5].forEach((f, i) => mixInto(out, mallet(f, 1.2), seconds(0.04 + i * 0.09), 0.5));
  return room(out, 0.3, 1.1);
}

function cueNoDeal(): Stereo {
  const out = filter(pad([220, 261.63, 329.63], 1.6, 0.08, 1.0, -40), biquad('lowpass', 900));
  return room(out, 0.3, 1.1);
}

function cueWalkOut(): Stereo {
  const out = new Float32Array(seconds(1.9));
  mixInto(out, filter(footstep(401), biquad('lowpass', 1500)), seconds(0.0), 0.8);
  mixInto(out, filter(footstep(402), biquad('lowpass', 1500)), seconds(0.45), 0.7);
  const thud = multiply(sine(seconds(0.5), 62), decayEnv(0.003, 0.09));
  const slam = burst(0.5, 403, 0.001, 0.05, biquad('lowpass', 700));
  const close = thud.map((v, i) => v * 0.9 + (slam[i] ?? 0) * 0.6);
  mixInto(out, close, seconds(1.0));
  mixInto(out, latch(405), seconds(1.02), 0.5);
  return room(fadeInOut(out, 0, 0.2), 0.3, 1.2);
}

const SOUNDS: Sound[] = [
  { id: 'ambience-office', kind: 'ambience', bitrateKbps: 64, render: ambienceOffice },
  { id: 'ambience-phone', kind: 'ambience', bitrateKbps: 64, render: ambiencePhone },
  { id: 'ambience-shop', kind: 'ambience', bitrateKbps: 64, render: ambienceShop },
  { id: 'ambience-home', kind: 'ambience', bitrateKbps: 64, render: ambienceHome },
  { id: 'ambience-bank', kind: 'ambience', bitrateKbps: 64, render: ambienceBank },
  { id: 'ambience-plant', kind: 'ambience', bitrateKbps: 64, render: ambiencePlant },
  { id: 'ambience-meeting-room', kind: 'ambience', bitrateKbps: 64, render: ambienceMeetingRoom },
  { id: 'ui-click', kind: 'ui', bitrateKbps: 48, render: uiClick },
  { id: 'ui-select', kind: 'ui', bitrateKbps: 48, render: uiSelect },
  { id: 'ui-open', kind: 'ui', bitrateKbps: 48, render: uiOpen },
  { id: 'ui-close', kind: 'ui', bitrateKbps: 48, render: uiClose },
  { id: 'cue-door', kind: 'cue', bitrateKbps: 64, render: cueDoor },
  { id: 'cue-phone-ring', kind: 'cue', bitrateKbps: 48, render: cuePhoneRing },
  { id: 'cue-positive', kind: 'cue', bitrateKbps: 64, render: cuePositive },
  { id: 'cue-negative', kind: 'cue', bitrateKbps: 64, render: cueNegative },
  { id: 'cue-discovery', kind: 'cue', bitrateKbps: 64, render: cueDiscovery },
  { id: 'cue-deal', kind: 'cue', bitrateKbps: 64, render: cueDeal },
  { id: 'cue-no-deal', kind: 'cue', bitrateKbps: 64, render: cueNoDeal },
  { id: 'cue-walk-out', kind: 'cue', bitrateKbps: 64, render: cueWalkOut },
];

function main(): void {
  const root = join(import.meta.dirname, '..');
  const outDir = join(root, 'assets', 'audio');
  mkdirSync(outDir, { recursive: true });
  const wavFlag = process.argv.indexOf('--wav');
  const keepDir = wavFlag >= 0 ? process.argv[wavFlag + 1] : undefined;
  const work = keepDir ?? mkdtempSync(join(tmpdir(), 'negosim-audio-'));
  mkdirSync(work, { recursive: true });
  try {
    for (const sound of SOUNDS) {
      const ceiling = sound.kind === 'ui' ? -6 : -3;
      const master = normalise(sound.render(), TARGET[sound.kind], ceiling);
      writeFileSync(join(work, `${sound.id}.wav`), encodeWav(master));
      const loop = sound.kind === 'ambience';
      const source = join(work, `${sound.id}.source.wav`);
      writeFileSync(source, encodeWav(loop ? padLoop(master, LOOP_PAD, LOOP_PAD) : master));
      const ogg = join(outDir, `${sound.id}.ogg`);
      // Mono when both channels are identical, so Opus does not spend bits on a copy.
      const mono = master.left.every((v, i) => v === master.right[i]);
      execFileSync('ffmpeg', [
        '-hide_banner',
        '-loglevel',
        'error',
        '-y',
        '-i',
        source,
        '-c:a',
        'libopus',
        '-b:a',
        `${sound.bitrateKbps}k`,
        '-vbr',
        'on',
        '-application',
        'audio',
        ...(mono ? ['-ac', '1'] : []),
        '-map_metadata',
        '-1',
        '-fflags',
        '+bitexact',
        '-flags:a',
        '+bitexact',
        ogg,
      ]);
      if (loop) writeFileSync(ogg, trimOggOpus(readFileSync(ogg), LOOP_PAD, master.left.length));
      const secs = master.left.length / SAMPLE_RATE;
      console.log(
        `${sound.id.padEnd(24)} ${secs.toFixed(2).padStart(6)} s  ${integratedLoudness(master).toFixed(1).padStart(6)} LUFS  ${String(statSync(ogg).size).padStart(7)} bytes`,
      );
    }
  } finally {
    if (!keepDir) rmSync(work, { recursive: true, force: true });
  }
}

main();
