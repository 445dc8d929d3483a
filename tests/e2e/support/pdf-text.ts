import { inflateSync } from 'node:zlib';

/**
 * What a PDF printed by Chromium says, page by page, without a PDF library: each page's content
 * stream is inflated and its shown glyphs are mapped back to text through the fonts' ToUnicode
 * maps. Enough to check that a printout holds a name or a mark; spacing is not kept, so compare
 * with `squeezed()` on both sides.
 */
export function pdfPages(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const objects = new Map<number, string>();
  for (const m of text.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) objects.set(Number(m[1]), m[2] ?? '');
  const streamOf = (body: string): string => {
    const m = /stream\r?\n([\s\S]*?)endstream/.exec(body);
    if (!m) return '';
    const raw = Buffer.from(m[1] ?? '', 'latin1');
    try {
      return inflateSync(raw).toString('latin1');
    } catch {
      return raw.toString('latin1');
    }
  };
  const cmapOf = (font: number): Map<string, string> => {
    const map = new Map<string, string>();
    const ref = /\/ToUnicode (\d+) 0 R/.exec(objects.get(font) ?? '');
    if (!ref) return map;
    const cmap = streamOf(objects.get(Number(ref[1])) ?? '');
    const unicode = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');
    for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
      for (const [, code, u] of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
        map.set((code ?? '').toUpperCase(), unicode(u ?? ''));
    for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
      for (const [, lo, hi, base] of (block[1] ?? '').matchAll(
        /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g,
      )) {
        const width = (lo ?? '').length;
        for (let i = parseInt(lo ?? '0', 16); i <= parseInt(hi ?? '0', 16); i++)
          map.set(
            i.toString(16).toUpperCase().padStart(width, '0'),
            String.fromCodePoint(parseInt(base ?? '0', 16) + i - parseInt(lo ?? '0', 16)),
          );
      }
    return map;
  };
  const pages = [...objects.entries()]
    .filter(([, body]) => /\/Type\s*\/Page(?!s)/.test(body))
    .sort(([a], [b]) => a - b);
  return pages.map(([, body]) => {
    const resRef = /\/Resources (\d+) 0 R/.exec(body);
    const resources = resRef ? (objects.get(Number(resRef[1])) ?? '') : body;
    const fonts = new Map<string, Map<string, string>>();
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources);
    for (const [, name, num] of (fontDict?.[1] ?? '').matchAll(/\/(\w+) (\d+) 0 R/g))
      fonts.set(name ?? '', cmapOf(Number(num)));
    const contents = /\/Contents (\d+) 0 R/.exec(body);
    const stream = contents ? streamOf(objects.get(Number(contents[1])) ?? '') : '';
    let font = new Map<string, string>();
    let out = '';
    for (const m of stream.matchAll(/\/(\w+) [\d.]+ Tf|<([0-9A-Fa-f]*)> ?Tj|\[([\s\S]*?)\] ?TJ/g)) {
      if (m[1]) {
        font = fonts.get(m[1]) ?? new Map<string, string>();
        continue;
      }
      const hexes =
        m[2] !== undefined ? [m[2]] : [...(m[3] ?? '').matchAll(/<([0-9A-Fa-f]*)>/g)].map((x) => x[1] ?? '');
      for (const hex of hexes) {
        const h = hex.toUpperCase();
        const w = h.length % 4 === 0 ? 4 : 2;
        for (let i = 0; i < h.length; i += w) out += font.get(h.slice(i, i + w)) ?? '?';
      }
      out += ' ';
    }
    return out;
  });
}

/** Text without any space (PDF text comes glyph by glyph): compare printouts on this. */
export const squeezed = (s: string): string => s.replace(/[\s\u00a0\u202f]+/g, '');
