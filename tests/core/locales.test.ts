import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/fixtures.ts';

const localeDir = join(ROOT, 'src', 'locales');
const namespaces = readdirSync(localeDir);
const load = (ns: string, lang: string) =>
  JSON.parse(readFileSync(join(localeDir, ns, `${lang}.json`), 'utf8')) as Record<string, unknown>;
function flatten(o: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(o)) {
    if (v && typeof v === 'object')
      for (const [kk, vv] of flatten(v as Record<string, unknown>, `${prefix}${k}.`)) out.set(kk, vv);
    else out.set(prefix + k, String(v));
  }
  return out;
}

describe('interface translations', () => {
  for (const ns of namespaces) {
    const fr = flatten(load(ns, 'fr'));
    const en = flatten(load(ns, 'en'));
    it(`${ns}: English has every French key and no other`, () => {
      expect([...en.keys()].sort()).toEqual([...fr.keys()].sort());
    });
    it(`${ns}: the same placeholders in both languages`, () => {
      for (const [key, text] of fr)
        expect((en.get(key)?.match(/{{\w+}}/g) ?? []).sort(), key).toEqual((text.match(/{{\w+}}/g) ?? []).sort());
    });
    it(`${ns}: French typography — a no-break space before : ; ! ? and inside « »`, () => {
      for (const [key, text] of fr) {
        // Ignore URLs, times (10:30), option lists (1-9) and code such as "formatVersion": 1.
        const prose = text
          .replace(/https?:\/\/\S+/g, '')
          .replace(/"[^"]*":/g, '')
          .replace(/\d:\d/g, '');
        expect(prose, key).not.toMatch(/[^\s\u00a0\u202f]([;!?])(\s|$)/);
        expect(prose, key).not.toMatch(/ [:;!?]/);
        expect(prose, key).not.toMatch(/«(?!\u00a0)|(?<!\u00a0)»/);
      }
    });
  }
});
