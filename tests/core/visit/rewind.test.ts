import { describe, expect, it } from 'vitest';
import { decisionPoints, rewindVisit } from '../../../src/core/visit/rewind.ts';
import { replayVisit } from '../../../src/core/visit/visit-session.ts';
import type { VisitEvent } from '../../../src/core/visit/visit-types.ts';
import { miniVisit, play, MINI_BEST } from '../../support/fixtures.ts';

/** Practice freedom (docs/exam.md): in training a visit goes back to any earlier decision; never in an exam. */
const index = miniVisit();
const SEED = 7;
const halfway = (): VisitEvent[] => play(index, MINI_BEST.slice(0, 5), SEED).context().log;

describe('going back to an earlier decision in training', () => {
  it('lists the start and every decision of the visit, not the preparation, each at its node', () => {
    const log = halfway();
    const points = decisionPoints(index, { seed: SEED }, 'assisted', log);
    expect(points[0]).toEqual({ kind: 'start', at: log.findIndex((e) => e.type === 'player.start') + 1 });
    const choices = points.filter((p) => p.kind === 'choice');
    expect(choices.map((p) => p.choiceId)).toEqual(MINI_BEST.slice(1, 5));
    for (const p of choices) expect(log[p.at]).toMatchObject({ type: 'player.choose', choiceId: p.choiceId });
    expect(choices.every((p) => index.nodes.has(p.nodeId))).toBe(true);
  });

  it('keeps the log before the decision, which replays to the moment that decision was asked', () => {
    const log = halfway();
    const third = decisionPoints(index, { seed: SEED }, 'assisted', log).filter((p) => p.kind === 'choice')[2];
    if (!third) throw new Error('no third decision');
    const r = rewindVisit(index, { seed: SEED }, 'assisted', log, third.at);
    if (!r.ok) throw new Error(r.reason);
    expect(r.log).toEqual(log.slice(0, third.at));
    const { session, refused } = replayVisit(index, { seed: SEED }, r.log);
    expect(refused).toEqual([]);
    expect(session.context().cursor).toEqual({ kind: 'node', id: third.nodeId });
    // The student can take another way from there: every choice offered is accepted.
    const other = session.context().order.find((id) => id !== third.choiceId);
    expect(other && session.send({ type: 'player.choose', choiceId: other }).ok).toBe(true);
  });

  it('going back to the start keeps the preparation and the start, and nothing chosen after', () => {
    const log = halfway();
    const start = decisionPoints(index, { seed: SEED }, 'assisted', log)[0];
    const r = rewindVisit(index, { seed: SEED }, 'assisted', log, start?.at ?? -1);
    expect(r.ok && r.log.map((e) => e.type)).toEqual(['player.choose', 'player.start']);
  });

  it('does not let the original log change (a pure function)', () => {
    const log = halfway();
    const copy = structuredClone(log);
    rewindVisit(
      index,
      { seed: SEED },
      'assisted',
      log,
      decisionPoints(index, { seed: SEED }, 'assisted', log)[1]?.at ?? 0,
    );
    expect(log).toEqual(copy);
  });
});

describe('going back is refused', () => {
  it('in an exam rehearsal: no point is offered and the core refuses any position', () => {
    const log = halfway();
    expect(decisionPoints(index, { seed: SEED }, 'exam', log)).toEqual([]);
    for (const at of [0, 2, 3, log.length - 1])
      expect(rewindVisit(index, { seed: SEED }, 'exam', log, at)).toEqual({
        ok: false,
        reason: 'exam-mode',
      });
  });

  it('at a position that is not a decision of the visit (a preparation choice, past the end)', () => {
    const log = halfway();
    for (const at of [0, log.length, log.length + 3, -1])
      expect(rewindVisit(index, { seed: SEED }, 'assisted', log, at)).toEqual({
        ok: false,
        reason: 'not-a-decision-point',
      });
  });

  it('before the visit has started there is nothing to go back to', () => {
    const log = play(index, MINI_BEST.slice(0, 1), SEED).context().log;
    expect(decisionPoints(index, { seed: SEED }, 'assisted', log)).toEqual([]);
  });
});
