// Every SVG must be safe to load anywhere (no script, no network, no bitmap, no font) and must
// stack exactly: layers of one kind share a view box, and tinted layers carry no colour of
// their own, because a multiply tint would turn it muddy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASSETS_DIR, filesUnder, loadManifest } from './asset-files.ts';
import { parseXml, walk, type XmlElement } from './xml.ts';

const manifest = loadManifest();
const svgs = filesUnder('images').filter((f) => f.endsWith('.svg'));

function expectedViewBox(file: string): string {
  if (file.startsWith('images/settings/')) return '0 0 1920 1080';
  if (file.startsWith('images/character/')) return manifest.character.viewBox;
  if (file === 'images/ui/seller.svg' || file === 'images/ui/narrator.svg') return '0 0 128 128';
  return '0 0 24 24';
}

const FORBIDDEN = new Set([
  'script',
  'image',
  'text',
  'foreignObject',
  'iframe',
  'style',
  'font',
  'font-face',
  'use',
  'a',
  'audio',
  'video',
]);
const COLOR_ATTRS = ['fill', 'stroke', 'stop-color', 'flood-color', 'lighting-color', 'color'];

function colours(el: XmlElement): string[] {
  return COLOR_ATTRS.map((a) => el.attrs[a]).filter((v): v is string => v !== undefined);
}

function isAchromatic(value: string): boolean {
  if (['none', 'currentColor', 'transparent'].includes(value) || value.startsWith('url(#')) return true;
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value)?.[1];
  if (!hex) return false;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  return full.slice(0, 2) === full.slice(2, 4) && full.slice(2, 4) === full.slice(4, 6);
}

const tinted = new Set(
  [
    manifest.character.parts.head,
    manifest.character.parts.neck,
    ...Object.values(manifest.character.parts.hair),
    ...Object.values(manifest.character.parts.hairBack),
    ...Object.values(manifest.character.poses).flatMap((p) => p.layers),
  ]
    .filter((l) => l.tint)
    .map((l) => l.file),
);

describe.each(svgs)('%s', (file) => {
  const source = readFileSync(join(ASSETS_DIR, file), 'utf8');

  it('is well-formed XML with an <svg> root of the right view box and size', () => {
    const root = parseXml(source);
    expect(root.name).toBe('svg');
    expect(root.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
    const viewBox = expectedViewBox(file);
    expect(root.attrs.viewBox).toBe(viewBox);
    const [, , w, h] = viewBox.split(' ');
    // Phaser's SVG loader sizes the texture from width/height; without them browsers guess 300×150.
    expect(root.attrs.width).toBe(w);
    expect(root.attrs.height).toBe(h);
  });

  it('has no script, bitmap, text, font, style sheet or external reference', () => {
    const root = parseXml(source);
    for (const el of walk(root)) {
      expect(FORBIDDEN.has(el.name), `<${el.name}>`).toBe(false);
      for (const [name, value] of Object.entries(el.attrs)) {
        if (name === 'xmlns' || name.startsWith('xmlns:')) {
          expect(['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xlink'], name).toContain(value);
          continue;
        }
        expect(name.toLowerCase().startsWith('on'), `${name} on <${el.name}>`).toBe(false);
        if (name === 'href' || name === 'xlink:href') expect(value, name).toMatch(/^#[\w-]+$/);
        for (const m of value.matchAll(/url\(([^)]*)\)/g)) expect(m[1], `url() in ${name}`).toMatch(/^#[\w-]+$/);
        expect(value).not.toMatch(/javascript:|data:|https?:|@import/i);
      }
    }
    expect(source).not.toMatch(/<!ENTITY|<!DOCTYPE|<\?xml-stylesheet/i);
  });

  if (tinted.has(file)) {
    it('is a tint layer: only white, greys and black, so the tint gives its colour', () => {
      for (const el of walk(parseXml(source)))
        for (const c of colours(el)) expect(isAchromatic(c), `${c} on <${el.name}>`).toBe(true);
    });
  }

  if (file.startsWith('images/ui/') && expectedViewBox(file) === '0 0 24 24') {
    it('is a UI icon drawn with currentColor, so CSS and the theme set its colour', () => {
      const root = parseXml(source);
      expect(root.attrs.stroke).toBe('currentColor');
      for (const el of walk(root)) for (const c of colours(el)) expect(['none', 'currentColor']).toContain(c);
    });
  }
});

describe('image budgets', () => {
  it('each setting stays under its byte budget', () => {
    for (const s of Object.values(manifest.settings))
      expect(s.bytes, s.file).toBeLessThan(manifest.budgets.settingBytes);
  });

  it('all images together stay under the total budget', () => {
    const total = filesUnder('images').reduce((sum, f) => sum + readFileSync(join(ASSETS_DIR, f)).length, 0);
    expect(total).toBeLessThan(manifest.budgets.imagesBytes);
    expect(manifest.budgets.imagesBytes).toBeLessThanOrEqual(1_000_000);
  });

  it('the body colour a sleeve is tinted with really is the garment colour', () => {
    for (const [outfit, body] of Object.entries(manifest.character.parts.body)) {
      const source = readFileSync(join(ASSETS_DIR, body.file), 'utf8');
      expect(source, outfit).toContain(`fill="${body.sleeveTint}"`);
    }
  });
});
