// Sounds are shipped files (see docs/game.md, "Sound"): these checks read each file's container
// and codec headers and hold each sound to its role (loops long enough not to repeat, cues
// short, totals small).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../../src/core/scenario/format.ts';
import type { AudioId } from '../../assets/manifest.types.ts';
import { ASSETS_DIR, filesUnder, loadManifest } from './asset-files.ts';
import { readAudio } from './audio-headers.ts';

const manifest = loadManifest();

const REQUIRED: AudioId[] = [
  ...SETTINGS.map((s) => `ambience-${s}` as const),
  'ui-click',
  'ui-select',
  'ui-open',
  'ui-close',
  'cue-door',
  'cue-phone-ring',
  'cue-positive',
  'cue-negative',
  'cue-discovery',
  'cue-deal',
  'cue-no-deal',
  'cue-walk-out',
];

function bounds(id: string, kind: string): [number, number] {
  if (kind === 'ambience') return [8, 15];
  if (kind === 'ui') return [0.01, 0.5];
  if (id === 'cue-phone-ring') return [1, 4];
  return [0.1, 2];
}

describe('audio files', () => {
  it('every sound the game needs is in the manifest', () => {
    expect(Object.keys(manifest.audio).sort()).toEqual([...REQUIRED].sort());
  });

  describe.each(Object.entries(manifest.audio))('%s', (id, entry) => {
    const path = join(ASSETS_DIR, entry.file);
    const buf = readFileSync(path);

    it('is a non-empty Ogg Opus file with the declared channels', async () => {
      const info = await readAudio(path);
      expect(buf.length).toBeGreaterThan(200);
      expect(entry.file).toBe(`audio/${id}.ogg`);
      expect(info.container).toBe('ogg');
      expect(info.codec).toBe(entry.codec);
      expect(info.channels).toBe(entry.channels);
    });

    it('lasts what the manifest says, within the bounds of its kind', async () => {
      const info = await readAudio(path);
      const [min, max] = bounds(id, entry.kind);
      expect(info.durationSec).toBeGreaterThanOrEqual(min);
      expect(info.durationSec).toBeLessThanOrEqual(max);
      expect(Math.abs(info.durationSec - entry.durationSec)).toBeLessThan(0.01);
    });

    it('is looped only when it is an ambience, and levelled for its role', () => {
      expect(entry.loop).toBe(entry.kind === 'ambience');
      if (entry.kind === 'ambience') expect(entry.loudnessLufs).toBeCloseTo(-30, 0);
      else expect(entry.loudnessLufs).toBeLessThanOrEqual(-18);
      expect(entry.suggestedVolume).toBeGreaterThan(0);
      expect(entry.suggestedVolume).toBeLessThanOrEqual(1);
    });
  });

  it('all sounds together stay under the budget', () => {
    const total = filesUnder('audio').reduce((sum, f) => sum + readFileSync(join(ASSETS_DIR, f)).length, 0);
    expect(total).toBeLessThan(manifest.budgets.audioBytes);
    expect(manifest.budgets.audioBytes).toBeLessThanOrEqual(1_500_000);
  });
});
