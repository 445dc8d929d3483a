import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/core/check/check-scenario.ts';
import { playabilityProblems } from '../../src/core/check/playability.ts';
import { DIAGNOSTIC_CODES, type Diagnostic } from '../../src/core/diagnostics/codes.ts';
import { pack, refs, skills } from '../support/referentials.ts';
import { loadScenarioText } from '../../src/core/scenario/load.ts';
import { indexScenario } from '../../src/core/scenario/scenario-index.ts';
import { isScenarioFileName } from '../../src/cli/scenario-files.ts';
import { ROOT } from '../support/fixtures.ts';
import { propertyRuns } from '../support/property-runs.ts';
import { mutantOf, type Mutant } from '../support/scenario-mutations.ts';

/**
 * Whatever one edit does to a real scenario — a deleted field, a duplicated node, a `next`
 * pointing elsewhere, a value nested thousands deep, a 200,000-character line, an invisible
 * character, a value of the wrong type, a key written twice — loading never throws, every
 * refusal has a stable code and a JSON path, and what the mutation decides is what is said.
 * What still loads goes through the graph checks the game and `negosim check` run.
 */
const dir = join(ROOT, 'scenarios');
const shipped = readdirSync(dir)
  .filter(isScenarioFileName)
  .map((file) => ({ file, doc: JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown }));
const firstPack = refs.packs[0] ?? pack('ndrc');
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/;
const within = (p: string, base: string) => p === base || p.startsWith(base + '/');

function expectWellFormed(d: Diagnostic, m: Mutant): void {
  const where = `${m.kind} at /${m.path.join('/')}: ${JSON.stringify(d).slice(0, 300)}`;
  expect(Object.keys(DIAGNOSTIC_CODES), where).toContain(d.code);
  // NS056 is the catch-all for what nobody foresaw: a known kind of damage has its own code.
  expect(d.code, where).not.toBe('NS056');
  expect(d.path === '' || d.path.startsWith('/'), where).toBe(true);
  expect(d.path.length, where).toBeLessThan(2000);
  expect(JSON.stringify([d.path, d.params]), where).not.toMatch(UNSAFE);
  for (const v of Object.values(d.params)) expect(['string', 'number'], where).toContain(typeof v);
}

describe('mutated shipped scenarios (property-based)', () => {
  it(`${shipped.length} real scenarios, one structural edit each: never a crash, always a code and a path`, () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(
        fc.constantFrom(...shipped).chain((s) => mutantOf(s.doc)),
        (m) => {
          seen.set(m.kind, (seen.get(m.kind) ?? 0) + 1);
          const result = loadScenarioText(m.text, skills);
          const errors = result.diagnostics.filter((d) => d.severity === 'error');
          for (const d of result.diagnostics) expectWellFormed(d, m);
          // Either a scenario, or at least one error saying why not.
          expect(result.scenario === undefined, m.kind).toBe(errors.length > 0);
          const expected = m.expected;
          if (expected === 'refused') expect(result.scenario, `${m.kind} at /${m.path.join('/')}`).toBeUndefined();
          else if (expected?.exact)
            expect(result.diagnostics.map((d) => [d.code, d.path])).toEqual([[expected.code, expected.path]]);
          else if (expected) {
            expect(result.diagnostics).toHaveLength(1);
            expect(result.diagnostics[0]?.code).toBe(expected.code);
            expect(within(result.diagnostics[0]?.path ?? '', expected.path), result.diagnostics[0]?.path).toBe(true);
          }
          if (result.scenario) {
            // What loads is read further by the game (playability) and `negosim check`.
            const index = indexScenario(result.scenario, skills);
            for (const d of playabilityProblems(index)) expectWellFormed(d, m);
            for (const d of checkScenario(index, firstPack).diagnostics) expectWellFormed(d, m);
          }
        },
      ),
      { numRuns: propertyRuns(600) },
    );
    // Every kind of edit was tried.
    if (process.env.NEGOSIM_QUICK !== '1') expect(seen.size).toBe(8);
  }, 600_000);
});
