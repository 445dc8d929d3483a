import { describe, expect, it } from 'vitest';
import { BAD_HABITS, HABIT_SIGNATURES, type Playthrough } from '../../src/core/playthroughs/format.ts';
import { runPlaythrough, type PlaythroughRun } from '../../src/core/playthroughs/run-playthrough.ts';
import { pack, refs } from '../support/referentials.ts';
import type { Evaluation } from '../../src/core/scoring/evaluate.ts';
import { shippedScenarios } from '../support/shipped-scenarios.ts';

/**
 * Every shipped scenario carries its expected playthroughs; replaying them pins down how the
 * scenario marks a student, under both referentials: the best path scores at least 17/20,
 * keeping a bad habit all along sinks the mark to 8/20 or less, and a single such mistake
 * costs at least 2 points and a level.
 */
const LEVELS = ['non-acquis', 'en-cours', 'acquis', 'maitrise'];
const packIds = refs.packs.map((p) => p.id);
/** The run's evaluation under a pack (every run is marked under every shipped pack). */
const under = (run: PlaythroughRun | undefined, id: string): Evaluation => {
  const ev = run?.evaluations.get(id);
  if (!ev) throw new Error(`no evaluation under ${id}`);
  return ev;
};
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
      file.playthroughs.map((p) => [p, runPlaythrough(scenario.index, p, refs.packs)]),
    );
    const best = file.playthroughs.filter((p) => p.kind === 'best');

    it('has exactly one best path, and it scores at least 17/20 under both referentials', () => {
      expect(best.length).toBe(1);
      const run = runs.get(best[0] as Playthrough) as PlaythroughRun;
      for (const id of packIds) expect(under(run, id).mark, id).toBeGreaterThanOrEqual(17);
    });

    for (const [p, run] of runs) {
      it(`${p.id}: plays to its ending with the marks and weak points it expects`, () => {
        expect(run.refused).toBeNull();
        expect(run.complete).toBe(true);
        if (p.expect.ending) expect(run.endingId).toBe(p.expect.ending);
        for (const id of packIds) {
          const range = p.expect.marks?.[id];
          const mark = under(run, id).mark;
          if (range?.min !== undefined) expect(mark, `${id} mark`).toBeGreaterThanOrEqual(range.min);
          if (range?.max !== undefined) expect(mark, `${id} mark`).toBeLessThanOrEqual(range.max);
          for (const code of p.expect.weakest?.[id] ?? [])
            expect(weakest3(under(run, id)), `${id} weakest`).toContain(code);
        }
        if (p.kind === 'bad-habit' || p.kind === 'one-mistake')
          expect(
            HABIT_SIGNATURES[p.habit].some((s) => run.shown.has(s)),
            `shows ${p.habit}`,
          ).toBe(true);
      });

      if (p.kind === 'one-mistake') {
        it(`${p.id}: one ${p.habit} mistake costs at least 2 points and a level of the competence it concerns`, () => {
          const bestRun = runs.get(best[0] as Playthrough) as PlaythroughRun;
          for (const id of packIds) {
            expect(under(run, id).mark, id).toBeLessThanOrEqual(under(bestRun, id).mark - 2);
            const code = p.expect.levelDrop?.[id];
            expect(code, `${id} levelDrop declared`).toBeDefined();
            expect(pack(id).competences.some((c) => c.code === code && c.weight > 0)).toBe(true);
            expect(levelRank(under(run, id), code as string), `${id} ${code}`).toBeLessThan(
              levelRank(under(bestRun, id), code as string),
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
            for (const id of packIds) expect(under(runs.get(p), id).mark, `${p.id} ${id}`).toBeLessThanOrEqual(8);
          expect(
            file.playthroughs.some((p) => p.kind === 'one-mistake' && p.habit === habit),
            `${habit} single mistake`,
          ).toBe(true);
        }
      });
    }
  });
}
