import { describe, expect, it } from 'vitest';
import { refs } from '../support/referentials.ts';
import {
  ATTEMPT_ID_MAX,
  AttemptSchema,
  InProgressSchema,
  MAX_TIME,
  SCENARIO_ID_MAX,
  SCENARIO_ID_PATTERN,
  ScenarioIdSchema,
  emptySave,
  exportResults,
  importReport,
  planImport,
  readResultsFile,
  readSave,
  recordAttempt,
  withBest,
  type Attempt,
} from '../../src/core/save/index.ts';
import { verifyAttempt, type ReplayableScenario } from '../../src/core/save/verify-attempt.ts';
import { KebabIdSchema } from '../../src/core/scenario/format.ts';
import { libraryScenario, playedAttempt } from '../support/played-attempts.ts';

/**
 * Saves and results files from outside — a hand-edited save, a file a classmate sent — are
 * inert: they never change how JavaScript objects behave, never make a screen throw, and never
 * bring a mark the core did not compute.
 */
const SCENARIO = libraryScenario('premiere-visite-imprimante');
const library = new Map<string, ReplayableScenario>([[SCENARIO.id, SCENARIO]]);
const verify = (a: Attempt) => verifyAttempt(library.get(a.scenarioId), a, refs.packs);

const saveWith = (attempts: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ kind: 'negosim-save', saveVersion: 3, settings: {}, attempts, current: null, ...extra });

describe('hostile ids', () => {
  it('"__proto__", "constructor" and "prototype" as scenario ids change nothing outside the save', () => {
    const base = playedAttempt(SCENARIO);
    const text = saveWith(
      ['__proto__', 'constructor', 'prototype'].map((scenarioId, i) => ({
        ...base,
        id: `hostile-${i}`,
        scenarioId,
        marks: { nrc: 20 },
      })),
    );
    const { save, problems } = readSave(text);
    // "__proto__" is not a scenario id (the format's charset); the two others are, and stay keys.
    expect(save.attempts.map((a) => a.scenarioId)).toEqual(['constructor', 'prototype']);
    expect(problems).toEqual([{ kind: 'invalid-part', part: 'attempts', count: 1 }]);
    expect(save.best.constructor).toEqual({ nrc: 20 });
    expect(save.best['__proto__' as string]).toBeUndefined();
    expect(({} as Record<string, unknown>).nrc).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('a v1 save with "__proto__" as a best-mark key migrates without touching Object.prototype', () => {
    const text = JSON.stringify({
      kind: 'negosim-save',
      saveVersion: 1,
      best: JSON.parse('{"__proto__": 20}') as unknown,
    });
    expect(() => readSave(text)).not.toThrow();
    expect(({} as Record<string, unknown>).nrc).toBeUndefined();
  });

  it("a scenario id in a save follows the scenario format's own rule for meta.id", () => {
    expect(SCENARIO_ID_MAX).toBe(KebabIdSchema.maxLength);
    const kebab = KebabIdSchema.def.checks?.map((c) => (c as { _zod: { def: { pattern?: RegExp } } })._zod.def.pattern);
    expect(kebab?.some((p) => p?.source === SCENARIO_ID_PATTERN.source)).toBe(true);
    for (const id of ['a', 'a-b', 'a'.repeat(80), 'A', 'a_b', '-a', 'a'.repeat(81), '__proto__'])
      expect(ScenarioIdSchema.safeParse(id).success, id).toBe(KebabIdSchema.safeParse(id).success);
  });

  it('ids from outside have the charset and length of the format', () => {
    const base = playedAttempt(SCENARIO);
    for (const id of ['', 'a'.repeat(ATTEMPT_ID_MAX + 1), 'Ünïcode', 'a b', '../x', 'a--b'])
      expect(AttemptSchema.safeParse({ ...base, id }).success, JSON.stringify(id)).toBe(false);
  });

  it('an 80-character meta.id makes attempt ids the save keeps, up to the last date JavaScript can hold', () => {
    const longest = `${'a'.repeat(79)}b`;
    expect(KebabIdSchema.safeParse(longest).success).toBe(true);
    const base = playedAttempt(SCENARIO);
    // The id the briefing makes: `${scenarioId}-${start time in base 36}`.
    const id = `${longest}-${MAX_TIME.toString(36)}`;
    expect(AttemptSchema.safeParse({ ...base, id, scenarioId: longest }).success).toBe(true);
    const { endedAt: _e, endingId: _i, marks: _m, ...visit } = { ...base, id, scenarioId: longest };
    expect(InProgressSchema.safeParse(visit).success).toBe(true);
  });
});

describe('numbers, dates and sizes are range-checked', () => {
  it('an attempt dated 1e300 is dropped, and every date left can be shown', () => {
    const good = playedAttempt(SCENARIO);
    const { save, problems } = readSave(saveWith([good, { ...good, id: 'far-future', endedAt: 1e300 }]));
    expect(save.attempts).toEqual([good]);
    expect(problems).toEqual([{ kind: 'invalid-part', part: 'attempts', count: 1 }]);
    const format = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short' });
    expect(() => format.format(MAX_TIME)).not.toThrow();
  });

  it('marks outside 0–20, referential ids that are not ids, and non-integer seeds are refused', () => {
    const base = playedAttempt(SCENARIO);
    // Which packs exist is the referentials' business; the save only checks a pack id looks like one.
    const notIds = [{ marks: { 'NRC!': 3 } }, { marks: { __proto__x: 3 } }, { marks: { ['x'.repeat(41)]: 3 } }];
    for (const bad of [{ marks: { nrc: 21 } }, { marks: { nrc: -1 } }, ...notIds, { seed: 1.5 }])
      expect(AttemptSchema.safeParse({ ...base, ...bad }).success, JSON.stringify(bad)).toBe(false);
  });

  it('a log event nested a hundred thousand levels deep is refused without a stack overflow', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { x: deep };
    const base = playedAttempt(SCENARIO);
    const parsed = AttemptSchema.safeParse({ ...base, log: [{ type: 'player.note', text: deep }] });
    expect(parsed.success).toBe(false);
  });

  it('an oversized log event is refused', () => {
    const base = playedAttempt(SCENARIO);
    const big = { type: 'player.note', text: 'x'.repeat(100_000) };
    expect(AttemptSchema.safeParse({ ...base, log: [big] }).success).toBe(false);
  });
});

describe('imported marks are the core’s, never the file’s', () => {
  const mine = playedAttempt(SCENARIO, 'best', 7, 1_700_000_000_000);
  const worst = playedAttempt(SCENARIO, 'bad-habit', 9, 1_700_100_000_000);
  const real = worst.marks.nrc ?? 0;
  const fileOf = (attempts: unknown[]) =>
    JSON.stringify({ kind: 'negosim-results', saveVersion: 3, exportedAt: 0, attempts });

  it('a forged 20/20 on a real log shows the mark the log earns', () => {
    expect(real).toBeLessThan(20);
    const read = readResultsFile(fileOf([{ ...worst, marks: { nrc: 20, ndrc: 20 } }]));
    if (!read.ok) throw new Error('unreadable');
    const plan = planImport(read.attempts, new Set(), verify);
    expect(plan.toStore).toHaveLength(1);
    expect(plan.toStore[0]).toMatchObject({ trust: 'replayed', marks: { nrc: real } });
    expect(withBest({ ...emptySave(), attempts: plan.toStore }).best[SCENARIO.id]?.nrc).toBe(real);
  });

  it('a log the scenario refuses is kept as unverified, without marks, and is never a best mark', () => {
    const forged = {
      ...worst,
      id: 'forged',
      marks: { nrc: 20 },
      log: [{ type: 'player.start' }, { type: 'player.choose', choiceId: 'no-such-choice' }],
    };
    const unfinished = { ...worst, id: 'unfinished', log: worst.log.slice(0, 3) };
    const read = readResultsFile(fileOf([forged, unfinished]));
    if (!read.ok) throw new Error('unreadable');
    const plan = planImport(read.attempts, new Set(), verify);
    expect(plan.toStore.map((a) => [a.id, a.trust, a.unverified, a.marks])).toEqual([
      ['forged', 'unverified', 'log-refused', {}],
      ['unfinished', 'unverified', 'not-ended', {}],
    ]);
    const save = plan.toStore.reduce(recordAttempt, emptySave());
    expect(save.best[SCENARIO.id]).toBeUndefined();
  });

  it('an attempt on a scenario this library lacks, or that changed since, stays unverified', () => {
    const plan = planImport(
      [
        { ...worst, id: 'elsewhere', scenarioId: 'not-in-this-library' },
        { ...worst, id: 'changed', contentHash: 'ffffffff' },
      ],
      new Set(),
      verify,
    );
    expect(plan.toStore.map((a) => a.unverified)).toEqual(['unknown-scenario', 'scenario-changed']);
  });

  it("what a file claims about trust is ignored, and the save's own attempts are left as they are", () => {
    const claimed = { ...worst, id: 'claims-trust', trust: 'replayed', marks: { nrc: 20 }, log: [] };
    const read = readResultsFile(fileOf([mine, claimed, claimed]));
    if (!read.ok) throw new Error('unreadable');
    expect(read).toMatchObject({ invalid: 0, repeated: 1 });
    const plan = planImport(read.attempts, new Set([mine.id]), verify);
    expect(plan.known).toBe(1);
    expect(plan.toStore.map((a) => [a.id, a.trust, a.marks])).toEqual([['claims-trust', 'unverified', {}]]);
  });

  it('the report counts every attempt of the file exactly once', () => {
    const stored = planImport([worst, { ...worst, id: 'x', contentHash: 'ffffffff' }], new Set(), verify).toStore;
    expect(importReport(stored, { known: 2, invalid: 3, full: 1 })).toEqual({
      stored: 2,
      unverified: { 'scenario-changed': 1 },
      skipped: { known: 2, invalid: 3, full: 1 },
    });
  });

  it('an export of replayed attempts imports again to the same marks', () => {
    const plan = planImport([worst], new Set(), verify);
    const read = readResultsFile(JSON.stringify(exportResults({ ...emptySave(), attempts: plan.toStore }, 1)));
    if (!read.ok) throw new Error('unreadable');
    expect(planImport(read.attempts, new Set(), verify).toStore).toEqual(plan.toStore);
  });
});
