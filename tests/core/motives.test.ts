import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canHold, possibilities } from '../../src/core/check/condition-analysis.ts';
import { motiveDiagnostics } from '../../src/core/check/motive-checks.ts';
import { holds, type ConditionState } from '../../src/core/scenario/conditions.ts';
import { loadScenarioDocument } from '../../src/core/scenario/load.ts';
import { factsToFind, techniqueSuits } from '../../src/core/scenario/persona-facts.ts';
import { indexScenario, type ScenarioIndex } from '../../src/core/scenario/scenario-index.ts';
import { applyEffects } from '../../src/core/visit/client-state.ts';
import { applyPatch, type PatchOp } from '../support/json-patch.ts';
import { baseScenario } from '../support/error-examples.ts';
import { MINI_BEST, play, ROOT } from '../support/fixtures.ts';
import { skills } from '../support/referentials.ts';

/** Motives that matter: persona facts revealed by choices, tested by conditions, targeted by arguments. */
const D1_OPEN = '/phases/discovery/nodes/0/choices/0';
const A1_CAP = '/phases/argument/nodes/0/choices/0';
const O1 = '/phases/objection/nodes/0';

function load(patch: PatchOp[]) {
  return loadScenarioDocument(applyPatch(baseScenario(), patch), skills);
}
function mini(patch: PatchOp[] = []): ScenarioIndex {
  const { scenario, diagnostics } = load(patch);
  if (!scenario) throw new Error(JSON.stringify(diagnostics));
  return indexScenario(scenario, skills);
}
const codes = (index: ScenarioIndex) => motiveDiagnostics(index).map((d) => `${d.code} ${d.path}`);

describe('a choice reveals what the client says about themself', () => {
  it('the open discovery question reveals the comfort motive, the budget question the budget, in the order asked', () => {
    const s = play(mini(), MINI_BEST);
    expect(s.context().revealed).toEqual(['motive.confort', 'budget']);
  });

  it('a fact revealed twice is listed once', () => {
    const ctx = { gauges: { trust: 50, interest: 50, irritation: 0 }, needs: [], flags: {}, vars: {} };
    const once = applyEffects({ ...ctx, revealed: ['budget'] }, { reveal: ['budget', 'decision-maker', 'budget'] });
    expect(once.revealed).toEqual(['budget', 'decision-maker']);
  });

  it('a visit that skips the discovery reveals nothing', () => {
    expect(play(mini(), ['prep-none', 'p1-pitch']).context().revealed).toEqual([]);
  });
});

describe('conditions test a revealed fact', () => {
  const state = (revealed: string[]): ConditionState => ({
    gauges: { trust: 50, interest: 50, irritation: 0 },
    needs: [],
    flags: {},
    vars: {},
    visited: [],
    chosen: [],
    revealed,
  });

  it('holds once the fact is revealed, and composes with not/all', () => {
    expect(holds({ revealed: 'motive.confort' }, state([]))).toBe(false);
    expect(holds({ revealed: 'motive.confort' }, state(['motive.confort']))).toBe(true);
    expect(holds({ all: [{ revealed: 'budget' }, { not: { revealed: 'frein.frein-1' } }] }, state(['budget']))).toBe(
      true,
    );
  });

  it('locks an argument until its motive is found: hidden without the discovery, offered with it', () => {
    const index = mini([{ op: 'add', path: `${A1_CAP}/condition`, value: { when: { revealed: 'budget' } } }]);
    expect(play(index, ['prep-plan', 'p1-agenda', 'd1-open', 'd2-skip']).context().order).not.toContain('a1-cap');
    expect(play(index, ['prep-plan', 'p1-agenda', 'd1-open', 'd2-budget']).context().order).toContain('a1-cap');
  });

  it('the static analysis knows a fact no choice reveals can never be found', () => {
    const index = mini();
    const all = new Set(index.choices.keys());
    const p = possibilities(index, new Set(index.nodes.keys()), all, true);
    expect(canHold({ revealed: 'budget' }, p)).toBe(true);
    expect(canHold({ revealed: 'decision-maker' }, p)).toBe(false);
  });
});

describe('references to persona facts are checked (NS075)', () => {
  it('a motive the persona does not weigh, an unknown frein and a misspelt condition are each reported with a suggestion', () => {
    const result = load([
      { op: 'add', path: `${D1_OPEN}/effects/reveal/-`, value: 'motive.environnement' },
      { op: 'add', path: `${A1_CAP}/targets`, value: 'frein.frein-2' },
      { op: 'add', path: `${A1_CAP}/condition`, value: { when: { revealed: 'budjet' } } },
    ]);
    expect(result.scenario).toBeUndefined();
    expect(result.diagnostics.filter((d) => d.code === 'NS075')).toEqual([
      expect.objectContaining({
        path: `${D1_OPEN}/effects/reveal/1`,
        params: { fact: 'motive.environnement', suggestion: expect.any(String) as string },
      }),
      expect.objectContaining({
        path: `${A1_CAP}/targets`,
        params: { fact: 'frein.frein-2', suggestion: 'frein.frein-1' },
      }),
      expect.objectContaining({
        path: `${A1_CAP}/condition/when/revealed`,
        params: { fact: 'budjet', suggestion: 'budget' },
      }),
    ]);
  });

  it('a reveal that is not a persona fact at all is a shape error', () => {
    const result = load([{ op: 'add', path: `${D1_OPEN}/effects/reveal/-`, value: 'securite' }]);
    expect(result.diagnostics.map((d) => d.path)).toContain(`${D1_OPEN}/effects/reveal/1`);
  });
});

describe('arguments and objection techniques, as negosim check sees them', () => {
  it('the mini visit as shipped raises no motive warning', () => {
    expect(codes(mini())).toEqual([]);
  });

  it('NS119: an argument aimed at a frein no choice reveals', () => {
    expect(codes(mini([{ op: 'replace', path: `${A1_CAP}/targets`, value: 'frein.frein-1' }]))).toEqual([
      `NS119 ${A1_CAP}/targets`,
    ]);
  });

  it('NS121: a dominant motive (4 or 5) that no choice reveals', () => {
    expect(codes(mini([{ op: 'remove', path: `${D1_OPEN}/effects/reveal` }]))).toEqual([
      `NS119 ${A1_CAP}/targets`,
      'NS121 /persona/motives/confort',
    ]);
  });

  it('NS120: a good answer to a pretext that compensates, where only questioning isolates the real frein', () => {
    const index = mini([
      { op: 'add', path: `${O1}/objection`, value: { kind: 'pretext' } },
      { op: 'add', path: `${O1}/choices/0/technique`, value: 'questioning' },
      { op: 'add', path: `${O1}/choices/1/technique`, value: 'compensation' },
    ]);
    expect(codes(index)).toEqual([`NS120 ${O1}/choices/1/technique`]);
  });

  it('a poor answer with an unsuited technique is not flagged: the feedback already says it is poor', () => {
    const index = mini([
      { op: 'add', path: `${O1}/objection`, value: { kind: 'pretext' } },
      { op: 'add', path: `${O1}/choices/2/technique`, value: 'compensation' },
    ]);
    expect(codes(index)).toEqual([]);
  });

  it('NS122: a technique on an answer to a line that is not an objection', () => {
    expect(codes(mini([{ op: 'add', path: `${A1_CAP}/technique`, value: 'proof' }]))).toEqual([
      `NS122 ${A1_CAP}/technique`,
    ]);
  });

  it('questioning suits every kind; compensation only a sincere, founded objection', () => {
    for (const kind of ['sincere-founded', 'sincere-unfounded', 'pretext', 'tacit', 'principle'] as const)
      expect(techniqueSuits(kind, 'questioning'), kind).toBe(true);
    expect(techniqueSuits('sincere-founded', 'compensation')).toBe(true);
    expect(techniqueSuits('principle', 'compensation')).toBe(false);
    expect(techniqueSuits('pretext', 'proof')).toBe(false);
  });

  it('the facts to find are the dominant motives and whatever the scenario lets the player find', () => {
    expect(factsToFind(mini().scenario)).toEqual(['motive.confort', 'budget']);
  });
});

describe('scenario format migration 1 → 2 (no dead fields)', () => {
  const before = () =>
    JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/migrations/scenario/1/before.json'), 'utf8')) as Record<
      string,
      unknown
    >;

  it('a version 1 scenario still loads: its freins get ids in file order and needs lose the unread "hidden"', () => {
    const { scenario } = loadScenarioDocument(before(), skills);
    expect(scenario?.formatVersion).toBe(2);
    expect(scenario?.persona.freins.map((f) => f.id)).toEqual(['frein-1', 'frein-2']);
    expect(scenario?.persona.freins[1]?.label.fr).toBe('Budget serré.');
    expect(scenario?.persona.needs.every((n) => !('hidden' in n))).toBe(true);
  });

  it('a frein that already has an id keeps it; a version 2 file with "hidden" is refused as an unknown field', () => {
    const doc = before();
    const persona = doc.persona as { freins: unknown[] };
    persona.freins[0] = { id: 'fournisseur', label: { fr: 'A déjà un fournisseur.', en: 'Has a supplier.' } };
    expect(loadScenarioDocument(doc, skills).scenario?.persona.freins.map((f) => f.id)).toEqual([
      'fournisseur',
      'frein-2',
    ]);
    const v2 = applyPatch(baseScenario(), [{ op: 'add', path: '/persona/needs/0/hidden', value: true }]);
    expect(loadScenarioDocument(v2, skills).diagnostics.map((d) => `${d.code} ${d.path}`)).toContain(
      'NS022 /persona/needs/0/hidden',
    );
  });
});
