// Small DSP toolkit for NegoSim's synthesised sounds (scripts/generate-audio.ts).
// Only Node built-ins: every sound must be reproducible from this repository alone, with a
// seeded generator so that regenerating gives the same files bit for bit.

import { oggCrc } from './ogg-crc.ts';
export const SAMPLE_RATE = 48_000; // Opus works at 48 kHz; synthesising there avoids resampling.

export type Mono = Float32Array;
export interface Stereo {
  left: Float32Array;
  right: Float32Array;
}

export function seconds(s: number): number {
  return Math.round(s * SAMPLE_RATE);
}

/** Mulberry32: tiny, fast and good enough for noise; seeded so the output is reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function whiteNoise(length: number, seed: number): Mono {
  const r = rng(seed);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = r() * 2 - 1;
  return out;
}

/** Pink noise (Paul Kellet's economy filter): rooms and air sound pink, not white. */
export function pinkNoise(length: number, seed: number): Mono {
  const white = whiteNoise(length, seed);
  const out = new Float32Array(length);
  let b0 = 0,
    b1 = 0,
    b2 = 0;
  for (let i = 0; i < length; i++) {
    const w = white[i] ?? 0;
    b0 = 0.99765 * b0 + w * 0.099046;
    b1 = 0.963 * b1 + w * 0.2965164;
    b2 = 0.57 * b2 + w * 1.0526913;
    out[i] = (b0 + b1 + b2 + w * 0.1848) * 0.2;
  }
  return out;
}

/** Brown noise: a leaky integrator of white noise, for rumble and ventilation. */
export function brownNoise(length: number, seed: number): Mono {
  const white = whiteNoise(length, seed);
  const out = new Float32Array(length);
  let last = 0;
  for (let i = 0; i < length; i++) {
    last = (last + 0.02 * (white[i] ?? 0)) * 0.995;
    out[i] = last * 3.5;
  }
  return out;
}

export interface Biquad {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

export type FilterKind = 'lowpass' | 'highpass' | 'bandpass' | 'peaking';

/** RBJ audio-EQ-cookbook coefficients. */
export function biquad(kind: FilterKind, freq: number, q = Math.SQRT1_2, gainDb = 0): Biquad {
  const w0 = (2 * Math.PI * freq) / SAMPLE_RATE;
  const cos = Math.cos(w0);
  const alpha = Math.sin(w0) / (2 * q);
  const A = Math.pow(10, gainDb / 40);
  let b0: number, b1: number, b2: number, a0: number, a1: number, a2: number;
  switch (kind) {
    case 'lowpass':
      b0 = (1 - cos) / 2;
      b1 = 1 - cos;
      b2 = (1 - cos) / 2;
      a0 = 1 + alpha;
      a1 = -2 * cos;
      a2 = 1 - alpha;
      break;
    case 'highpass':
      b0 = (1 + cos) / 2;
      b1 = -(1 + cos);
      b2 = (1 + cos) / 2;
      a0 = 1 + alpha;
      a1 = -2 * cos;
      a2 = 1 - alpha;
      break;
    case 'bandpass':
      b0 = alpha;
      b1 = 0;
      b2 = -alpha;
      a0 = 1 + alpha;
      a1 = -2 * cos;
      a2 = 1 - alpha;
      break;
    case 'peaking':
      b0 = 1 + alpha * A;
      b1 = -2 * cos;
      b2 = 1 - alpha * A;
      a0 = 1 + alpha / A;
      a1 = -2 * cos;
      a2 = 1 - alpha / A;
      break;
  }
  return { b0: b0 / a0, b1: b1 / a0, b2: b2 / a0, a1: a1 / a0, a2: a2 / a0 };
}

function runBiquad(x: Mono, f: Biquad, passes: number): Mono {
  const out = new Float32Array(x.length);
  let x1 = 0,
    x2 = 0,
    y1 = 0,
    y2 = 0;
  for (let p = 0; p < passes; p++) {
    for (let i = 0; i < x.length; i++) {
      const x0 = x[i] ?? 0;
      const y0 = f.b0 * x0 + f.b1 * x1 + f.b2 * x2 - f.a1 * y1 - f.a2 * y2;
      x2 = x1;
      x1 = x0;
      y2 = y1;
      y1 = y0;
      out[i] = y0;
    }
  }
  return out;
}

/** One-shot filtering (cues): the filter starts at rest. */
export function filter(x: Mono, ...stages: Biquad[]): Mono {
  return stages.reduce((acc, f) => runBiquad(acc, f, 1), x);
}

/**
 * Filtering for loops: the signal is run through twice and the second pass kept, so the filter
 * state at the start equals the state at the end and the loop point has no click.
 */
export function filterLoop(x: Mono, ...stages: Biquad[]): Mono {
  return stages.reduce((acc, f) => runBiquad(acc, f, 2), x);
}

/** Adds `src` into `dst` at `offset` samples; with `wrap` the tail continues at the start (loops). */
export function mixInto(dst: Mono, src: Mono, offset: number, gain = 1, wrap = false): void {
  for (let i = 0; i < src.length; i++) {
    let j = offset + i;
    if (wrap) j = ((j % dst.length) + dst.length) % dst.length;
    else if (j < 0 || j >= dst.length) continue;
    dst[j] = (dst[j] ?? 0) + (src[i] ?? 0) * gain;
  }
}

export function scale(x: Mono, gain: number): Mono {
  return x.map((v) => v * gain);
}

export function multiply(x: Mono, env: (t: number, i: number) => number): Mono {
  return x.map((v, i) => v * env(i / SAMPLE_RATE, i));
}

/** Exponential decay envelope with a short linear attack (avoids clicks at onsets). */
export function decayEnv(attack: number, decay: number): (t: number) => number {
  return (t) => (t < attack ? t / attack : Math.exp(-(t - attack) / decay));
}

/** A sine whose frequency follows `freq(t)` (phase-accumulated, so sweeps stay smooth). */
export function sweep(length: number, freq: (t: number) => number, phase = 0): Mono {
  const out = new Float32Array(length);
  let ph = phase;
  for (let i = 0; i < length; i++) {
    out[i] = Math.sin(ph);
    ph += (2 * Math.PI * freq(i / SAMPLE_RATE)) / SAMPLE_RATE;
  }
  return out;
}

export function sine(length: number, freq: number, phase = 0): Mono {
  return sweep(length, () => freq, phase);
}

/** A struck, decaying tone made of partials: mallets, bells, knocks. */
export function strike(
  duration: number,
  partials: { freq: number; amp: number; decay: number }[],
  attack = 0.002,
): Mono {
  const n = seconds(duration);
  const out = new Float32Array(n);
  for (const p of partials) {
    const env = decayEnv(attack, p.decay);
    for (let i = 0; i < n; i++) {
      const t = i / SAMPLE_RATE;
      out[i] = (out[i] ?? 0) + Math.sin(2 * Math.PI * p.freq * t) * p.amp * env(t);
    }
  }
  return out;
}

/** A noise burst shaped by a decay envelope and filters: clicks, knocks, paper, footsteps. */
export function burst(duration: number, seed: number, attack: number, decay: number, ...stages: Biquad[]): Mono {
  const n = seconds(duration);
  return multiply(filter(whiteNoise(n, seed), ...stages), decayEnv(attack, decay));
}

export function fadeInOut(x: Mono, fadeIn: number, fadeOut: number): Mono {
  const a = seconds(fadeIn),
    b = seconds(fadeOut);
  return x.map((v, i) => {
    let g = 1;
    if (a > 0 && i < a) g *= i / a;
    if (b > 0 && i > x.length - b) g *= (x.length - i) / b;
    return v * g;
  });
}

/**
 * Schroeder reverb (four combs, two all-passes) for a sense of room. With `wrap` it is computed
 * over two periods so the tail of the loop flows into its start.
 */
export function reverb(x: Mono, { size = 1, damp = 0.3, mix = 0.25, seedOffset = 0, wrap = false } = {}): Mono {
  const combs = [1116, 1188, 1277, 1356].map((d) => Math.round((d + seedOffset * 23) * size * 2.2));
  const allpasses = [556, 441].map((d) => Math.round((d + seedOffset * 11) * size * 2.2));
  const n = x.length;
  const passes = wrap ? 2 : 1;
  const wet = new Float32Array(n);
  for (const delay of combs) {
    const buf = new Float32Array(delay);
    let idx = 0,
      lp = 0;
    for (let p = 0; p < passes; p++) {
      for (let i = 0; i < n; i++) {
        const out = buf[idx] ?? 0;
        lp = out * (1 - damp) + lp * damp;
        buf[idx] = (x[i] ?? 0) + lp * 0.8;
        idx = (idx + 1) % delay;
        if (p === passes - 1) wet[i] = (wet[i] ?? 0) + out * 0.25;
      }
    }
  }
  let y = wet;
  for (const delay of allpasses) {
    const buf = new Float32Array(delay);
    const out = new Float32Array(n);
    let idx = 0;
    for (let p = 0; p < passes; p++) {
      for (let i = 0; i < n; i++) {
        const b = buf[idx] ?? 0;
        const v = -(y[i] ?? 0) * 0.5 + b;
        buf[idx] = (y[i] ?? 0) + b * 0.5;
        idx = (idx + 1) % delay;
        out[i] = v;
      }
    }
    y = out;
  }
  return x.map((v, i) => v * (1 - mix) + (y[i] ?? 0) * mix);
}

export function stereo(left: Mono, right: Mono = left): Stereo {
  return { left, right };
}

/** Places a mono source in the stereo field (equal-power pan, -1 left … 1 right). */
export function pan(x: Mono, position: number): Stereo {
  const angle = ((position + 1) * Math.PI) / 4;
  return { left: scale(x, Math.cos(angle)), right: scale(x, Math.sin(angle)) };
}

export function mixStereo(dst: Stereo, src: Stereo, offset = 0, gain = 1, wrap = false): void {
  mixInto(dst.left, src.left, offset, gain, wrap);
  mixInto(dst.right, src.right, offset, gain, wrap);
}

export function silence(length: number): Stereo {
  return { left: new Float32Array(length), right: new Float32Array(length) };
}

export function peak(s: Stereo): number {
  let m = 0;
  for (const ch of [s.left, s.right]) for (const v of ch) m = Math.max(m, Math.abs(v));
  return m;
}

/**
 * Integrated loudness (ITU-R BS.1770-4: K-weighting, 400 ms blocks overlapping by 75 %,
 * absolute gate at -70 LUFS and relative gate at -10 LU). Coefficients are the 48 kHz ones
 * from the recommendation. Sounds shorter than one block are padded with silence, so short
 * cues read a little quieter than they sound: enough for relative levels.
 */
export function integratedLoudness(s: Stereo): number {
  const pre: Biquad = {
    b0: 1.53512485958697,
    b1: -2.69169618940638,
    b2: 1.19839281085285,
    a1: -1.69065929318241,
    a2: 0.73248077421585,
  };
  const rlb: Biquad = { b0: 1, b1: -2, b2: 1, a1: -1.99004745483398, a2: 0.99007225036621 };
  const block = seconds(0.4),
    hop = seconds(0.1);
  const channels = [s.left, s.right].map((ch) => {
    const padded = new Float32Array(Math.max(ch.length, block));
    padded.set(ch);
    return filter(padded, pre, rlb);
  });
  const len = channels[0]?.length ?? 0;
  const powers: number[] = [];
  for (let start = 0; start + block <= len; start += hop) {
    let sum = 0;
    for (const ch of channels) {
      let acc = 0;
      for (let i = start; i < start + block; i++) acc += (ch[i] ?? 0) ** 2;
      sum += acc / block;
    }
    powers.push(sum);
  }
  const lufs = (p: number) => -0.691 + 10 * Math.log10(p);
  const absGated = powers.filter((p) => lufs(p) > -70);
  if (absGated.length === 0) return -Infinity;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const relThreshold = lufs(mean(absGated)) - 10;
  const relGated = absGated.filter((p) => lufs(p) > relThreshold);
  return lufs(mean(relGated));
}

/** Sets the loudness to `targetLufs`, then lowers it further if the peak would pass `ceilingDb`. */
export function normalise(s: Stereo, targetLufs: number, ceilingDb = -1): Stereo {
  const current = integratedLoudness(s);
  let gain = Math.pow(10, (targetLufs - current) / 20);
  const ceiling = Math.pow(10, ceilingDb / 20);
  const p = peak(s) * gain;
  if (p > ceiling) gain *= ceiling / p;
  return { left: scale(s.left, gain), right: scale(s.right, gain) };
}

/** 16-bit PCM WAV, mono when both channels are the same array, stereo otherwise. */
export function encodeWav(s: Stereo): Buffer {
  const mono = s.left === s.right;
  const channels = mono ? 1 : 2;
  const frames = s.left.length;
  const data = Buffer.alloc(frames * channels * 2);
  const clamp = (v: number) => Math.max(-32768, Math.min(32767, Math.round(v * 32767)));
  for (let i = 0; i < frames; i++) {
    if (mono) data.writeInt16LE(clamp(s.left[i] ?? 0), i * 2);
    else {
      data.writeInt16LE(clamp(s.left[i] ?? 0), i * 4);
      data.writeInt16LE(clamp(s.right[i] ?? 0), i * 4 + 2);
    }
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * channels * 2, 28);
  header.writeUInt16LE(channels * 2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

// ---------- seamless Ogg Opus loops
// A lossy encoder sees silence before the first sample and after the last one, so a decoded loop
// fades at its end and starts off-target: a click at every repeat. Encoding the loop with its own
// tail before it and its head after it gives the codec the real context; the Ogg stream is then
// told to drop that padding (a larger pre-skip, and an end-trimming granule position on the last
// page, both defined by RFC 7845), so decoders output exactly one period.

/** Prepends the last `before` samples and appends the first `after` samples of a loop. */
export function padLoop(s: Stereo, before: number, after: number): Stereo {
  const pad = (x: Mono) => {
    const out = new Float32Array(before + x.length + after);
    out.set(x.subarray(x.length - before), 0);
    out.set(x, before);
    out.set(x.subarray(0, after), before + x.length);
    return out;
  };
  return s.left === s.right ? { left: pad(s.left), right: pad(s.left) } : { left: pad(s.left), right: pad(s.right) };
}

/**
 * Rewrites an Ogg Opus file encoded from `padLoop(loop, skip, n)` output so that it plays only
 * the `keep` samples after the first `skip` ones. Opus granule positions count 48 kHz samples.
 */
export function trimOggOpus(ogg: Buffer, skip: number, keep: number): Buffer {
  const pages: Buffer[] = [];
  for (let off = 0; off < ogg.length;) {
    if (ogg.toString('latin1', off, off + 4) !== 'OggS') throw new Error(`no Ogg page at byte ${off}`);
    const segments = ogg[off + 26] ?? 0;
    let body = 0;
    for (let k = 0; k < segments; k++) body += ogg[off + 27 + k] ?? 0;
    const end = off + 27 + segments + body;
    pages.push(Buffer.from(ogg.subarray(off, end)));
    off = end;
  }
  const head = pages[0];
  if (!head || head.toString('latin1', 28, 36) !== 'OpusHead') throw new Error('not an Ogg Opus stream');
  const headerStart = 27 + (head[26] ?? 0);
  const preSkip = head.readUInt16LE(headerStart + 10) + skip;
  if (preSkip > 0xffff) throw new Error('padding too long for the Opus pre-skip field');
  head.writeUInt16LE(preSkip, headerStart + 10);
  const target = BigInt(preSkip + keep);
  const out: Buffer[] = [];
  for (const page of pages) {
    const granule = page.readBigInt64LE(6);
    out.push(page);
    if (granule !== -1n && granule >= target && page !== head && out.length > 2) {
      page.writeBigInt64LE(target, 6);
      page[5] = (page[5] ?? 0) | 0x04; // end of stream
      break;
    }
  }
  for (const page of out) {
    page.writeUInt32LE(0, 22);
    page.writeUInt32LE(oggCrc(page), 22);
  }
  return Buffer.concat(out);
}
