// The asset tests are only as good as their readers: these feed them broken copies of real files
// to show they do fail. The damage is the kind a file meets between an editor and the site: cut
// short, line endings converted, a header byte lost, a pointer or a picture saved as a sound.
// (A flipped byte inside an Opus packet is not caught: music-metadata does not check page CRCs,
// and the files now come from standard encoders rather than our own Ogg writer.)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ASSETS_DIR } from './asset-files.ts';
import { AudioFileError, readAudio } from './audio-headers.ts';
import { parseXml, walk, XmlError } from './xml.ts';

const scratch = mkdtempSync(join(tmpdir(), 'negosim-assets-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Writes `bytes` to a file of the scratch folder and returns its path. */
function copy(name: string, bytes: Buffer | string): string {
  const path = join(scratch, name);
  writeFileSync(path, bytes);
  return path;
}

describe('XML reader', () => {
  it.each([
    ['unclosed element', '<svg><g></svg>'],
    ['mismatched closing tag', '<svg><g></path></svg>'],
    ['unquoted attribute', '<svg width=10/>'],
    ['duplicate attribute', '<svg a="1" a="2"/>'],
    ['bare ampersand', '<svg><title>A & B</title></svg>'],
    ['bare ampersand in an attribute', '<svg a="A & B"/>'],
    ['undefined entity', '<svg><title>&nbsp;</title></svg>'],
    ['"<" in an attribute', '<svg a="1 < 2"/>'],
    ['"--" inside a comment', '<svg><!-- a -- b --></svg>'],
    ['undeclared namespace prefix', '<svg><use xlink:href="#a"/></svg>'],
    ['two roots', '<svg/><svg/>'],
    ['doctype', '<!DOCTYPE svg [<!ENTITY x "y">]><svg/>'],
    ['text after the root', '<svg/>oops'],
    ['no root at all', '<!-- only a comment -->'],
  ])('rejects %s', (_, source) => {
    expect(() => parseXml(source)).toThrow(XmlError);
  });

  it('accepts comments, declarations, entities and nesting, and decodes values', () => {
    const root = parseXml('<?xml version="1.0"?>\n<!-- c --><svg a="x &amp; y"><g><path d="M0 0"/></g>t&#233;</svg>');
    expect(root.name).toBe('svg');
    expect(root.attrs.a).toBe('x & y');
    expect(root.text).toBe('té');
    expect(root.children[0]?.children[0]?.name).toBe('path');
    expect([...walk(root)].map((el) => el.name)).toEqual(['svg', 'g', 'path']);
  });

  it('rejects a real SVG cut short', () => {
    const svg = readFileSync(join(ASSETS_DIR, 'images/ui/seller.svg'), 'utf8');
    expect(parseXml(svg).name).toBe('svg');
    const cut = readFileSync(copy('seller.svg', svg.slice(0, svg.lastIndexOf('</svg>'))), 'utf8');
    expect(() => parseXml(cut)).toThrow(XmlError);
  });
});

describe('audio reader', () => {
  const good = readFileSync(join(ASSETS_DIR, 'audio/cue-door.ogg'));
  const secondPage = good.indexOf('OggS', 4);

  it('reads the container, codec, channels, rate and duration of a shipped file', async () => {
    // ui-click is 40 ms of mono Opus (1,920 samples at 48 kHz after the pre-skip).
    expect(await readAudio(join(ASSETS_DIR, 'audio/ui-click.ogg'))).toEqual({
      container: 'ogg',
      codec: 'opus',
      channels: 1,
      sampleRate: 48_000,
      durationSec: 0.04,
    });
  });

  it.each([
    ['cut short by a few bytes', () => good.subarray(0, good.length - 5)],
    ['cut in half', () => good.subarray(0, good.length >> 1)],
    ['with a damaged page header', () => Buffer.from(good).fill(0, secondPage, secondPage + 4)],
    ['with its line endings converted', () => Buffer.from(good.toString('latin1').replace(/\n/g, '\r\n'), 'latin1')],
    ['empty', () => Buffer.alloc(0)],
    ['a Git LFS pointer', () => Buffer.from('version https://git-lfs.github.com/spec/v1\noid sha256:0\nsize 1\n')],
    ['a picture under a sound name', () => readFileSync(join(ASSETS_DIR, 'images/ui/seller.svg'))],
  ])('rejects a copy %s', async (name, damage) => {
    const path = copy(`${name.replace(/\W+/g, '-')}.ogg`, damage());
    await expect(readAudio(path)).rejects.toThrow(AudioFileError);
  });
});
