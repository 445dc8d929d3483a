import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/core/check/check-scenario.ts';
import { loadScenarioDocument } from '../../src/core/scenario/load.ts';
import { indexScenario } from '../../src/core/scenario/scenario-index.ts';
import { baseScenario } from '../support/error-examples.ts';
import { ROOT } from '../support/fixtures.ts';
import { applyPatch, type PatchOp } from '../support/json-patch.ts';
import { pack, skills } from '../support/referentials.ts';

/**
 * The guide's examples of conditional lines, endings from the deal and the kept ending are
 * changes to the documentation's base scenario: each must give a valid scenario that
 * `negosim check` finds nothing to say about on these points.
 */
const guide = readFileSync(join(ROOT, 'docs', 'authoring.md'), 'utf8');
const patches = [...guide.matchAll(/```json negosim-patch\n([\s\S]+?)\n```/g)].map(
  (m) => JSON.parse(m[1] ?? '[]') as PatchOp[],
);

describe('docs/authoring.md: conditional dialogue and endings', () => {
  it('shows an example of variants, of ending placeholders and of a kept ending', () => {
    const text = JSON.stringify(patches);
    expect(text).toMatch(/variants"[^]*"when"/);
    expect(text).toContain('"presumes"');
    expect(text).toContain('{{commitmentMonths}}');
    expect(text).toContain('"kind":"kept"');
  });

  for (const [i, patch] of patches.entries()) {
    it(`example ${i + 1} is valid and raises no content error or dialogue warning`, () => {
      const loaded = loadScenarioDocument(applyPatch(baseScenario(), patch), skills);
      expect(loaded.diagnostics).toEqual([]);
      const report = checkScenario(indexScenario(loaded.scenario!, skills), pack('ndrc'));
      const found = report.diagnostics.filter((d) => d.severity === 'error' || /NS11[456]/.test(d.code));
      expect(found).toEqual([]);
    });
  }
});
