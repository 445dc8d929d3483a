import { describe, expect, it } from 'vitest';
import { playBot } from '../../src/core/check/strategy-bots.ts';
import {
  BAD_HABITS,
  CALIBRATION_BAND_IDS,
  CALIBRATION_BANDS,
  HABIT_SIGNATURES,
  MAX_REFERENTIAL_GAP,
  type Playthrough,
} from '../../src/core/playthroughs/format.ts';
import { runPlaythrough, type PlaythroughRun } from '../../src/core/playthroughs/run-playthrough.ts';
import { evaluateVisit, type Evaluation } from '../../src/core/scoring/evaluate.ts';
import { openVisit } from '../../src/core/visit/visit-session.ts';
import { refs } from '../support/referentials.ts';
import { shippedScenarios } from '../support/shipped-scenarios.ts';

/**
 * Every shipped scenario carries its expected playthroughs; replaying them pins down how the
 * scenario marks a student, under every referential (docs/scoring.md): the calibrated reference
 * performances stay in the band a jury would give them, two referentials never disagree by
 * more than two points, the best path scores at least 17/20, and a player who picks answers by
 * their length scores 9/20 at most.
 */
const packIds = refs.packs.map((p) => p.id);
const under = (run: PlaythroughRun | undefined, id: string): Evaluation => {
  const ev = run?.evaluations.get(id);
  if (!ev) throw new Error(`no evaluation under ${id}`);
  return ev;
};
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
    // Replayed on first use, not at collection: `-t <scenario>` then only pays for that scenario.
    const replayed = new Map<Playthrough, PlaythroughRun>();
    const runOf = (p: Playthrough): PlaythroughRun => {
      let run = replayed.get(p);
      if (!run) replayed.set(p, (run = runPlaythrough(scenario.index, p, refs.packs)));
      return run;
    };

    it('has exactly one best path, and it scores at least 17/20 under every referential', () => {
      const best = file.playthroughs.filter((p) => p.kind === 'best');
      expect(best.length).toBe(1);
      for (const id of packIds) expect(under(runOf(best[0] as Playthrough), id).mark, id).toBeGreaterThanOrEqual(17);
    });

    for (const p of file.playthroughs) {
      it(`${p.id}: plays to its ending, with the marks and weak points it expects, the same ±${MAX_REFERENTIAL_GAP} under every referential`, () => {
        const run = runOf(p);
        expect(run.refused).toBeNull();
        expect(run.complete).toBe(true);
        if (p.expect.ending) expect(run.endingId).toBe(p.expect.ending);
        const marks = packIds.map((id) => under(run, id).mark);
        expect(Math.max(...marks) - Math.min(...marks), marks.join(' / ')).toBeLessThanOrEqual(MAX_REFERENTIAL_GAP);
        for (const id of packIds) {
          const range = p.expect.marks?.[id];
          const mark = under(run, id).mark;
          if (range?.min !== undefined) expect(mark, `${id} mark`).toBeGreaterThanOrEqual(range.min);
          if (range?.max !== undefined) expect(mark, `${id} mark`).toBeLessThanOrEqual(range.max);
          for (const code of p.expect.weakest?.[id] ?? [])
            expect(weakest3(under(run, id)), `${id} weakest`).toContain(code);
          const dropped = p.expect.levelDrop?.[id];
          if (dropped) {
            // One mistake shows where it belongs: that criterion sits a level below the best path's.
            const best = file.playthroughs.find((q) => q.kind === 'best') as Playthrough;
            const levelIn = (r: PlaythroughRun) => under(r, id).competences.find((c) => c.code === dropped)?.ratio ?? 0;
            const levels = refs.packs.find((q) => q.id === id)?.levels ?? [];
            const rank = (ratio: number) => levels.filter((l) => ratio + 1e-9 >= l.min).length;
            expect(rank(levelIn(run)), `${id} ${dropped} drops a level`).toBeLessThan(rank(levelIn(runOf(best))));
          }
          if (p.kind === 'calibration') {
            const band = CALIBRATION_BANDS[p.band];
            expect(mark, `${id}: ${p.band} is ${band.min}–${band.max}`).toBeGreaterThanOrEqual(band.min);
            expect(mark, `${id}: ${p.band} is ${band.min}–${band.max}`).toBeLessThanOrEqual(band.max);
          }
        }
        if (p.kind === 'bad-habit' || p.kind === 'one-mistake')
          expect(
            HABIT_SIGNATURES[p.habit].some((s) => run.shown.has(s)),
            `shows ${p.habit}`,
          ).toBe(true);
      });
    }

    it('calibrates one reference performance of each band a jury would give', () => {
      const bands = file.playthroughs.flatMap((p) => (p.kind === 'calibration' ? [p.band] : []));
      expect([...new Set(bands)].sort()).toEqual([...CALIBRATION_BAND_IDS].sort());
    });

    it('covers every bad habit kept all along (at most 8/20 under every referential)', () => {
      for (const habit of BAD_HABITS) {
        const kept = file.playthroughs.filter((p) => p.kind === 'bad-habit' && p.habit === habit);
        expect(kept.length, `${habit} kept all along`).toBeGreaterThan(0);
        for (const p of kept)
          for (const id of packIds) expect(under(runOf(p), id).mark, `${p.id} ${id}`).toBeLessThanOrEqual(8);
      }
    });

    it('a player who picks the longest, or the shortest, answer every time scores 9/20 at most', () => {
      for (const bot of ['longest', 'shortest'] as const) {
        const session = openVisit(scenario.index, { seed: 1 });
        playBot(session, bot);
        for (const pack of refs.packs)
          expect(evaluateVisit(scenario.index, pack, session.context()).mark, `${bot} ${pack.id}`).toBeLessThanOrEqual(
            9,
          );
      }
    });
  });
}
