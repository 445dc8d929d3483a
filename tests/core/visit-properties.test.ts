import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openVisit, replayVisit } from '../../src/core/visit/visit-session.ts';
import type { VisitContext, VisitEvent } from '../../src/core/visit/visit-types.ts';
import type { NegotiationSpec } from '../../src/core/negotiation/index.ts';
import { isMeet, moveArb, resolveMove } from './negotiation/arbitraries.ts';
import type { NegotiationMove } from '../../src/core/negotiation/index.ts';
import type { PathStep } from '../../src/core/playthroughs/path.ts';
import { MINI_BEST, miniVisit } from '../support/fixtures.ts';
import { propertyRuns } from '../support/property-runs.ts';
import { shippedScenarios } from '../support/shipped-scenarios.ts';

/**
 * Whatever a student clicks, in whatever order — including events that make no sense now —
 * the visit never throws, never corrupts its state, and its log stays the truth.
 */
const OFFERED = '@offered:';
/** Some generated events are decided at the moment of play: "the k-th choice on offer", "meet the client's demand". */
function resolveAtTable(event: VisitEvent, ctx: VisitContext, spec: NegotiationSpec | undefined): VisitEvent {
  if (event.type === 'player.choose' && event.choiceId.startsWith(OFFERED)) {
    const k = Number(event.choiceId.slice(OFFERED.length));
    return ctx.order.length
      ? { type: 'player.choose', choiceId: ctx.order[k % ctx.order.length] as string }
      : { type: 'player.start' };
  }
  if (event.type !== 'nego.move' || !spec || !isMeet(event.move) || !ctx.negotiation) return event;
  return {
    type: 'nego.move',
    move: resolveMove(spec, ctx.negotiation, event.move),
  };
}

/**
 * The test scenario and every shipped one: a random student must not break any of them. A
 * shipped visit is long, and a random player is soon shown the door, so each run first follows
 * the scenario's best playthrough for a random number of choices (all of them up to the table
 * in a third of the runs) and plays at random from there.
 */
const scenarios = [
  { index: miniVisit(), bestPrefix: MINI_BEST, runs: propertyRuns(4_000) },
  ...shippedScenarios().map((s) => ({
    index: s.index,
    runs: propertyRuns(800),
    bestPrefix: dialogueBefore(s.playthroughs?.playthroughs.find((p) => p.kind === 'best')?.path ?? []),
  })),
];
function dialogueBefore(path: readonly PathStep[]): string[] {
  const table = path.findIndex((t) => typeof t !== 'string');
  return (table < 0 ? path : path.slice(0, table)).filter((t): t is string => typeof t === 'string');
}

/** The machine's state as a place name: "discovery", or "closing.negotiating" for a nested state. */
function machinePlace(value: unknown): string {
  if (typeof value === 'string') return value;
  const [parent, child] = Object.entries(value as Record<string, unknown>)[0] ?? ['', ''];
  return `${parent}.${String(child)}`;
}

function arbitraryEvent(choiceIds: string[], spec: NegotiationSpec | undefined): fc.Arbitrary<VisitEvent> {
  // Negotiation moves as a player makes them, including ones that meet the client's demand.
  const negotiation = spec
    ? [
        {
          weight: 8,
          // A "meet the client's demand" placeholder rides in the event until resolveAtTable replaces it.
          arbitrary: moveArb(spec).map((move): VisitEvent => ({ type: 'nego.move', move: move as NegotiationMove })),
        },
      ]
    : [];
  return fc.oneof(
    ...negotiation,
    // Mostly the choices on offer (by position), so that random players do reach the closing.
    {
      weight: 24,
      arbitrary: fc.nat(8).map((k): VisitEvent => ({ type: 'player.choose', choiceId: `${OFFERED}${k}` })),
    },
    {
      weight: 12,
      arbitrary: fc.constantFrom(...choiceIds).map((choiceId): VisitEvent => ({ type: 'player.choose', choiceId })),
    },
    { weight: 3, arbitrary: fc.constant<VisitEvent>({ type: 'player.start' }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map((text): VisitEvent => ({ type: 'player.note', text })) },
    { weight: 1, arbitrary: fc.constant<VisitEvent>({ type: 'player.leave' }) },
    { weight: 1, arbitrary: fc.constant<VisitEvent>({ type: 'player.choose', choiceId: 'does-not-exist' }) },
    // Moves arrive from saves and requests too: a malformed one must be refused, whatever its static type.
    {
      weight: 1,
      arbitrary: fc.constant<VisitEvent>({ type: 'nego.move', move: { type: 'offer' } as NegotiationMove }),
    },
    { weight: 1, arbitrary: fc.constant({ type: 'player.fly' } as unknown as VisitEvent) },
  );
}

describe('random play (property-based, thousands of sequences per scenario)', () => {
  for (const { index, bestPrefix, runs: RUNS } of scenarios) {
    const choiceIds = [...index.choices.keys()];
    const spec = index.scenario.phases.closing.negotiation;
    it(`${index.scenario.meta.id}: invariants hold for any sequence of events`, () => {
      let reachedTable = 0;
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 2 ** 31 - 1 }),
          fc.oneof(
            { weight: 2, arbitrary: fc.nat(bestPrefix.length) },
            { weight: 1, arbitrary: fc.constant(bestPrefix.length) },
          ),
          fc.array(arbitraryEvent(choiceIds, spec), { minLength: 5, maxLength: 40, size: 'max' }),
          (seed, followed, randomEvents) => {
            const session = openVisit(index, { seed });
            const stages: string[] = [session.stage()];
            let accepted = 0;
            const prefix = bestPrefix
              .slice(0, followed)
              .map((choiceId): VisitEvent => ({ type: 'player.choose', choiceId }));
            for (const generated of [...prefix, ...randomEvents]) {
              // Following the best path, the student starts the visit when the briefing is done.
              if (prefix.includes(generated) && session.context().cursor.kind === 'ready') {
                if (session.send({ type: 'player.start' }).ok) accepted++;
                stages.push(session.stage());
              }
              const before = session.context();
              const event = resolveAtTable(generated, before, spec);
              const result = session.send(event);
              if (result.ok) accepted++;
              else expect(session.context()).toBe(before); // a refusal leaves the state untouched
              const ctx = session.context();
              for (const g of Object.values(ctx.gauges)) expect(g >= 0 && g <= 100 && Number.isInteger(g)).toBe(true);
              if (stages.at(-1) !== session.stage()) stages.push(session.stage());
              // The statechart follows the rules: its state is always the place the rules say.
              expect(machinePlace(session.actor.getSnapshot().value)).toBe(session.place());
            }
            const ctx = session.context();
            if (ctx.negotiation) reachedTable++;
            // The log is exactly the accepted events, and every accepted choice or negotiation move is a step.
            expect(ctx.log.length).toBe(accepted);
            const fromSteps = ctx.steps.map((st) =>
              st.kind === 'choice' ? `choose ${st.choiceId}` : `move ${JSON.stringify(st.move)}`,
            );
            const fromLog = ctx.log.flatMap((e) =>
              e.type === 'player.choose'
                ? [`choose ${e.choiceId}`]
                : e.type === 'nego.move'
                  ? [`move ${JSON.stringify(e.move)}`]
                  : [],
            );
            expect(fromSteps).toEqual(fromLog);
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
          },
        ),
        { numRuns: RUNS },
      );
      // The random players must actually exercise the negotiation when there is one.
      if (spec) expect(reachedTable, `${reachedTable} of ${RUNS} reached the table`).toBeGreaterThan(RUNS / 20);
      // Thousands of whole visits take a while on a busy machine; correctness, not speed, is tested here.
    }, 600_000);
  }
});
