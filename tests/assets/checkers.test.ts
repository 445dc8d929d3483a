// The asset tests are only as good as their own readers: these feed them broken input to show
// they do fail, and check the synthesiser's loudness meter against the BS.1770 reference.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeWav, integratedLoudness, SAMPLE_RATE, seconds, sine } from '../../scripts/lib/audio-synth.ts';
import { ASSETS_DIR } from './asset-files.ts';
import { oggCrc, readAudio, readOgg, readWav } from './audio-headers.ts';
import { parseXml } from './xml.ts';

describe('XML reader', () => {
  it.each([
    ['unclosed element', '<svg><g></svg>'],
    ['mismatched closing tag', '<svg><g></path></svg>'],
    ['unquoted attribute', '<svg width=10/>'],
    ['duplicate attribute', '<svg a="1" a="2"/>'],
    ['bare ampersand', '<svg><title>A & B</title></svg>'],
    ['two roots', '<svg/><svg/>'],
    ['doctype', '<!DOCTYPE svg [<!ENTITY x "y">]><svg/>'],
    ['text after the root', '<svg/>oops'],
  ])('rejects %s', (_, source) => {
    expect(() => parseXml(source)).toThrow();
  });

  it('accepts comments, declarations, entities and nesting', () => {
    const root = parseXml('<?xml version="1.0"?>\n<!-- c --><svg a="x &amp; y"><g><path d="M0 0"/></g>t&#233;</svg>');
    expect(root.name).toBe('svg');
    expect(root.children[0]?.children[0]?.name).toBe('path');
  });
});

describe('audio readers', () => {
  it('read the duration of a WAV written by the synthesiser', () => {
    const wav = encodeWav({ left: sine(seconds(1.5), 440), right: sine(seconds(1.5), 440) });
    const info = readWav(wav);
    expect(info).toMatchObject({ channels: 2, sampleRate: SAMPLE_RATE });
    expect(info.durationSec).toBeCloseTo(1.5, 6);
  });

  it('reject a truncated WAV and a file of another kind', () => {
    const mono = sine(seconds(0.2), 440);
    const wav = encodeWav({ left: mono, right: mono });
    expect(() => readWav(wav.subarray(0, 100))).toThrow();
    expect(() => readAudio(Buffer.from('ID3\u0003 not audio'))).toThrow();
  });

  it('compute the Ogg CRC of the specification (check value of "123456789")', () => {
    expect(oggCrc(new TextEncoder().encode('123456789')).toString(16)).toBe('89a1897f');
  });

  it('reject an Ogg file with one flipped byte or cut short', () => {
    const good = readFileSync(join(ASSETS_DIR, 'audio/ui-click.ogg'));
    expect(readOgg(good).codec).toBe('opus');
    const flipped = Buffer.from(good);
    flipped[flipped.length - 10] = (flipped[flipped.length - 10] ?? 0) ^ 0xff;
    expect(() => readOgg(flipped)).toThrow(/CRC/);
    expect(() => readOgg(good.subarray(0, good.length - 5))).toThrow();
  });
});

describe('loudness meter', () => {
  it('reads a -20 dBFS 1 kHz tone on both channels as -20 LUFS (BS.1770 calibration)', () => {
    const tone = sine(seconds(3), 1000).map((v) => v * 0.1);
    expect(integratedLoudness({ left: tone, right: tone })).toBeCloseTo(-20, 1);
  });

  it('gates silence out (an ungated mean would read about -24.8 LUFS here)', () => {
    const tone = sine(seconds(2), 1000).map((v) => v * 0.1);
    const padded = new Float32Array(seconds(6));
    padded.set(tone, seconds(2));
    const lufs = integratedLoudness({ left: padded, right: padded });
    // Blocks straddling the tone's edges pass the relative gate, so a little below -20 is right.
    expect(lufs).toBeGreaterThan(-21);
    expect(lufs).toBeLessThan(-19.9);
  });
});
