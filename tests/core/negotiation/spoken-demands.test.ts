import { describe, expect, it } from 'vitest';
import { applyNegotiationMove, type NegotiationMove, startNegotiation } from '../../../src/core/negotiation/index.ts';
import type { Terms } from '../../../src/core/negotiation/terms.ts';
import { seedRng } from '../../../src/core/random.ts';
import { copier, warmClient } from './fixtures.ts';

/** The client's demands along a slow negotiation: the seller holds, argues and trades small steps. */
function demands(seed: number): Terms[] {
  const start = startNegotiation(copier, warmClient, seedRng(seed));
  let { state, rng } = start;
  const seen: Terms[] = [];
  const offer = (discount: number): NegotiationMove => ({
    type: 'offer',
    terms: { discountPercent: discount, commitmentMonths: 48, paymentDays: { days: 30, endOfMonth: false } },
  });
  const moves: NegotiationMove[] = [
    offer(2),
    { type: 'refuse', argument: 'value' },
    offer(3),
    { type: 'refuse', argument: 'value' },
    offer(4),
    { type: 'refuse', argument: 'value' },
    offer(5),
    { type: 'refuse', argument: 'value' },
    offer(5.5),
  ];
  for (const move of moves) {
    const outcome = applyNegotiationMove(copier, state, move, rng);
    if (!outcome.ok) break;
    ({ state, rng } = outcome);
    seen.push(structuredClone(state.clientDemand));
    if (state.status !== 'open') break;
  }
  return seen;
}

describe('the client asks for figures people say', () => {
  it('commitments in whole years and payment terms of 30, 45 or 60 days', () => {
    const all = [1, 2, 3, 4, 5, 6, 7, 8].flatMap(demands);
    expect(all.length).toBeGreaterThan(8);
    for (const d of all) {
      expect([12, 24, 36, 48]).toContain(d.commitmentMonths);
      expect([30, 45, 60]).toContain(d.paymentDays?.days);
    }
  });
});
