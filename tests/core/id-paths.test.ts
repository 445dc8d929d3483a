import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnostic, pointer } from '../../src/core/diagnostics/codes.ts';
import { idPathOf, MAX_ID_IN_PATH, shownPath, withIdPaths } from '../../src/core/diagnostics/id-paths.ts';
import { loadScenarioDocument, loadScenarioText } from '../../src/core/scenario/load.ts';
import { baseScenario } from '../support/error-examples.ts';
import { applyPatch, type PatchOp } from '../support/json-patch.ts';
import { skills } from '../support/referentials.ts';

/** What an author reads for each problem of the patched base scenario (tests/fixtures/scenarios/mini-visit.json). */
const shown = (patch: PatchOp[]) =>
  loadScenarioDocument(applyPatch(baseScenario(), patch), skills).diagnostics.map((d) => `${shownPath(d)} ${d.code}`);

const doc = {
  phases: {
    discovery: {
      nodes: [
        { id: 'd1', choices: [{ id: 'd1-open' }, { text: 'no id' }] },
        { id: 'd2', choices: [{ id: 'd2-budget', next: 'x' }] },
      ],
    },
  },
  meta: { skills: ['discovery.open-question'] },
};

describe('id-based paths: where a problem is, as an author searches the file for it', () => {
  it('names each array element by its id and keeps the other segments', () => {
    expect(idPathOf('/phases/discovery/nodes/1/choices/0/next', doc)).toBe(
      '/phases/discovery/nodes[d2]/choices[d2-budget]/next',
    );
    expect(idPathOf('/phases/discovery/nodes/0', doc)).toBe('/phases/discovery/nodes[d1]');
  });

  it('keeps the index of an element without an id, and of a list of plain values', () => {
    expect(idPathOf('/phases/discovery/nodes/0/choices/1/text', doc)).toBe(
      '/phases/discovery/nodes[d1]/choices/1/text',
    );
    expect(idPathOf('/meta/skills/0', doc)).toBe('/meta/skills/0');
  });

  it('keeps the index when two elements share the id: the path would point at either', () => {
    const twice = { nodes: [{ id: 'd1' }, { id: 'd1' }, { id: 'd3' }] };
    expect(idPathOf('/nodes/1/id', twice)).toBe('/nodes/1/id');
    expect(idPathOf('/nodes/2/id', twice)).toBe('/nodes[d3]/id');
  });

  it('keeps the index for ids that would break or flood the path, and for ids that are not strings', () => {
    const hostile = [
      'a]b',
      'a/b',
      'a[0]',
      'with space',
      'x'.repeat(MAX_ID_IN_PATH + 1),
      '\u202eevil',
      'bell\u0007',
      '',
      '~1',
      7,
      null,
      { id: 'nested' },
    ];
    for (const id of hostile)
      expect(idPathOf('/nodes/0/next', { nodes: [{ id }] }), JSON.stringify(id)).toBe('/nodes/0/next');
    expect(idPathOf('/nodes/0', { nodes: [{ id: 'x'.repeat(MAX_ID_IN_PATH) }] })).toBe(`/nodes[${'x'.repeat(64)}]`);
    expect(idPathOf('/nodes/0', { nodes: [{ id: 'étape_1.a:b' }] })).toBe('/nodes[étape_1.a:b]');
  });

  it('walks past missing arrays and keys, escaped segments and odd documents without throwing', () => {
    expect(idPathOf('/phases/closing/nodes/4/choices/0', doc)).toBe('/phases/closing/nodes/4/choices/0');
    expect(idPathOf('/phases/discovery/nodes/9/next', doc)).toBe('/phases/discovery/nodes/9/next');
    expect(idPathOf(pointer(['a/b', 'c~d', 0]), { 'a/b': { 'c~d': [{ id: 'k' }] } })).toBe('/a~1b/c~0d[k]');
    expect(idPathOf('/nodes/00', { nodes: [{ id: 'a' }] })).toBe('/nodes/00');
    expect(idPathOf('/__proto__/0', {})).toBe('/__proto__/0');
    const trap = {
      nodes: [
        Object.defineProperty({}, 'id', {
          get: () => {
            throw new Error('boom');
          },
          enumerable: true,
        }),
      ],
    };
    expect(idPathOf('/nodes/0', trap)).toBeUndefined();
    expect(idPathOf('', doc)).toBeUndefined();
    expect(idPathOf('nodes/0', doc)).toBeUndefined();
    for (const odd of [undefined, null, 42, 'text', [], [[{ id: 'a' }]]])
      expect(() => idPathOf('/0/0/id', odd)).not.toThrow();
  });

  it('never throws, whatever the document and the pointer', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.array(fc.oneof(fc.nat(3), fc.string())), (value, segments) => {
        const out = idPathOf(pointer(segments), value);
        return segments.length === 0 ? out === undefined : typeof out === 'string';
      }),
      { numRuns: 300 },
    );
  });

  it('an id-based path leads back to the very element its pointer names', () => {
    const key = fc.string({ minLength: 1, maxLength: 6 }).filter((k) => !/[[\]/~]/.test(k));
    const id = fc.oneof(fc.constantFrom('a', 'b', 'd2', 'a]b', 'x y'), fc.string({ maxLength: 4 }));
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.nat(9),
        fc.array(fc.record({ id, v: tie('node') }, { requiredKeys: [] }), { maxLength: 4 }),
        fc.dictionary(key, tie('node'), { maxKeys: 3 }),
      ),
    })).node;
    fc.assert(
      fc.property(
        fc.array(fc.record({ id, v: tree }, { requiredKeys: ['v'] }), { maxLength: 4 }),
        fc.array(fc.oneof(fc.nat(3), fc.constant('v'), fc.constant('id'), key), { minLength: 1, maxLength: 6 }),
        (doc, segments) => {
          const p = pointer(segments);
          const out = idPathOf(p, doc);
          return segments.length === 0 || follow(doc, out as string) === follow(doc, p);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('withIdPaths keeps the RFC 6901 pointer in path and adds idPath only where it reads differently', () => {
    const [named, plain] = withIdPaths(
      [diagnostic('NS031', '/phases/discovery/nodes/1/choices/0/next'), diagnostic('NS027', '/meta/skills')],
      doc,
    );
    expect(named).toMatchObject({
      path: '/phases/discovery/nodes/1/choices/0/next',
      idPath: '/phases/discovery/nodes[d2]/choices[d2-budget]/next',
    });
    expect(plain).not.toHaveProperty('idPath');
    expect(shownPath(plain!)).toBe('/meta/skills');
    // Applied twice (a caller that passes diagnostics on), it changes nothing.
    expect(withIdPaths([named!], {})).toEqual([named]);
  });
});

/** Resolves `/key`, `/index` and `[id]` steps the way an author reads them; undefined where nothing is. */
function follow(doc: unknown, path: string): unknown {
  let here = doc;
  for (const [, slash, id] of path.matchAll(/\/([^/[]*)|\[([^\]]*)\]/g)) {
    if (here === null || typeof here !== 'object') return undefined;
    if (id !== undefined) {
      const found = (here as { id?: unknown }[]).filter((e) => e?.id === id);
      if (found.length !== 1) return 'ambiguous';
      here = found[0];
    } else {
      const k = (slash as string).replace(/~1/g, '/').replace(/~0/g, '~');
      here = Object.hasOwn(here, k) ? (here as Record<string, unknown>)[k] : undefined;
    }
  }
  return here;
}

describe('the scenario loader names array elements by id in every diagnostic', () => {
  it('one shape error and two dangling references, in one pass, each named by ids', () => {
    expect(
      shown([
        { op: 'replace', path: '/phases/discovery/nodes/0/choices/0/text', value: 42 },
        { op: 'replace', path: '/phases/discovery/nodes/1/choices/1/next', value: 'a-nowhere' },
        { op: 'replace', path: '/phases/closing/nodes/0/choices/1/next', value: 'end-nowhere' },
      ]),
    ).toEqual([
      '/phases/discovery/nodes[d1]/choices[d1-open]/text NS021',
      '/phases/discovery/nodes[d2]/choices[d2-skip]/next NS031',
      '/phases/closing/nodes[c1]/choices[c1-force]/next NS031',
    ]);
  });

  it('an element whose id is itself the shape error keeps its position; its neighbours keep their ids', () => {
    expect(
      shown([
        { op: 'replace', path: '/phases/objection/nodes/0/choices/0/id', value: 'o1]/0' },
        { op: 'replace', path: '/phases/objection/nodes/0/choices/2/next', value: 'c-nowhere' },
      ]),
    ).toEqual([
      '/phases/objection/nodes[o1]/choices/0/id NS023',
      '/phases/objection/nodes[o1]/choices[o1-discount]/next NS031',
    ]);
  });

  it('a duplicate key found in the text is named by ids too', () => {
    const text = JSON.stringify(baseScenario()).replace('"id":"d1-open"', '"id":"d1-open","id":"d1-open"');
    const [d] = loadScenarioText(text, skills).diagnostics;
    expect(d?.code).toBe('NS051');
    expect(shownPath(d!)).toBe('/phases/discovery/nodes[d1]/choices[d1-open]/id');
  });
});
