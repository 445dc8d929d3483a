import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/core/check/check-scenario.ts';
import { playabilityProblems } from '../../src/core/check/playability.ts';
import { loadScenarioDocument } from '../../src/core/scenario/load.ts';
import { indexScenario, type ScenarioIndex } from '../../src/core/scenario/scenario-index.ts';
import { baseScenario } from '../support/error-examples.ts';
import { applyPatch, type PatchOp } from '../support/json-patch.ts';
import { shippedScenarios } from '../support/shipped-scenarios.ts';
import { pack, skills } from '../support/referentials.ts';

const node = (id: string, choices: unknown[] = []) => ({ id, speaker: 'client', text: { fr: 'Texte.' }, choices });
const choice = (id: string, next: string) => ({ id, text: { fr: 'Choix.' }, feedback: { fr: 'Retour.' }, next });
function patched(ops: PatchOp[]): ScenarioIndex {
  const doc = applyPatch(baseScenario(), [{ op: 'replace', path: '/meta/languages', value: ['fr'] }, ...ops]);
  const loaded = loadScenarioDocument(doc, skills);
  if (!loaded.scenario) throw new Error(JSON.stringify(loaded.diagnostics));
  return indexScenario(loaded.scenario, skills);
}
/** What `negosim check` says about being stuck, for comparison with what the game decides. */
const checkDeadEnds = (index: ScenarioIndex) =>
  checkScenario(index, pack('nrc')).diagnostics.filter((d) => d.code === 'NS102');

describe('playability: the game refuses exactly what `negosim check` reports as a dead end', () => {
  const cases: [string, PatchOp[], string[]][] = [
    [
      'a node with no choices',
      [
        { op: 'add', path: '/phases/closing/nodes/-', value: node('c-stuck') },
        { op: 'replace', path: '/phases/closing/nodes/0/choices/2/next', value: 'c-stuck' },
      ],
      ['c-stuck'],
    ],
    [
      'a loop with no way out',
      [
        { op: 'add', path: '/phases/closing/nodes/-', value: node('c-loop-a', [choice('c-loop-a-go', 'c-loop-b')]) },
        { op: 'add', path: '/phases/closing/nodes/-', value: node('c-loop-b', [choice('c-loop-b-go', 'c-loop-a')]) },
        { op: 'replace', path: '/phases/closing/nodes/0/choices/2/next', value: 'c-loop-a' },
      ],
      ['c-loop-a', 'c-loop-b'],
    ],
    [
      'a node whose only choice is locked forever',
      [
        {
          op: 'add',
          path: '/phases/closing/nodes/-',
          value: node('c-locked', [
            { ...choice('c-locked-go', 'f1'), condition: { when: { need: 'budget' }, unmet: 'hide' } },
          ]),
        },
        { op: 'add', path: '/phases/closing/nodes/0/choices/-', value: choice('c1-wait', 'c-locked') },
        { op: 'replace', path: '/phases/discovery/nodes/1/choices/0/effects', value: {} },
      ],
      ['c-locked'],
    ],
  ];
  for (const [name, ops, stuck] of cases) {
    it(`${name}: NS102 for ${stuck.join(', ')}, as check says`, () => {
      const index = patched(ops);
      const problems = playabilityProblems(index);
      expect(problems.map((d) => d.params.id).sort()).toEqual(stuck);
      expect(problems).toEqual(checkDeadEnds(index));
    });
  }

  it('an unreachable node or ending does not make a scenario unplayable (check warns; the game plays it)', () => {
    const index = patched([
      { op: 'add', path: '/phases/discovery/nodes/-', value: node('d-orphan', [choice('d-orphan-go', 'a1')]) },
    ]);
    expect(playabilityProblems(index)).toEqual([]);
    expect(checkScenario(index, pack('nrc')).diagnostics.map((d) => d.code)).toContain('NS101');
  });

  it('every shipped scenario is playable', () => {
    for (const s of shippedScenarios()) expect(playabilityProblems(s.index), s.file).toEqual([]);
  });
});
