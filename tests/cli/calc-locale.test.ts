import { describe, expect, it } from 'vitest';
import en from '../../src/locales/calc/en.json';
import fr from '../../src/locales/calc/fr.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(strings);
}

describe('calculator texts', () => {
  it('French and English have exactly the same keys', () => {
    expect(keys(fr).sort()).toEqual(keys(en).sort());
  });

  it('French texts use a no-break space before « : » and inside guillemets, a narrow one before ; ! ? and %', () => {
    for (const text of strings(fr)) {
      expect(text, text).not.toMatch(/ [:;!?%»]/);
      expect(text, text).not.toMatch(/« /);
      expect(text, text).not.toMatch(/[^\u00a0]:(\s|$)/);
      expect(text, text).not.toMatch(/[^\u202f][;!?](\s|$)/);
      expect(text, text).not.toMatch(/«[^\u00a0]|[^\u00a0]»/);
    }
  });
});
