import { describe, expect, it } from 'vitest';
import { isStale, readSave, remarkStale, type Attempt } from '../../src/core/save/index.ts';
import { SCORING_MODEL_VERSION } from '../../src/core/scoring/scoring-model.ts';
import type { ReplayableScenario } from '../../src/core/save/verify-attempt.ts';
import { refs } from '../support/referentials.ts';
import { libraryScenario, playedAttempt } from '../support/played-attempts.ts';

/**
 * A student's past visits, marked by an earlier scoring model: they are marked again from their
 * logs when the scenario is unchanged, and kept as they were — never dropped — when it changed.
 */
const SCENARIO = libraryScenario('premiere-visite-imprimante');
const library = new Map<string, ReplayableScenario>([[SCENARIO.id, SCENARIO]]);
/** As a save written before scoring model 2 holds it: no `scoring`, marks of the old scale. */
const oldAttempt = (over: Partial<Attempt> = {}): Attempt => {
  const { scoring: _now, ...attempt } = playedAttempt(SCENARIO, 'bad-habit');
  return { ...attempt, marks: { ndrc: 14, nrc: 10 }, ...over };
};

describe('marks of an earlier scoring model', () => {
  it('a visit recorded today carries the model it was marked with, and is not stale', () => {
    const today = { ...oldAttempt(), scoring: SCORING_MODEL_VERSION };
    expect(isStale(today)).toBe(false);
    expect(remarkStale([today], library, refs.packs).updated).toEqual([]);
  });

  it('are marked again from the log under today’s model when the scenario is unchanged', () => {
    const fresh = playedAttempt(SCENARIO, 'bad-habit');
    const { updated, kept } = remarkStale([oldAttempt()], library, refs.packs);
    expect(kept).toBe(0);
    expect(updated).toHaveLength(1);
    expect(updated[0]?.marks).toEqual(fresh.marks);
    expect(updated[0]?.marks).not.toEqual({ ndrc: 14, nrc: 10 });
    expect(updated[0]?.scoring).toBe(SCORING_MODEL_VERSION);
    expect(isStale(updated[0] as Attempt)).toBe(false);
  });

  it('keep their marks, and stay flagged as the former scale, when the scenario changed since', () => {
    const changed = oldAttempt({ contentHash: 'abc123' });
    const { updated, kept } = remarkStale([changed], library, refs.packs);
    expect(updated).toEqual([]);
    expect(kept).toBe(1);
    expect(isStale(changed)).toBe(true);
  });

  it('an unverified import has no marks to refresh and is left alone', () => {
    const unverified = oldAttempt({ marks: {}, trust: 'unverified', unverified: 'scenario-changed' });
    expect(isStale(unverified)).toBe(false);
  });

  it('a save written before the field existed still reads, its attempts simply stale', () => {
    const text = JSON.stringify({
      kind: 'negosim-save',
      saveVersion: 3,
      settings: {},
      attempts: [oldAttempt()],
      current: null,
    });
    const { save, problems } = readSave(text);
    expect(problems).toEqual([]);
    expect(save.attempts.map(isStale)).toEqual([true]);
  });
});
