import { describe, expect, it } from 'vitest';
import { clockOf, examLimits, remainingMs, withSimulationTime } from '../../../src/core/exam/exam-timing.ts';
import { ExamRunSchema, InProgressSchema, AttemptSchema } from '../../../src/core/save/format.ts';

describe('exam timing', () => {
  it('is 40 minutes of preparation and 20 of simulation unless a training value shortens it', () => {
    expect(examLimits({})).toEqual({ prepLimitMs: 40 * 60_000, simLimitMs: 20 * 60_000 });
    expect(examLimits({ prep: '5', sim: '90' })).toEqual({ prepLimitMs: 5000, simLimitMs: 90_000 });
    for (const bad of ['0', '-3', '1e3', 'abc', '999999', ''])
      expect(examLimits({ prep: bad }).prepLimitMs, bad).toBe(40 * 60_000);
  });

  it("takes a class session's durations over a link's, and ignores a class value out of range", () => {
    expect(examLimits({}, { prepSeconds: 1200, simSeconds: 600 })).toEqual({
      prepLimitMs: 1_200_000,
      simLimitMs: 600_000,
    });
    expect(examLimits({ prep: '5', sim: '90' }, { prepSeconds: 1200 })).toEqual({
      prepLimitMs: 1_200_000,
      simLimitMs: 90_000,
    });
    for (const bad of [0, -60, 7201, 12.5, null, undefined])
      expect(examLimits({}, { simSeconds: bad }).simLimitMs, String(bad)).toBe(20 * 60_000);
  });

  it('counts down from the clock, never below zero nor above the limit', () => {
    expect(remainingMs(60_000, 1000, 1000)).toBe(60_000);
    expect(remainingMs(60_000, 1000, 31_000)).toBe(30_000);
    expect(remainingMs(60_000, 1000, 99_000)).toBe(0);
    expect(remainingMs(60_000, 1000, 0)).toBe(60_000);
    expect(clockOf(61_001)).toEqual({ minutes: 1, seconds: 2 });
    expect(clockOf(0)).toEqual({ minutes: 0, seconds: 0 });
  });

  it('records the time the simulation took', () => {
    const run = { prepLimitMs: 5000, simLimitMs: 90_000, prepStartedAt: 100, simStartedAt: 6000 };
    expect(withSimulationTime(run, 66_000).simMs).toBe(60_000);
    expect(withSimulationTime({ ...run, simStartedAt: undefined }, 66_000).simMs).toBeUndefined();
    expect(ExamRunSchema.safeParse(withSimulationTime(run, 66_000)).success).toBe(true);
  });

  it('is optional in the save: records from before read as they were, and a run is kept', () => {
    const record = {
      id: 'a-b',
      scenarioId: 'a',
      contentHash: 'ab',
      seed: 1,
      pack: 'ndrc',
      mode: 'exam',
      lang: 'fr',
      startedAt: 1,
      log: [],
    };
    expect(InProgressSchema.parse(record)).toEqual(record);
    const exam = { prepLimitMs: 5000, simLimitMs: 90_000, prepStartedAt: 1, sheet: { high: 'x' } };
    expect(InProgressSchema.parse({ ...record, exam }).exam).toEqual(exam);
    const attempt = { ...record, endedAt: 2, endingId: 'e', marks: {}, exam: { ...exam, simMs: 1 } };
    expect(AttemptSchema.parse(attempt).exam?.simMs).toBe(1);
    expect(ExamRunSchema.safeParse({ ...exam, sheet: { high: 'x'.repeat(2001) } }).success).toBe(false);
  });
});
