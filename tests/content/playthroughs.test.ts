import { describe, expect, it } from 'vitest';
import { BAD_HABITS, HABIT_SIGNATURES, type Playthrough } from '../../src/core/playthroughs/format.ts';
import { runPlaythrough, type PlaythroughRun } from '../../src/core/playthroughs/run-playthrough.ts';
import { packs, PACK_IDS } from '../../src/core/referentials/bundled.ts';
import type { Evaluation } from '../../src/core/scoring/evaluate.ts';
import { shippedScenarios } from '../support/shipped-scenarios.ts';

/**
 * Every shipped scenario carries its expected playthroughs; replaying them pins down how the
 * scenario marks a student, under both referentials: the best path scores at least 17/20,
 * keeping a bad habit all along sinks the mark to 8/20 or less, and a single such mistake
 * costs at least 2 points and a level.
 */
const LEVELS = ['non-acquis', 'en-cours', 'acquis', 'maitrise'];
const levelRank = (ev: Evaluation, code: string) =>
  LEVELS.indexOf(ev.competences.find((c) => c.code === code)?.level ?? 'none');
/** The three weakest marked competences — more when several tie with the third. */
const weakest3 = (ev: Evaluation) => {
  const marked = ev.competences
    .filter((c) => c.weight > 0 && c.ratio !== null)
    .sort((a, b) => (a.ratio ?? 0) - (b.ratio ?? 0));
  const third = marked[Math.min(2, marked.length - 1)]?.ratio ?? 0;
  return marked.filter((c) => (c.ratio ?? 0) <= third).map((c) => c.code);
};

for (const scenario of shippedScenarios()) {
  describe(`expected playthroughs of ${scenario.file}`, () => {
    it('ships a valid playthroughs file for this scenario', () => {
      expect(scenario.playthroughProblems).toBeNull();
      expect(scenario.playthroughs?.scenario).toBe(scenario.index.scenario.meta.id);
    });
    const file = scenario.playthroughs;
    if (!file) return;
    const runs = new Map<Playthrough, PlaythroughRun>(
      file.playthroughs.map((p) => [p, runPlaythrough(scenario.index, p)]),
    );
    const best = file.playthroughs.filter((p) => p.kind === 'best');

    it('has exactly one best path, and it scores at least 17/20 under both referentials', () => {
      expect(best.length).toBe(1);
      const run = runs.get(best[0] as Playthrough) as PlaythroughRun;
      for (const id of PACK_IDS) expect(run.evaluations[id].mark, id).toBeGreaterThanOrEqual(17);
    });

    for (const [p, run] of runs) {
      it(`${p.id}: plays to its ending with the marks and weak points it expects`, () => {
        expect(run.refused).toBeNull();
        expect(run.complete).toBe(true);
        if (p.expect.ending) expect(run.endingId).toBe(p.expect.ending);
        for (const id of PACK_IDS) {
          const range = p.expect.marks?.[id];
          const mark = run.evaluations[id].mark;
          if (range?.min !== undefined) expect(mark, `${id} mark`).toBeGreaterThanOrEqual(range.min);
          if (range?.max !== undefined) expect(mark, `${id} mark`).toBeLessThanOrEqual(range.max);
          for (const code of p.expect.weakest?.[id] ?? [])
            expect(weakest3(run.evaluations[id]), `${id} weakest`).toContain(code);
        }
        if (p.habit)
          expect(
            HABIT_SIGNATURES[p.habit].some((s) => run.shown.has(s)),
            `shows ${p.habit}`,
          ).toBe(true);
      });

      if (p.kind === 'one-mistake') {
        it(`${p.id}: one ${p.habit} mistake costs at least 2 points and a level of the competence it concerns`, () => {
          const bestRun = runs.get(best[0] as Playthrough) as PlaythroughRun;
          for (const id of PACK_IDS) {
            expect(run.evaluations[id].mark, id).toBeLessThanOrEqual(bestRun.evaluations[id].mark - 2);
            const code = p.expect.levelDrop?.[id];
            expect(code, `${id} levelDrop declared`).toBeDefined();
            expect(packs[id].competences.some((c) => c.code === code && c.weight > 0)).toBe(true);
            expect(levelRank(run.evaluations[id], code as string), `${id} ${code}`).toBeLessThan(
              levelRank(bestRun.evaluations[id], code as string),
            );
          }
        });
      }
    }

    {
      it('covers every bad habit twice: kept all along (≤ 8/20 under both referentials) and as a single mistake', () => {
        for (const habit of BAD_HABITS) {
          const kept = file.playthroughs.filter((p) => p.kind === 'bad-habit' && p.habit === habit);
          expect(kept.length, `${habit} kept all along`).toBeGreaterThan(0);
          for (const p of kept)
            for (const id of PACK_IDS)
              expect(runs.get(p)?.evaluations[id].mark, `${p.id} ${id}`).toBeLessThanOrEqual(8);
          expect(
            file.playthroughs.some((p) => p.kind === 'one-mistake' && p.habit === habit),
            `${habit} single mistake`,
          ).toBe(true);
        }
      });
    }
  });
}
