import { describe, expect, it } from 'vitest';
import { pack, skills } from '../support/referentials.ts';
import { evaluateVisit, levelOf, roundToStep } from '../../src/core/scoring/evaluate.ts';
import { indexScenario } from '../../src/core/scenario/scenario-index.ts';
import { loadScenarioDocument } from '../../src/core/scenario/load.ts';
import { applyPatch } from '../support/json-patch.ts';
import { baseScenario } from '../support/error-examples.ts';
import { miniVisit, play, MINI_BEST } from '../support/fixtures.ts';

/**
 * Expectations below are computed by hand from the skill map of each pack; the comments show
 * the arithmetic so a teacher can check it.
 */
const PATH_P = ['prep-none', 'p1-agenda', 'd1-closed', 'd2-budget', 'a1-generic', 'o1-question', 'c1-alt', 'f1-leave'];
const evaluate = (path: string[], id: string) => {
  const index = miniVisit();
  return evaluateVisit(index, pack(id), play(index, path).context());
};
const competence = (ev: ReturnType<typeof evaluate>, code: string) => ev.competences.find((c) => c.code === code);

describe('marking a visit against the referentials', () => {
  it('the best path of the test scenario earns 20/20 under both referentials, every marked competence mastered', () => {
    for (const id of ['nrc', 'ndrc']) {
      const ev = evaluate(MINI_BEST, id);
      expect(ev.mark).toBe(20);
      for (const c of ev.competences.filter((c) => c.weight > 0)) expect(c.level, `${id} ${c.code}`).toBe('maitrise');
    }
  });

  it('NRC, a mixed visit: 8/20 — C31 mastered, C32 and C33 not acquired', () => {
    const ev = evaluate(PATH_P, 'nrc');
    // C31 max 1 (budget asked); earned 1 → ratio 1.
    expect(competence(ev, 'C31')).toMatchObject({ points: 1, max: 1, ratio: 1, level: 'maitrise' });
    // C32 max 3 (two preparation skills + agenda); earned −1 (improvised) + 1 (agenda) = 0.
    expect(competence(ev, 'C32')).toMatchObject({ points: 0, max: 3, ratio: 0, level: 'non-acquis' });
    // C33 max 7.5; earned +1 greeting −1 interrogation +1.5 reformulation/budget −1 generic argument +1 question +1 alternative −1 abrupt exit = 1.5 → 0.2.
    expect(competence(ev, 'C33')).toMatchObject({ points: 1.5, max: 7.5, ratio: 0.2, level: 'non-acquis' });
    // 20 × (0.30 × 1 + 0.25 × 0 + 0.45 × 0.2) = 7.8 → 8 (rounded to the half point).
    expect(ev.exactMark).toBe(7.8);
    expect(ev.mark).toBe(8);
  });

  it('NDRC, the same visit: 3.5/20 — only the interpersonal relationship is being acquired', () => {
    const ev = evaluate(PATH_P, 'ndrc');
    // CP6: +2 greeting and agenda −0.5 interrogation +0.5 reformulation −1 abrupt exit = 1 of 2.5 → 0.4.
    expect(competence(ev, 'CP6')).toMatchObject({ points: 1, max: 2.5, ratio: 0.4, level: 'en-cours' });
    // CP7: −1 improvised +1 question +1 alternative = 1 of 4.
    expect(competence(ev, 'CP7')).toMatchObject({ points: 1, max: 4, ratio: 0.25, level: 'non-acquis' });
    // CP10: −0.5 improvised −1 interrogation +2 reformulation and budget +0.5 question = 1 of 3.5.
    expect(competence(ev, 'CP10')).toMatchObject({ points: 1, max: 3.5, level: 'non-acquis' });
    for (const code of ['CP8', 'CP9', 'CP11', 'CP12']) expect(competence(ev, code)?.ratio, code).toBe(0);
    // 20 × (0.15 × 0.4 + 0.20 × 0.25 + 0.20 × 1/3.5) = 3.343 → 3.5.
    expect(ev.exactMark).toBe(3.343);
    expect(ev.mark).toBe(3.5);
  });

  it('the debrief names the weakest moves with the better choice that was on offer, and the strongest moves', () => {
    const ev = evaluate(PATH_P, 'nrc');
    // Worth in marks under NRC: improvising the preparation −1.67 where objectives were worth +3.33 (gap 5);
    // the interrogation and the abrupt exit −1.2 each where the better choice was worth +1.2 (gap 2.4).
    expect(ev.weaknesses.map((w) => w.choiceId)).toEqual(['prep-none', 'd1-closed', 'f1-leave']);
    expect(ev.weaknesses[0]).toMatchObject({
      stage: 'briefing',
      betterChoice: 'prep-plan',
      value: -1.667,
      betterValue: 3.333,
    });
    expect(ev.weaknesses[1]).toMatchObject({
      stage: 'discovery',
      betterChoice: 'd1-open',
      competences: ['C33', 'FI.2.2'],
    });
    expect(ev.strengths.map((s) => s.choiceId)).toEqual(expect.arrayContaining(['d2-budget']));
    for (const s of ev.strengths) expect(s.value).toBeGreaterThan(0);
  });

  it('each phase shows the share of what the best available choice would have earned', () => {
    const ev = evaluate(PATH_P, 'nrc');
    const phase = (stage: string) => ev.phases.find((p) => p.stage === stage)?.score;
    expect(phase('prospection')).toBe(1);
    expect(phase('closing')).toBe(1);
    expect(phase('briefing')).toBe(0);
    expect(phase('discovery')).toBeGreaterThan(0);
    expect(phase('discovery')).toBeLessThan(1);
  });

  it('a sale reports its revenue, its marge and its taux de marque; the client’s final gauges are given', () => {
    const ev = evaluate(MINI_BEST, 'nrc');
    // Trust: 40 at the start, +10 for the agenda, +10 for the personalised argument, +10 for questioning the objection.
    expect(ev.outcome).toMatchObject({
      kind: 'sale',
      deal: true,
      revenueHT: 600,
      marge: 200,
      tauxDeMarque: 33.33,
      trust: 70,
      needsDiscovered: 2,
      needsTotal: 2,
    });
    expect(evaluate(['prep-none', 'p1-pitch', 'a1-generic', 'o1-discount', 'c1-force'], 'nrc').outcome).toMatchObject({
      kind: 'lost',
      deal: false,
      revenueHT: null,
    });
  });

  it('a competence the scenario never exercises is left out of the mark rather than counted as failed', () => {
    const doc = applyPatch(baseScenario(), [
      { op: 'replace', path: '/phases/followup/nodes/0/choices/0/skills', value: [] },
      { op: 'replace', path: '/phases/followup/nodes/1/choices/0/skills', value: [] },
    ]);
    const index = indexScenario(loadScenarioDocument(doc, skills).scenario!, skills);
    const ev = evaluateVisit(index, pack('ndrc'), play(index, MINI_BEST).context());
    expect(ev.competences.find((c) => c.code === 'CP12')).toMatchObject({ ratio: null, level: null });
    expect(ev.mark).toBe(20);
  });

  it('marks are rounded half up to the half point, levels follow the pack thresholds', () => {
    expect(roundToStep(14.25, 0.5)).toBe(14.5);
    expect(roundToStep(14.2499, 0.5)).toBe(14);
    expect(roundToStep(-3, 0.5)).toBe(0);
    expect(roundToStep(20.4, 0.5)).toBe(20);
    const nrc = pack('nrc');
    expect([0, 0.34, 0.35, 0.59, 0.6, 0.84, 0.85, 1].map((r) => levelOf(nrc, r))).toEqual([
      'non-acquis',
      'non-acquis',
      'en-cours',
      'en-cours',
      'acquis',
      'acquis',
      'maitrise',
      'maitrise',
    ]);
  });
});
