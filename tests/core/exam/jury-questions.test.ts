import { describe, expect, it } from 'vitest';
import { JUSTIFICATIONS, juryQuestions, reflectiveScore } from '../../../src/core/exam/jury-questions.ts';
import { MINI_POOR, miniVisit, play } from '../../support/fixtures.ts';
import { shippedScenarios } from '../../support/shipped-scenarios.ts';
import { ExamRunSchema } from '../../../src/core/save/format.ts';

describe("the jury's questions after the simulation", () => {
  const printer = shippedScenarios('all').find((s) => s.file.startsWith('premiere-visite'))!;

  it('asks about a concession made, an objection handled and a motive missed, from the log', () => {
    const best = printer.playthroughs!.playthroughs[0]!;
    const ctx = play(printer.index, best.path).context();
    const questions = juryQuestions(printer.index, ctx);
    expect(questions.map((q) => q.kind).slice(0, 2)).toEqual(['concession', 'objection']);
    const concession = questions[0]!;
    expect(concession.item).toBe('discountPercent');
    expect(concession.withCounterpart).toBe(true);
    const step = ctx.steps[concession.step!];
    expect(step?.kind === 'negotiation' && step.move.type).toBe('concede');
    expect(questions.length).toBeLessThanOrEqual(3);
    // The same log gets the same questions.
    expect(juryQuestions(printer.index, play(printer.index, best.path).context())).toEqual(questions);
  });

  it('names a need the visit never uncovered, and fills up with the poorest answers', () => {
    const index = miniVisit();
    const ctx = play(index, MINI_POOR).context();
    const questions = juryQuestions(index, ctx);
    expect(questions).toHaveLength(3);
    const motive = questions.find((q) => q.kind === 'motive');
    expect(motive?.needId).toBeDefined();
    expect(ctx.needs).not.toContain(motive?.needId);
    for (const q of questions) {
      expect([...q.options].sort()).toEqual([...JUSTIFICATIONS[q.kind]].sort());
      expect(q.expected).toBe(JUSTIFICATIONS[q.kind][0]);
    }
  });

  it('scores the reflective analysis as the share of expected justifications', () => {
    const index = miniVisit();
    const questions = juryQuestions(index, play(index, MINI_POOR).context());
    const all = Object.fromEntries(questions.map((q) => [q.id, q.expected]));
    expect(reflectiveScore(questions, all)).toEqual({ sound: 3, asked: 3 });
    const first = questions[0]!;
    const wrong = first.options.find((o) => o !== first.expected)!;
    expect(reflectiveScore(questions, { ...all, [first.id]: wrong })).toEqual({ sound: 2, asked: 3 });
    expect(reflectiveScore(questions, {})).toEqual({ sound: 0, asked: 3 });
  });

  it('keeps the answers with the exam run in the save, and refuses odd keys', () => {
    const run = { prepLimitMs: 5000, simLimitMs: 90_000, prepStartedAt: 1 };
    expect(ExamRunSchema.parse({ ...run, jury: { 'concession-12': 'counterpart' } }).jury).toEqual({
      'concession-12': 'counterpart',
    });
    expect(ExamRunSchema.safeParse({ ...run, jury: { __proto__x: 'counterpart' } }).success).toBe(false);
    expect(ExamRunSchema.safeParse({ ...run, jury: { 'choice-1': 'x'.repeat(41) } }).success).toBe(false);
  });
});
