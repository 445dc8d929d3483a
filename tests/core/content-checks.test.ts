import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/core/check/check-scenario.ts';
import { loadScenarioDocument } from '../../src/core/scenario/load.ts';
import { indexScenario } from '../../src/core/scenario/scenario-index.ts';
import { pack, skills } from '../support/referentials.ts';
import { evaluateWithModel } from '../../src/core/scoring/evaluate.ts';
import { scoringModelFor } from '../../src/core/scoring/scoring-model.ts';
import { syntheticScenario } from '../../scripts/lib/synthetic-scenario.ts';
import { applyPatch, type PatchOp } from '../support/json-patch.ts';
import { baseScenario } from '../support/error-examples.ts';
import { miniVisit, play, MINI_BEST, MINI_POOR } from '../support/fixtures.ts';

const node = (id: string, choices: unknown[] = []) => ({
  id,
  speaker: 'client',
  text: { fr: 'Texte.', en: 'Text.' },
  choices,
});
const choice = (id: string, next: string, skills: unknown[] = []) => ({
  id,
  text: { fr: 'Choix.', en: 'Choice.' },
  skills,
  feedback: { fr: 'Retour.', en: 'Feedback.' },
  next,
});
function patched(ops: PatchOp[]) {
  const loaded = loadScenarioDocument(applyPatch(baseScenario(), ops), skills);
  if (!loaded.scenario) throw new Error(JSON.stringify(loaded.diagnostics));
  return indexScenario(loaded.scenario, skills);
}

describe('content checks of a scenario', () => {
  it('the clean test scenario has no unreachable node, dead end or unreachable ending, and every phase is visited', () => {
    const r = checkScenario(miniVisit(), pack('nrc'));
    expect(r).toMatchObject({
      unreachableNodes: [],
      deadEnds: [],
      unreachableEndings: [],
      conditionsNeverHold: [],
      phasesNeverVisited: [],
      skillsNeverEvidenced: [],
      loops: false,
    });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('finds the known best and worst paths, and their marks are exactly what playing them gives', () => {
    for (const id of ['nrc', 'ndrc']) {
      const index = miniVisit();
      const r = checkScenario(index, pack(id));
      expect(r.bestPath).toEqual(MINI_BEST);
      expect(r.bestScore).toBe(20);
      expect(r.worstScore).toBe(0);
      const model = scoringModelFor(index, pack(id));
      expect(evaluateWithModel(model, play(index, r.bestPath).context()).mark).toBe(r.bestScore);
      expect(evaluateWithModel(model, play(index, r.worstPath).context()).mark).toBe(r.worstScore);
    }
    expect(checkScenario(miniVisit(), pack('nrc')).worstPath).toEqual(MINI_POOR);
  });

  it('counts the distinct paths without listing them: 344 for the test scenario', () => {
    // 2 preparation choices × (prospection: agenda → 2 × 2 discovery paths, or pitch straight to the argument; plus walk-outs) …
    expect(checkScenario(miniVisit(), pack('nrc')).paths).toBe('344');
  });

  it('reports a node nobody can reach, a dead end and an ending no path reaches', () => {
    const index = patched([
      { op: 'add', path: '/phases/discovery/nodes/-', value: node('d-orphan', [choice('d-orphan-go', 'a1')]) },
      { op: 'add', path: '/phases/closing/nodes/-', value: node('c-stuck') },
      { op: 'add', path: '/phases/closing/nodes/0/choices/-', value: choice('c1-stall', 'c-stuck') },
      {
        op: 'add',
        path: '/endings/-',
        value: {
          id: 'end-never',
          kind: 'lost',
          title: { fr: 'x', en: 'x' },
          summary: { fr: 'x', en: 'x' },
          reason: { fr: 'x', en: 'x' },
        },
      },
    ]);
    const r = checkScenario(index, pack('nrc'));
    expect(r.unreachableNodes).toEqual(['d-orphan']);
    expect(r.deadEnds).toEqual(['c-stuck']);
    expect(r.unreachableEndings).toEqual(['end-never']);
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual(
      expect.arrayContaining([
        ['NS101', '/phases/discovery/nodes/2'],
        ['NS102', '/phases/closing/nodes/1'],
        ['NS103', '/endings/4'],
      ]),
    );
  });

  it('a loop with no way out is a dead end even though its nodes have choices', () => {
    const index = patched([
      { op: 'add', path: '/phases/closing/nodes/-', value: node('c-loop-a', [choice('c-loop-a-go', 'c-loop-b')]) },
      { op: 'add', path: '/phases/closing/nodes/-', value: node('c-loop-b', [choice('c-loop-b-go', 'c-loop-a')]) },
      { op: 'replace', path: '/phases/closing/nodes/0/choices/2/next', value: 'c-loop-a' },
    ]);
    const r = checkScenario(index, pack('nrc'));
    expect(r.loops).toBe(true);
    expect(r.deadEnds.sort()).toEqual(['c-loop-a', 'c-loop-b']);
  });

  it('a condition that can never hold is reported', () => {
    const index = patched([
      {
        op: 'replace',
        path: '/phases/objection/nodes/0/choices/1/condition/when',
        value: { gauge: 'trust', gte: 100 },
      },
    ]);
    // Trust starts at 40 and the scenario can add at most +40: it never reaches 100.
    expect(checkScenario(index, pack('nrc')).conditionsNeverHold).toEqual(['o1-grid']);
  });

  it('a node whose every choice is locked forever is a dead end in play', () => {
    const index = patched([
      {
        op: 'add',
        path: '/phases/closing/nodes/-',
        value: node('c-locked', [
          { ...choice('c-locked-go', 'f1'), condition: { when: { need: 'budget' }, unmet: 'hide' } },
        ]),
      },
      { op: 'add', path: '/phases/closing/nodes/0/choices/-', value: choice('c1-wait', 'c-locked') },
      { op: 'replace', path: '/phases/discovery/nodes/1/choices/0/effects', value: {} },
    ]);
    const r = checkScenario(index, pack('nrc'));
    expect(r.conditionsNeverHold).toEqual(['c-locked-go']);
    expect(r.deadEnds).toEqual(['c-locked']);
  });

  it('a skill announced by the scenario but shown by no choice is reported', () => {
    const index = patched([{ op: 'add', path: '/meta/skills/-', value: 'closing.recap' }]);
    expect(checkScenario(index, pack('nrc')).skillsNeverEvidenced).toEqual(['closing.recap']);
  });

  it('evidence inside a loop counts once: a student cannot farm points by asking the same question again', () => {
    // A discovery hub: the open question leads back to the same node.
    const index = patched([
      {
        op: 'add',
        path: '/phases/discovery/nodes/0/choices/-',
        value: choice('d1-again', 'd1', [{ skill: 'discovery.open-question' }]),
      },
    ]);
    const once = play(index, [
      'prep-plan',
      'p1-agenda',
      'd1-again',
      'd1-open',
      'd2-budget',
      'a1-cap',
      'o1-question',
      'c1-alt',
      'f1-next',
    ]);
    const thrice = play(index, [
      'prep-plan',
      'p1-agenda',
      'd1-again',
      'd1-again',
      'd1-again',
      'd1-open',
      'd2-budget',
      'a1-cap',
      'o1-question',
      'c1-alt',
      'f1-next',
    ]);
    const model = scoringModelFor(index, pack('nrc'));
    expect(evaluateWithModel(model, thrice.context()).exactMark).toBe(
      evaluateWithModel(model, once.context()).exactMark,
    );
    const r = checkScenario(index, pack('nrc'));
    expect(r.loops).toBe(true);
    expect(evaluateWithModel(model, play(index, r.bestPath).context()).mark).toBe(r.bestScore);
  });

  it('a generated scenario of 2,000 nodes with more than 10^50 paths is checked by graph analysis, with playable witnesses', () => {
    const loaded = loadScenarioDocument(syntheticScenario({ skills, nodes: 2000 }), skills);
    expect(loaded.diagnostics).toEqual([]);
    const index = indexScenario(loaded.scenario!, skills);
    const r = checkScenario(index, pack('ndrc'));
    expect(r.nodes).toBeGreaterThanOrEqual(1991);
    expect(BigInt(r.paths)).toBeGreaterThan(10n ** 50n);
    expect(r.unreachableNodes.length + r.deadEnds.length).toBeLessThan(r.nodes);
    const model = scoringModelFor(index, pack('ndrc'));
    expect(evaluateWithModel(model, play(index, r.bestPath).context()).mark).toBe(r.bestScore);
    expect(r.bestScore).toBeGreaterThan(r.worstScore);
  });
});
