import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createVisitSession, replayVisit } from '../../src/core/visit/visit-session.ts';
import type { VisitEvent } from '../../src/core/visit/visit-types.ts';
import { loadFixture, miniVisit } from '../support/fixtures.ts';
import { indexScenario } from '../../src/core/scenario/scenario-index.ts';

/**
 * Whatever a student clicks, in whatever order — including events that make no sense now —
 * the visit never throws, never corrupts its state, and its log stays the truth.
 */
const scenarios = [miniVisit(), indexScenario(loadFixture('scenarios/premiere-visite-imprimante.json'))];

function arbitraryEvent(choiceIds: string[]): fc.Arbitrary<VisitEvent> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...choiceIds).map((choiceId): VisitEvent => ({ type: 'player.choose', choiceId })) },
    { weight: 3, arbitrary: fc.constant<VisitEvent>({ type: 'player.start' }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map((text): VisitEvent => ({ type: 'player.note', text })) },
    { weight: 1, arbitrary: fc.constant<VisitEvent>({ type: 'player.leave' }) },
    { weight: 1, arbitrary: fc.constant<VisitEvent>({ type: 'player.choose', choiceId: 'does-not-exist' }) },
    { weight: 1, arbitrary: fc.constant<VisitEvent>({ type: 'nego.move', move: { type: 'offer' } }) },
    { weight: 1, arbitrary: fc.constant({ type: 'player.fly' } as unknown as VisitEvent) },
  );
}

describe('random play (property-based, 10,000 sequences per scenario)', () => {
  for (const index of scenarios) {
    const choiceIds = [...index.choices.keys()];
    it(`${index.scenario.meta.id}: invariants hold for any sequence of events`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.array(arbitraryEvent(choiceIds), { maxLength: 40 }), (seed, events) => {
          const session = createVisitSession(index, { seed });
          const stages: string[] = [session.stage()];
          let accepted = 0;
          for (const event of events) {
            const before = session.context();
            const result = session.send(event);
            if (result.ok) accepted++;
            else expect(session.context()).toBe(before); // a refusal leaves the state untouched
            const ctx = session.context();
            for (const g of Object.values(ctx.gauges)) expect(g >= 0 && g <= 100 && Number.isInteger(g)).toBe(true);
            if (stages.at(-1) !== session.stage()) stages.push(session.stage());
          }
          const ctx = session.context();
          // The log is exactly the accepted events, and every accepted choice is a step.
          expect(ctx.log.length).toBe(accepted);
          expect(ctx.steps.map((s) => (s.kind === 'choice' ? s.choiceId : null))).toEqual(ctx.log.filter((e) => e.type === 'player.choose').map((e) => (e.type === 'player.choose' ? e.choiceId : null)));
          // Phase order: the briefing comes first and never again; the opening only right after it;
          // the follow-up only leads to the debrief; the debrief is last.
          expect(stages[0]).toBe('briefing');
          expect(stages.lastIndexOf('briefing')).toBe(0);
          expect(stages.lastIndexOf('prospection')).toBeLessThanOrEqual(1);
          const followup = stages.indexOf('followup');
          if (followup >= 0) expect(stages.slice(followup + 1).every((s) => s === 'debrief')).toBe(true);
          expect(stages.indexOf('debrief')).toBeOneOf([-1, stages.length - 1]);
          expect(session.done()).toBe(ctx.cursor.kind === 'ended');
          // And the log replays to the same state.
          expect(replayVisit(index, { seed }, ctx.log).session.context()).toEqual(ctx);
        }),
        { numRuns: 10_000 },
      );
    });
  }
});
