import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../src/core/diagnostics/codes.ts';
import { runExample, type ErrorExample } from '../support/error-examples.ts';

/**
 * docs/errors.md is the teachers' reference for error codes; each example in it is run here
 * and must print exactly the line the documentation shows.
 */
const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'errors.md'), 'utf8');
const sections = doc.split(/^## /m).slice(1);
const documented = new Map(
  sections.map((s) => {
    const code = s.slice(0, 5);
    const example = /```json negosim-example\n(.+)\n```/.exec(s)?.[1];
    const line = /```text\n(.+)\n```/.exec(s)?.[1];
    return [code, { example: example ? (JSON.parse(example) as ErrorExample) : undefined, line, text: s }];
  }),
);
/** Codes that cannot occur yet, each with the reason the documentation gives. */
const WITHOUT_EXAMPLE = new Set(['NS013', 'NS056', 'NS108']);

describe('the error-code reference (docs/errors.md)', () => {
  it('documents every stable code, with its name, in code order', () => {
    expect([...documented.keys()]).toEqual(Object.keys(DIAGNOSTIC_CODES));
    for (const [code, { name }] of Object.entries(DIAGNOSTIC_CODES))
      expect(documented.get(code)?.text).toMatch(new RegExp(`^${code} · ${name}\\n`));
  });

  it('gives an example for every code that can occur today', () => {
    for (const code of Object.keys(DIAGNOSTIC_CODES)) {
      const entry = documented.get(code);
      if (WITHOUT_EXAMPLE.has(code)) expect(entry?.example, code).toBeUndefined();
      else expect(entry?.example, code).toBeDefined();
    }
  });

  for (const [code, { example, line }] of documented) {
    if (!example) continue;
    it(`${code}: the example prints the documented line`, () => {
      expect(example.code).toBe(code);
      const printed = runExample(example);
      expect(printed).toContain(line);
    });
  }
});
