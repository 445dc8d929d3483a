import { enqueueActions, setup } from 'xstate';
import { canMoveBetweenPhases, type VisitPhase } from '../phases.ts';
import { initialContext, stageOf, step, type Rules } from './visit-rules.ts';
import type { VisitContext, VisitEmitted, VisitEvent, VisitInput } from './visit-types.ts';

/**
 * One machine reads any scenario as data (rather than a machine compiled per scenario): its
 * states are the method itself — briefing, the six phases (closing with its dialogue and its
 * negotiation), debrief — so a state-machine visualiser shows the method, saves stay small
 * (the scenario is not in the snapshot), and teachers' scenarios need no code generation.
 *
 * Every event goes to one action that runs the pure `step` rule once: it assigns the next
 * context and emits the effects, or emits the refusal. The machine then follows the context to
 * its place through eventless transitions drawn only where the method allows a move; the rules
 * are the single source of truth, and a test checks the machine always agrees with them.
 */

/** Where the visit can be: a phase, or inside the closing phase, the dialogue or the negotiation. */
export type Place =
  'briefing' | Exclude<VisitPhase, 'closing'> | 'closing.dialogue' | 'closing.negotiating' | 'debrief';
export const PLACES: readonly Place[] = [
  'briefing',
  'prospection',
  'discovery',
  'argument',
  'objection',
  'closing.dialogue',
  'closing.negotiating',
  'followup',
  'debrief',
];

export function placeOf(rules: Rules, ctx: VisitContext): Place {
  const stage = stageOf(rules, ctx);
  if (stage !== 'closing') return stage;
  return ctx.cursor.kind === 'negotiation' ? 'closing.negotiating' : 'closing.dialogue';
}

function phaseOfPlace(place: Place): VisitPhase | 'briefing' | 'debrief' {
  return place.startsWith('closing') ? 'closing' : (place as VisitPhase | 'briefing' | 'debrief');
}

/** The moves the method allows out of a place (see canMoveBetweenPhases). */
export function methodAllows(from: Place, to: Place): boolean {
  const fromPhase = phaseOfPlace(from);
  const toPhase = phaseOfPlace(to);
  if (to === from || to === 'briefing') return false;
  if (to === 'debrief' || fromPhase === 'briefing') return true;
  if (fromPhase === 'debrief') return false;
  return canMoveBetweenPhases(fromPhase, toPhase as VisitPhase);
}

function follow(from: Place) {
  return PLACES.filter((to) => methodAllows(from, to)).map((to) => ({
    guard: { type: 'at' as const, params: { place: to } },
    target: `#visit.${to}`,
  }));
}

export function createVisitMachine(rules: Rules) {
  const place = (from: Place) => ({ always: follow(from) });
  return setup({
    types: {
      context: {} as VisitContext,
      events: {} as VisitEvent,
      input: {} as VisitInput,
      emitted: {} as VisitEmitted,
    },
    guards: {
      at: ({ context }, params: { place: Place }) => placeOf(rules, context) === params.place,
    },
    actions: {
      step: enqueueActions(({ context, event, enqueue }) => {
        const result = step(rules, context, event);
        if (!result.ok) {
          const refused: VisitEmitted = { type: 'visit.refused', event: String(event.type), reason: result.reason };
          enqueue.emit(result.detail === undefined ? refused : { ...refused, detail: result.detail });
          return;
        }
        enqueue.assign(() => result.context);
        for (const e of result.emitted) enqueue.emit(e);
      }),
    },
  }).createMachine({
    id: 'visit',
    context: ({ input }) => initialContext(rules, input),
    initial: 'briefing',
    on: { '*': { actions: 'step' } },
    states: {
      briefing: place('briefing'),
      prospection: place('prospection'),
      discovery: place('discovery'),
      argument: place('argument'),
      objection: place('objection'),
      closing: {
        initial: 'dialogue',
        states: { dialogue: place('closing.dialogue'), negotiating: place('closing.negotiating') },
      },
      followup: place('followup'),
      debrief: { type: 'final' },
    },
  });
}

export type VisitMachine = ReturnType<typeof createVisitMachine>;
