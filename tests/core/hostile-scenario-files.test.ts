import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseTolerant, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostics/codes.ts';
import { duplicateIdProblems } from '../../src/core/scenario/duplicate-ids.ts';
import { MAX_NESTING, MAX_SCENARIO_BYTES, MAX_TEXT_LENGTH } from '../../src/core/scenario/limits.ts';
import { ROOT } from '../support/fixtures.ts';
import { loadScenarioDocument, loadScenarioText } from '../../src/core/scenario/load.ts';
import { skills } from '../support/referentials.ts';
import { baseScenario } from '../support/error-examples.ts';
import { deepConditionPointer, deepConditionText } from '../support/hostile-json.ts';
import { applyPatch } from '../support/json-patch.ts';

const CHOICE = '/phases/prospection/nodes/0/choices/0';
const codes = (ds: readonly Diagnostic[]) => ds.map((d) => d.code);
const withText = (path: string, value: string) =>
  JSON.stringify(applyPatch(baseScenario(), [{ op: 'replace', path, value }]));
/** Nothing a diagnostic carries (path, params) may hold what the file was refused for. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/;

describe('a hostile scenario file is inert: refused with a code and a JSON path, never a crash', () => {
  it('a condition nested 5,000 deep gives NS050 at the path where the limit is passed', () => {
    const result = loadScenarioText(deepConditionText(baseScenario(), CHOICE, 5000), skills);
    expect(result.scenario).toBeUndefined();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'NS050', path: deepConditionPointer(CHOICE, MAX_NESTING) }),
    ]);
  });

  it('nesting within the limit still loads: a condition of 15 nested `all` (or 31 `not`) is valid, one more is not', () => {
    for (const [key, most] of [
      ['all', 15],
      ['any', 15],
      ['not', 31],
    ] as const) {
      const result = loadScenarioText(deepConditionText(baseScenario(), CHOICE, most, key), skills);
      expect(result.diagnostics, key).toEqual([]);
      expect(result.scenario, key).toBeDefined();
      expect(
        codes(loadScenarioText(deepConditionText(baseScenario(), CHOICE, most + 1, key), skills).diagnostics),
      ).toEqual(['NS050']);
    }
  });

  it('two million open brackets, or an unclosed deep file, are NS050 too (not a stack overflow in the error locator)', () => {
    expect(codes(loadScenarioText('['.repeat(2_000_000), skills).diagnostics)).toEqual(['NS050']);
    expect(
      codes(loadScenarioText('{"formatVersion": 1, "a": ' + '{"b": ['.repeat(100_000), skills).diagnostics),
    ).toEqual(['NS050']);
    // A syntax error early, deep nesting after it: the first problem in the text is reported.
    expect(codes(loadScenarioText('{"a": 1,, "b": ' + '['.repeat(100_000), skills).diagnostics)).toEqual(['NS003']);
  });

  it('an already-parsed document that is too deep, or cyclic, is NS050 as well', () => {
    let deep: unknown = { gauge: 'trust', gte: 1 };
    for (let i = 0; i < 5000; i++) deep = { not: deep };
    expect(codes(loadScenarioDocument({ formatVersion: 1, meta: deep }, skills).diagnostics)).toEqual(['NS050']);
    const cyclic: Record<string, unknown> = { formatVersion: 1 };
    cyclic.self = cyclic;
    expect(codes(loadScenarioDocument(cyclic, skills).diagnostics)).toEqual(['NS050']);
  });

  it('a key written twice in one object is NS051 at that key, with both lines — JSON.parse would keep the last silently', () => {
    const result = loadScenarioText('{\n  "formatVersion": 2,\n  "formatVersion": 1\n}', skills);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: 'NS051',
        path: '/formatVersion',
        params: { key: 'formatVersion', first: 2, line: 3 },
      }),
    ]);
    const nested = JSON.stringify(baseScenario()).replace('"id":"mini-visit"', '"id":"mini-visit","id":"copie"');
    expect(loadScenarioText(nested, skills).diagnostics).toEqual([
      expect.objectContaining({ code: 'NS051', path: '/meta/id' }),
    ]);
    // The same key in two different objects is not a duplicate.
    expect(loadScenarioText(JSON.stringify(baseScenario()), skills).diagnostics).toEqual([]);
  });

  it('control characters are NS053, bidirectional overrides NS054, lone surrogates NS055 — each at its path', () => {
    const cases: [string, string][] = [
      ['Claire\u0000Martin', 'NS053'],
      ['Claire Martin\u001b[2J\u001b]8;;https://x.example\u0007lien', 'NS053'],
      ['Claire\rMartin', 'NS053'],
      ['Claire\u009b31mMartin', 'NS053'],
      ['Claire \u202eMartin', 'NS054'],
      ['Claire \u2066Martin\u2069', 'NS054'],
      ['Claire \ud83d', 'NS055'],
      ['\ude00 Claire', 'NS055'],
    ];
    for (const [name, code] of cases) {
      const result = loadScenarioText(withText('/persona/name', name), skills);
      expect(result.scenario, JSON.stringify(name)).toBeUndefined();
      expect(result.diagnostics, JSON.stringify(name)).toEqual([
        expect.objectContaining({ code, path: '/persona/name' }),
      ]);
    }
  });

  it('ordinary text stays allowed: line breaks, tabs, emoji, accents, no-break spaces, direction marks', () => {
    for (const name of [
      'Claire\nMartin',
      'Claire\tMartin',
      'Claire 😀 Martin',
      'Chloé « Martin »',
      'Claire\u200fMartin',
    ]) {
      const result = loadScenarioText(withText('/persona/name', name), skills);
      expect(result.diagnostics, JSON.stringify(name)).toEqual([]);
      expect(result.scenario?.persona.name).toBe(name);
    }
  });

  it(`a 200,000-character label is NS052 (limit ${MAX_TEXT_LENGTH}), and the refusal does not carry the text`, () => {
    const result = loadScenarioText(withText(`${CHOICE}/text/fr`, 'A'.repeat(200_000)), skills);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: 'NS052',
        path: `${CHOICE}/text/fr`,
        params: { length: 200_000, limit: MAX_TEXT_LENGTH },
      }),
    ]);
    expect(loadScenarioText(withText(`${CHOICE}/text/fr`, 'A'.repeat(MAX_TEXT_LENGTH)), skills).diagnostics).toEqual(
      [],
    );
  });

  it('a hostile key is named safely: its characters shown as codes in the path, never raw', () => {
    const doc = JSON.stringify(baseScenario()).replace('"meta":{', '"meta":{"t\\u001b[2Jx":1,');
    const result = loadScenarioText(doc, skills);
    expect(result.diagnostics[0]).toMatchObject({ code: 'NS053', path: '/meta/t<U+001B>[2Jx' });
    const long = JSON.stringify(baseScenario()).replace('"meta":{', `"meta":{"${'k'.repeat(10_000)}":1,`);
    const refused = loadScenarioText(long, skills).diagnostics[0];
    expect(refused?.code).toBe('NS052');
    expect(refused?.path.length).toBeLessThan(120);
    const dupKey = '{"a\\u202e":1,"a\\u202e":2}';
    for (const d of [...result.diagnostics, ...loadScenarioText(dupKey, skills).diagnostics])
      expect(JSON.stringify([d.path, d.params]), d.code).not.toMatch(UNSAFE);
  });

  it('reports at most 20 problems of a kind: a file full of bad characters stays readable', () => {
    const doc = baseScenario() as { brief: { constraints: unknown[] } };
    doc.brief.constraints = Array.from({ length: 500 }, () => ({ fr: 'x\u0000' }));
    expect(loadScenarioDocument(doc, skills).diagnostics).toHaveLength(20);
  });

  it('NS003 names the same place and mistake as jsonc-parser on ordinary typos', () => {
    const typos = [
      '{\n  "formatVersion": 1,\n}',
      '{"a": 1 "b": 2}',
      '{"a" 1}',
      '{"a": }',
      '[1, 2',
      '{"a": 1',
      '{"a": tru}',
      '{"a": "x}',
      '{"a": "\\q"}',
      '{"a": 1} {}',
      '{a: 1}',
      '{"a": [1,]}',
      '{"a": 1} // commentaire',
      '{"a": 1.}',
    ];
    for (const text of typos) {
      const errors: ParseError[] = [];
      parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false });
      const first = errors[0] as ParseError;
      const before = text.slice(0, first.offset);
      const expected = {
        line: before.split('\n').length,
        column: first.offset - before.lastIndexOf('\n'),
        detail: printParseErrorCode(first.error),
      };
      expect(loadScenarioText(text, skills).diagnostics, text).toEqual([
        expect.objectContaining({ code: 'NS003', params: expected }),
      ]);
    }
  });

  it('never throws: a failure nobody foresaw becomes NS056 for this file', () => {
    const broken = {
      ...skills,
      polarity: () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
    };
    const result = loadScenarioText(JSON.stringify(baseScenario()), broken);
    expect(result.scenario).toBeUndefined();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: 'NS056',
        path: '',
        params: { detail: 'RangeError: Maximum call stack size exceeded' },
      }),
    ]);
  });
});

describe('two files with one meta.id: the file named after the id keeps it', () => {
  it('the copy is refused, whatever the order the files come in, and names the original', () => {
    for (const order of [
      ['copie.json', 'mini-visit.json'],
      ['mini-visit.json', 'copie.json'],
    ]) {
      const problems = duplicateIdProblems(order.map((file) => ({ file, id: 'mini-visit' })));
      expect([...problems.keys()]).toEqual(['copie.json']);
      expect(problems.get('copie.json')).toMatchObject({
        code: 'NS007',
        path: '/meta/id',
        params: { id: 'mini-visit', other: 'mini-visit.json' },
      });
    }
  });

  it('when no file bears the name, every one is refused — NegoSim does not guess the original', () => {
    const problems = duplicateIdProblems([
      { file: 'a/aaa.json', id: 'x' },
      { file: 'b/bbb.json', id: 'x' },
      { file: 'c/x-bis.json', id: 'x' },
      { file: 'd/y.json', id: 'y' },
    ]);
    expect([...problems.keys()].sort()).toEqual(['a/aaa.json', 'b/bbb.json', 'c/x-bis.json']);
  });

  it('two files of that name in different folders are both refused too', () => {
    const problems = duplicateIdProblems([
      { file: 'a/x.json', id: 'x' },
      { file: 'b/x.json', id: 'x' },
    ]);
    expect(problems.size).toBe(2);
  });
});

describe('the limits teachers read are the limits NegoSim applies', () => {
  it('docs/authoring.md and docs/errors.md state the numbers of src/core/scenario/limits.ts', () => {
    const fr = (n: number) => new Intl.NumberFormat('fr-FR').format(n).replace(/\u202f/g, ' ');
    for (const doc of ['authoring.md', 'errors.md']) {
      const text = readFileSync(join(ROOT, 'docs', doc), 'utf8');
      expect(text, doc).toContain(`${MAX_NESTING} niveaux`);
      expect(text, doc).toContain(`${fr(MAX_TEXT_LENGTH)} caractères`);
    }
    expect(readFileSync(join(ROOT, 'docs', 'authoring.md'), 'utf8')).toContain(
      `${MAX_SCENARIO_BYTES / 1024 / 1024} Mo`,
    );
  });
});
