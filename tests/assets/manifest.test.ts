// The manifest is the game's only view of the assets: it must name every file, with the right
// size, and cover every id the scenario format lets a teacher write.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPRESSIONS, GESTURES, LookSchema, SETTINGS } from '../../src/core/scenario/format.ts';
import { ASSETS_DIR, filesUnder, loadManifest, manifestFiles, sizeOf } from './asset-files.ts';

const manifest = loadManifest();
const look = LookSchema.shape;
const SKINS = look.skin.unwrap().options;
const HAIRS = look.hair.unwrap().options;
const HAIR_COLORS = look.hairColor.unwrap().options;
const OUTFITS = look.outfit.unwrap().options;
const HEX = /^#[0-9a-f]{6}$/;

describe('manifest and files on disk', () => {
  const listed = manifestFiles(manifest);

  it('lists every image and sound on disk exactly once', () => {
    const onDisk = [...filesUnder('images'), ...filesUnder('audio')].sort();
    const files = listed.map((f) => f.file);
    expect(new Set(files).size).toBe(files.length);
    expect([...new Set(files)].sort()).toEqual(onDisk);
  });

  it('records the real size of each file', () => {
    const wrong = listed
      .filter((f) => sizeOf(f.file) !== f.bytes)
      .map((f) => `${f.file}: manifest ${f.bytes}, disk ${sizeOf(f.file)}`);
    expect(wrong).toEqual([]);
  });

  it('names each character layer after its file', () => {
    const layers = [
      ...Object.values(manifest.character.parts.hair),
      ...Object.values(manifest.character.parts.hairBack),
      ...Object.values(manifest.character.parts.body),
      ...Object.values(manifest.character.parts.face),
      manifest.character.parts.head,
      manifest.character.parts.neck,
      manifest.character.parts.glasses,
      ...Object.values(manifest.character.poses).flatMap((p) => p.layers),
    ];
    for (const layer of layers) expect(layer.file).toBe(`images/character/${layer.id}.svg`);
  });
});

describe('every id of the scenario format has its asset', () => {
  it('settings, each with an existing ambience', () => {
    expect(Object.keys(manifest.settings).sort()).toEqual([...SETTINGS].sort());
    for (const id of SETTINGS) {
      const s = manifest.settings[id];
      expect(s.file).toBe(`images/settings/${id}.svg`);
      expect(existsSync(join(ASSETS_DIR, s.file))).toBe(true);
      expect(manifest.audio[s.ambience], `${id} → ${s.ambience}`).toBeDefined();
      expect(s.ambience).toBe(`ambience-${id}`);
    }
  });

  it('expressions', () => {
    expect(Object.keys(manifest.character.parts.face).sort()).toEqual([...EXPRESSIONS].sort());
    for (const e of EXPRESSIONS) expect(existsSync(join(ASSETS_DIR, `images/character/face-${e}.svg`)), e).toBe(true);
  });

  it('gestures: each is a pose with its layers on disk, a tween, or both', () => {
    expect(Object.keys(manifest.character.gestures).sort()).toEqual([...GESTURES].sort());
    for (const g of GESTURES) {
      const spec = manifest.character.gestures[g];
      expect(spec.pose !== undefined || spec.tween !== undefined, g).toBe(true);
      if (spec.pose) {
        const pose = manifest.character.poses[spec.pose];
        expect(pose, `${g} → ${spec.pose}`).toBeDefined();
        expect(pose.layers.some((l) => l.id === `arms-${spec.pose}` && l.tint === 'sleeve')).toBe(true);
        expect(pose.layers.some((l) => l.id === `hands-${spec.pose}` && l.tint === 'skin')).toBe(true);
      }
      for (const frame of spec.tween?.frames ?? []) expect(frame.duration).toBeGreaterThan(0);
    }
    // Pose gestures are named after their pose, so arms-{gesture}.svg exists for each of them.
    for (const g of GESTURES.filter((x) => manifest.character.gestures[x].pose && x !== 'none')) {
      expect(existsSync(join(ASSETS_DIR, `images/character/arms-${g}.svg`)), g).toBe(true);
    }
  });

  it('look options: skins and hair colours are palettes, hair styles and outfits are files', () => {
    const { palettes, parts } = manifest.character;
    expect(Object.keys(palettes.skin).sort()).toEqual([...SKINS].sort());
    expect(Object.keys(palettes.hairColor).sort()).toEqual([...HAIR_COLORS].sort());
    for (const c of [...Object.values(palettes.skin), ...Object.values(palettes.hairColor)]) expect(c).toMatch(HEX);
    expect(Object.keys(parts.hair).sort()).toEqual([...HAIRS].sort());
    for (const h of HAIRS) expect(parts.hair[h].tint).toBe('hairColor');
    for (const back of Object.values(parts.hairBack)) expect(back.tint).toBe('hairColor');
    expect(Object.keys(parts.body).sort()).toEqual([...OUTFITS].sort());
    for (const o of OUTFITS) expect(parts.body[o].sleeveTint).toMatch(HEX);
    expect(look.glasses.unwrap().type).toBe('boolean');
    expect(existsSync(join(ASSETS_DIR, parts.glasses.file))).toBe(true);
    expect(parts.head.tint).toBe('skin');
    expect(parts.neck.tint).toBe('skin');
  });

  it('defaults are valid options', () => {
    const d = manifest.character.defaults;
    expect(SKINS).toContain(d.skin);
    expect(HAIRS).toContain(d.hair);
    expect(HAIR_COLORS).toContain(d.hairColor);
    expect(OUTFITS).toContain(d.outfit);
    expect(EXPRESSIONS).toContain(d.expression);
    expect(Object.keys(manifest.character.poses)).toContain(d.pose);
  });
});

describe('composition data', () => {
  const c = manifest.character;

  it('layer order names each slot once, and head slots are among them', () => {
    expect(new Set(c.layerOrder).size).toBe(c.layerOrder.length);
    expect(c.layerOrder).toEqual(['hairBack', 'neck', 'body', 'head', 'face', 'hair', 'glasses', 'pose']);
    for (const s of c.headSlots) expect(c.layerOrder).toContain(s);
  });

  it('anchors lie inside the character view box', () => {
    for (const [name, p] of Object.entries(c.anchors)) {
      expect(p.x, name).toBeGreaterThanOrEqual(0);
      expect(p.x, name).toBeLessThanOrEqual(c.width);
      expect(p.y, name).toBeGreaterThanOrEqual(0);
      expect(p.y, name).toBeLessThanOrEqual(c.height);
    }
    expect(c.viewBox).toBe(`0 0 ${c.width} ${c.height}`);
  });

  it("the placement puts the character inside every setting's calm client area", () => {
    const left = c.placement.x - c.width * c.placement.originX * c.placement.scale;
    const top = c.placement.y - c.height * c.placement.originY * c.placement.scale;
    for (const s of Object.values(manifest.settings)) {
      expect(left).toBeGreaterThanOrEqual(s.clientArea.x);
      expect(top).toBeGreaterThanOrEqual(s.clientArea.y);
      expect(left + c.width * c.placement.scale).toBeLessThanOrEqual(s.clientArea.x + s.clientArea.width);
      expect(top + c.height * c.placement.scale).toBeLessThanOrEqual(s.clientArea.y + s.clientArea.height);
    }
  });
});
