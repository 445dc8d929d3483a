import { describe, expect, it } from 'vitest';
import { refs } from '../support/referentials.ts';
import { evaluateVisit } from '../../src/core/scoring/evaluate.ts';
import { openVisit, replayVisit } from '../../src/core/visit/visit-session.ts';
import { miniVisit, play, MINI_BEST } from '../support/fixtures.ts';

describe('a visit is its event log', () => {
  it('the same scenario, seed and events replay to the identical snapshot and evaluation', () => {
    const index = miniVisit();
    const original = play(index, MINI_BEST, 42);
    const { session: replayed, refused } = replayVisit(index, { seed: 42 }, original.context().log);
    expect(refused).toEqual([]);
    expect(replayed.context()).toEqual(original.context());
    for (const pack of refs.packs)
      expect(evaluateVisit(index, pack, replayed.context())).toEqual(evaluateVisit(index, pack, original.context()));
  });

  it('the seed decides the order of the choices, nothing else: another seed shuffles them differently', () => {
    const index = miniVisit();
    const orders = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => openVisit(index, { seed }).context().order.join()));
    expect(orders.size).toBeGreaterThan(1);
    expect(openVisit(index, { seed: 3 }).context().order).toEqual(openVisit(index, { seed: 3 }).context().order);
    const plain = openVisit(index, { seed: 3, shuffle: false }).context().order;
    expect(plain).toEqual(['prep-plan', 'prep-none']);
  });

  it('a visit saved mid-way and restored continues exactly where it stopped', () => {
    const index = miniVisit();
    const first = play(index, MINI_BEST.slice(0, 4), 9);
    const saved = JSON.parse(JSON.stringify(first.persisted())) as unknown;
    first.stop();
    const resumed = openVisit(index, { seed: 9, snapshot: saved as never });
    expect(resumed.stage()).toBe('argument');
    expect(resumed.context().order).toEqual(play(index, MINI_BEST.slice(0, 4), 9).context().order);
    for (const id of MINI_BEST.slice(4)) expect(resumed.send({ type: 'player.choose', choiceId: id }).ok).toBe(true);
    expect(resumed.context()).toEqual(play(index, MINI_BEST, 9).context());
  });
});
