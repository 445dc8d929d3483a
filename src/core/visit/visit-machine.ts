import { enqueueActions, setup } from 'xstate';
import { canMoveBetweenPhases, type VisitPhase } from '../phases.ts';
import { applyEvent, explainRefusal, initialContext, stageOf, type Rules, type Transition } from './visit-rules.ts';
import type { RefusalReason, VisitContext, VisitEmitted, VisitEvent, VisitInput } from './visit-types.ts';

/**
 * One machine reads any scenario as data (rather than a machine compiled per scenario):
 * the states are the same for every visit — briefing, the six phases, debrief — so a
 * state-machine visualiser shows the method itself, saves stay small (the scenario is not in
 * the snapshot), and teachers' scenarios need no code generation. The scenario's graph lives
 * in the rules the machine is built with; guards and actions only call those pure rules.
 */

/** Where the visit can be: a phase, or inside the closing phase, the dialogue or the negotiation. */
export type Place =
  'briefing' | Exclude<VisitPhase, 'closing'> | 'closing.dialogue' | 'closing.negotiating' | 'debrief';
const PLACES: Place[] = [
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

/** The transitions drawn from one place: only those the method allows (see canMoveBetweenPhases). */
function movesFrom(from: Place) {
  const fromPhase = phaseOfPlace(from);
  return PLACES.filter((to) => {
    const toPhase = phaseOfPlace(to);
    if (to === from) return true;
    if (to === 'briefing') return false;
    if (to === 'debrief') return true;
    if (fromPhase === 'briefing') return true;
    if (fromPhase === 'debrief') return false;
    return canMoveBetweenPhases(fromPhase, toPhase as VisitPhase);
  }).map((to) => ({
    guard: { type: 'leadsTo' as const, params: { place: to } },
    // Staying in the same place is a targetless transition: no exit, no re-entry.
    ...(to === from ? {} : { target: `#visit.${to}` }),
    actions: 'apply' as const,
  }));
}

export function createVisitMachine(rules: Rules) {
  // Each guard of an event and then its action need the same pure results: compute them once.
  let memo:
    { context: VisitContext; event: VisitEvent; refusal: RefusalReason | null; result?: Transition } | undefined;
  const remember = (context: VisitContext, event: VisitEvent) => {
    if (memo?.context !== context || memo.event !== event)
      memo = { context, event, refusal: explainRefusal(rules, context, event) };
    return memo;
  };
  const refusal = (context: VisitContext, event: VisitEvent) => remember(context, event).refusal;
  const transition = (context: VisitContext, event: VisitEvent): Transition => {
    const m = remember(context, event);
    m.result ??= applyEvent(rules, context, event);
    return m.result;
  };
  const dialogue = (place: Place) => ({ on: { 'player.choose': movesFrom(place) } });
  return setup({
    types: {
      context: {} as VisitContext,
      events: {} as VisitEvent,
      input: {} as VisitInput,
      emitted: {} as VisitEmitted,
    },
    guards: {
      accepted: ({ context, event }) => refusal(context, event) === null,
      leadsTo: ({ context, event }, params: { place: Place }) =>
        refusal(context, event) === null && placeOf(rules, transition(context, event).context) === params.place,
    },
    actions: {
      apply: enqueueActions(({ context, event, enqueue }) => {
        const { context: next, emitted } = transition(context, event);
        enqueue.assign(() => next);
        for (const e of emitted) enqueue.emit(e);
      }),
      refuse: enqueueActions(({ context, event, enqueue }) => {
        enqueue.emit({
          type: 'visit.refused',
          event: String(event.type),
          reason: refusal(context, event) ?? 'choice-not-offered',
        });
      }),
    },
  }).createMachine({
    id: 'visit',
    context: ({ input }) => initialContext(rules, input),
    initial: 'briefing',
    on: {
      'player.note': { guard: 'accepted', actions: 'apply' },
      'player.leave': { guard: 'accepted', target: '.debrief', actions: 'apply' },
      '*': { actions: 'refuse' },
    },
    states: {
      briefing: { on: { 'player.choose': movesFrom('briefing'), 'player.start': movesFrom('briefing') } },
      prospection: dialogue('prospection'),
      discovery: dialogue('discovery'),
      argument: dialogue('argument'),
      objection: dialogue('objection'),
      closing: {
        initial: 'dialogue',
        states: {
          dialogue: dialogue('closing.dialogue'),
          negotiating: { on: { 'nego.move': movesFrom('closing.negotiating') } },
        },
      },
      followup: dialogue('followup'),
      debrief: { type: 'final' },
    },
  });
}

export type VisitMachine = ReturnType<typeof createVisitMachine>;
