import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { gameResources } from '../../src/i18n/game-resources.ts';
import { motivesDebrief } from '../../src/present/debrief.ts';
import { loadScenarioDocument } from '../../src/core/scenario/load.ts';
import { indexScenario } from '../../src/core/scenario/scenario-index.ts';
import { applyPatch } from '../support/json-patch.ts';
import { baseScenario } from '../support/error-examples.ts';
import { MINI_BEST, miniVisit, play } from '../support/fixtures.ts';
import { skills } from '../support/referentials.ts';

/** What the student reads in the debrief about the client's motives, in French and in English. */
const NBSP = /[\u00a0\u202f]/;
const debrief = (lang: 'fr' | 'en', path: string[], index = miniVisit()) =>
  motivesDebrief(index, play(index, path).context(), lang, createI18n(lang, gameResources).t);

describe('the motives part of the debrief', () => {
  it('after a full discovery: the dominant comfort motive and the budget are found, with their weight and the budget note', () => {
    const m = debrief('fr', MINI_BEST);
    expect(m.found.map((r) => `${r.label} · ${r.detail}`)).toEqual([
      'Confort · poids 4 sur 5',
      expect.stringMatching(/^Budget · 1\s500,00\s€ · Annuel\.$/),
    ]);
    expect(m.found[0]?.dominant).toBe(true);
    expect(m.missed).toEqual([]);
  });

  it('after skipping the budget question, the budget is listed as missed', () => {
    const m = debrief('en', ['prep-plan', 'p1-agenda', 'd1-open', 'd2-skip']);
    expect(m.found.map((r) => r.label)).toEqual(['Comfort']);
    expect(m.missed.map((r) => r.label)).toEqual(['Budget']);
  });

  it('says whether the argument aimed at a motive the student had drawn from the client', () => {
    const [found] = debrief('fr', MINI_BEST).arguments;
    expect(found).toMatchObject({ fact: 'motive.confort', target: 'le mobile Confort', targetFound: true });
    // The same argument aimed at the budget, on a path that never asked for it.
    const { scenario } = loadScenarioDocument(
      applyPatch(baseScenario(), [
        { op: 'replace', path: '/phases/argument/nodes/0/choices/0/targets', value: 'budget' },
      ]),
      skills,
    );
    const index = indexScenario(scenario!, skills);
    const [missed] = debrief('en', ['prep-plan', 'p1-agenda', 'd1-open', 'd2-skip', 'a1-cap'], index).arguments;
    expect(missed).toMatchObject({ target: 'the budget', targetFound: false });
  });

  it('names the objection’s kind, the technique used and the suitable ones, in French with French typography', () => {
    const { scenario } = loadScenarioDocument(
      applyPatch(baseScenario(), [
        { op: 'add', path: '/phases/objection/nodes/0/objection', value: { kind: 'principle' } },
        { op: 'add', path: '/phases/objection/nodes/0/choices/1/technique', value: 'compensation' },
      ]),
      skills,
    );
    const index = indexScenario(scenario!, skills);
    const path = ['prep-plan', 'p1-agenda', 'd1-open', 'd2-budget', 'a1-cap', 'o1-grid'];
    const [fr] = debrief('fr', path, index).objections;
    expect(fr).toMatchObject({ kind: 'de principe', technique: 'compensation', suits: false });
    expect(fr?.suited).toEqual(['questionnement', 'report', 'preuve', 'témoignage', 'boomerang']);
    const [en] = debrief('en', path, index).objections;
    expect(en).toMatchObject({ kind: 'of principle', objection: "EN C'est trop cher." });
    const t = createI18n('fr', gameResources).t;
    expect(t('present:motives.personality', { text: 'x' })).toMatch(NBSP);
  });
});

describe('who decides, in the debrief', () => {
  it('says a client who does not decide alone, agreeing with her gender in French', () => {
    const { scenario } = loadScenarioDocument(
      applyPatch(baseScenario(), [
        { op: 'add', path: '/persona/gender', value: 'female' },
        { op: 'replace', path: '/persona/decisionMaker/isDecisionMaker', value: false },
        { op: 'add', path: '/phases/discovery/nodes/1/choices/0/effects/reveal/-', value: 'decision-maker' },
      ]),
      skills,
    );
    const index = indexScenario(scenario!, skills);
    const fr = debrief('fr', MINI_BEST, index).found.find((r) => r.kind === 'decision-maker');
    expect(fr?.detail).toMatch(/^ne décide pas seule · /);
    const en = debrief('en', MINI_BEST, index).found.find((r) => r.kind === 'decision-maker');
    expect(en?.label).toBe('Decision-maker');
    expect(en?.detail).toMatch(/^does not decide alone · /);
  });
});
