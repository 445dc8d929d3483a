import { holds } from '../scenario/conditions.ts';
import type { Choice, PreparationChoice } from '../scenario/format.ts';
import { choiceQuality } from '../scenario/choice-quality.ts';
import { destinationOf, type ScenarioIndex } from '../scenario/scenario-index.ts';
import { skillById } from '../referentials/bundled.ts';
import { seedRng, shuffled } from '../random.ts';
import type { VisitStage } from '../phases.ts';
import { applyEffects, conditionState, initialVariables, moodOf } from './client-state.ts';
import { noNegotiation, type NegotiationPort } from './negotiation-port.ts';
import type {
  Cursor,
  EndingReached,
  RefusalReason,
  VisitContext,
  VisitEmitted,
  VisitEvent,
  VisitInput,
} from './visit-types.ts';

/**
 * The rules of a visit as pure functions: (scenario, context, event) → (context, effects for
 * the view). The XState machine is a thin shell over them, so the same rules run in the
 * game, the CLI, the checks and the tests.
 */

export const MAX_NOTE_LENGTH = 2000;

export interface Rules {
  index: ScenarioIndex;
  negotiation: NegotiationPort;
}

export function makeRules(index: ScenarioIndex, negotiation: NegotiationPort = noNegotiation): Rules {
  return { index, negotiation };
}

export function initialContext(rules: Rules, input: VisitInput): VisitContext {
  const { scenario } = rules.index;
  const base: VisitContext = {
    scenarioId: scenario.meta.id,
    seed: input.seed,
    shuffle: input.shuffle ?? true,
    rng: seedRng(input.seed),
    cursor: { kind: 'ready' },
    order: [],
    gauges: { ...scenario.persona.initial },
    needs: [],
    ...initialVariables(scenario),
    visited: [],
    chosen: [],
    steps: [],
    notebook: [],
    notes: [],
    log: [],
    ending: null,
    negotiation: null,
  };
  const firstStep = scenario.preparation?.nodes[0];
  return firstStep ? enter(rules, base, { kind: 'preparation', id: firstStep.id }) : base;
}

export function stageOf(rules: Rules, ctx: VisitContext): VisitStage {
  const c = ctx.cursor;
  switch (c.kind) {
    case 'preparation':
    case 'ready':
      return 'briefing';
    case 'node':
      return rules.index.nodes.get(c.id)?.phase ?? 'debrief';
    case 'negotiation':
      return 'closing';
    case 'ended':
      return 'debrief';
  }
}

/** The choices at the cursor, in file order. */
export function choicesAtCursor(rules: Rules, ctx: VisitContext): (Choice | PreparationChoice)[] {
  const c = ctx.cursor;
  if (c.kind === 'preparation') return rules.index.preparation.get(c.id)?.node.choices ?? [];
  if (c.kind === 'node') return rules.index.nodes.get(c.id)?.node.choices ?? [];
  return [];
}

export type ChoiceStatus = 'available' | 'disabled' | 'hidden';

export function choiceStatus(ctx: VisitContext, choice: Choice | PreparationChoice): ChoiceStatus {
  if (!choice.condition || holds(choice.condition.when, conditionState(ctx))) return 'available';
  return choice.condition.unmet === 'disable' ? 'disabled' : 'hidden';
}

/** Why an event cannot be taken now, or null when it can. The machine's guards ask this. */
export function explainRefusal(rules: Rules, ctx: VisitContext, event: VisitEvent): RefusalReason | null {
  if (ctx.cursor.kind === 'ended') return 'visit-over';
  switch (event.type) {
    case 'player.choose': {
      if (ctx.cursor.kind === 'negotiation') return 'in-negotiation';
      const entry = rules.index.choices.get(event.choiceId);
      if (!entry) return 'unknown-choice';
      const here = choicesAtCursor(rules, ctx).find((c) => c.id === event.choiceId);
      if (!here || entry.choice !== here) return 'choice-not-offered';
      const status = choiceStatus(ctx, here);
      return status === 'available' ? null : status === 'hidden' ? 'choice-hidden' : 'choice-disabled';
    }
    case 'player.start':
      if (ctx.cursor.kind === 'preparation') return 'preparation-incomplete';
      return ctx.cursor.kind === 'ready' ? null : 'already-started';
    case 'player.note':
      return typeof event.text === 'string' && event.text.trim() !== '' && event.text.length <= MAX_NOTE_LENGTH
        ? null
        : 'note-invalid';
    case 'player.leave':
      return null;
    case 'nego.move':
      if (ctx.cursor.kind !== 'negotiation') return 'not-negotiating';
      return rules.negotiation.check(rules.index, ctx, event.move) ? 'move-refused' : null;
    default:
      return 'unknown-event';
  }
}

export interface Transition {
  context: VisitContext;
  emitted: VisitEmitted[];
}

/** Applies an event that explainRefusal accepted. */
export function applyEvent(rules: Rules, ctx: VisitContext, event: VisitEvent): Transition {
  const emitted: VisitEmitted[] = [];
  const logged: VisitContext = { ...ctx, log: [...ctx.log, event] };
  let next: VisitContext;
  switch (event.type) {
    case 'player.choose':
      next = applyChoice(rules, logged, event.choiceId, emitted);
      break;
    case 'player.start':
      next = start(rules, logged, emitted);
      break;
    case 'player.note':
      next = { ...logged, notes: [...logged.notes, { stage: stageOf(rules, ctx), text: event.text }] };
      break;
    case 'player.leave':
      next = end(logged, { id: '@left', by: 'leave' }, emitted);
      break;
    case 'nego.move':
      next = negotiationMove(rules, logged, event.move, emitted);
      break;
  }
  const before = stageOf(rules, ctx);
  const after = stageOf(rules, next);
  if (before !== after) emitted.unshift({ type: 'visit.stage-changed', from: before, to: after });
  const moodBefore = moodOf(ctx.gauges);
  const moodAfter = moodOf(next.gauges);
  if (moodBefore !== moodAfter) emitted.push({ type: 'client.mood-changed', from: moodBefore, to: moodAfter });
  return { context: next, emitted };
}

function start(rules: Rules, ctx: VisitContext, emitted: VisitEmitted[]): VisitContext {
  const startId = rules.index.startId;
  const node = startId ? rules.index.nodes.get(startId) : undefined;
  if (!node || !startId) return end(ctx, { id: '@no-start', by: 'choice' }, emitted);
  const setting = rules.index.scenario.phases[node.phase].setting ?? rules.index.scenario.meta.setting;
  emitted.push({ type: 'cue.sound', sound: setting === 'phone' ? 'phone-ring' : 'door' });
  return goTo(rules, ctx, startId, emitted);
}

function applyChoice(rules: Rules, ctx: VisitContext, choiceId: string, emitted: VisitEmitted[]): VisitContext {
  const entry = rules.index.choices.get(choiceId);
  if (!entry) return ctx;
  const { choice } = entry;
  const offered = ctx.order.filter((id) => {
    const c = rules.index.choices.get(id)?.choice;
    return c !== undefined && choiceStatus(ctx, c) === 'available';
  });
  const stage = stageOf(rules, ctx);
  const effects = applyEffects(ctx, choice.effects);
  const notebook = [
    ...ctx.notebook,
    ...effects.discovered.map((n) => `need:${n}`),
    ...(choice.effects?.note ? [`note:${choice.id}`] : []),
  ];
  for (const needId of effects.discovered) emitted.push({ type: 'notebook.added', needId });
  const quality = choiceQuality(choice.skills, (id) => skillById(id)?.polarity);
  emitted.push({ type: 'choice.feedback', choiceId, quality });
  if (effects.discovered.length > 0) emitted.push({ type: 'cue.sound', sound: 'discovery' });
  else if (quality !== 'neutral')
    emitted.push({ type: 'cue.sound', sound: quality === 'good' ? 'positive' : 'negative' });

  const after: VisitContext = {
    ...ctx,
    gauges: effects.gauges,
    needs: effects.needs,
    flags: effects.flags,
    vars: effects.vars,
    notebook,
    chosen: [...ctx.chosen, choiceId],
    steps: [
      ...ctx.steps,
      { kind: 'choice', stage: stage === 'debrief' ? 'followup' : stage, nodeId: entry.nodeId, choiceId, offered },
    ],
  };
  if (entry.stage === 'briefing') {
    return choice.next
      ? enter(rules, after, { kind: 'preparation', id: choice.next })
      : { ...after, cursor: { kind: 'ready' }, order: [] };
  }
  const patience = rules.index.scenario.persona.patience;
  const target = destinationOf(rules.index, choice.next ?? '');
  if (patience && after.gauges.irritation >= patience.irritationLimit && target.kind !== 'ending') {
    emitted.push({ type: 'cue.sound', sound: 'walk-out' });
    return end(after, { id: patience.ending, by: 'patience' }, emitted);
  }
  return goTo(rules, after, choice.next ?? '', emitted);
}

/** Moves the cursor to a node, the negotiation step or an ending. */
export function goTo(
  rules: Rules,
  ctx: VisitContext,
  id: string,
  emitted: VisitEmitted[],
  by: EndingReached['by'] = 'choice',
): VisitContext {
  const dest = destinationOf(rules.index, id);
  switch (dest.kind) {
    case 'node':
      emitted.push({ type: 'client.line', nodeId: id });
      return enter(rules, ctx, { kind: 'node', id });
    case 'negotiation': {
      const entered = enter(rules, ctx, { kind: 'negotiation', id });
      const opened = rules.negotiation.open(rules.index, entered);
      return { ...entered, negotiation: opened.state, rng: opened.rng };
    }
    case 'ending': {
      const kind = rules.index.endings.get(id)?.ending.kind;
      emitted.push({ type: 'cue.sound', sound: kind === 'sale' ? 'deal' : 'no-deal' });
      return end(ctx, { id, by }, emitted);
    }
    case 'unknown':
      // Validation refuses unknown targets; reaching one means the scenario changed under a save.
      return end(ctx, { id: '@broken-link', by }, emitted);
  }
}

function end(ctx: VisitContext, ending: EndingReached, emitted: VisitEmitted[]): VisitContext {
  emitted.push({ type: 'visit.ended', endingId: ending.id, by: ending.by });
  return { ...ctx, cursor: { kind: 'ended' }, order: [], ending };
}

/** Entering a place: remember the visit and deal the choices in a seeded order. */
function enter(rules: Rules, ctx: VisitContext, cursor: Cursor): VisitContext {
  const placed = { ...ctx, cursor };
  const shown = choicesAtCursor(rules, placed)
    .filter((c) => choiceStatus(placed, c) !== 'hidden')
    .map((c) => c.id);
  const visited = cursor.kind === 'node' || cursor.kind === 'negotiation' ? [...ctx.visited, cursor.id] : ctx.visited;
  if (!ctx.shuffle || shown.length < 2) return { ...placed, order: shown, visited };
  const [order, rng] = shuffled(shown, ctx.rng);
  return { ...placed, order, rng, visited };
}

function negotiationMove(rules: Rules, ctx: VisitContext, move: unknown, emitted: VisitEmitted[]): VisitContext {
  if (ctx.cursor.kind !== 'negotiation') return ctx;
  const nodeId = ctx.cursor.id;
  const result = rules.negotiation.move(rules.index, ctx, move);
  if (!result.ok) return ctx;
  const after: VisitContext = {
    ...ctx,
    negotiation: result.state,
    rng: result.rng,
    gauges: result.gauges ?? ctx.gauges,
    steps: [
      ...ctx.steps,
      {
        kind: 'negotiation',
        stage: 'closing',
        nodeId,
        move,
        evidence: result.evidence,
        ...(result.response !== undefined ? { response: result.response } : {}),
      },
    ],
  };
  const outcomes = rules.index.scenario.phases.closing.negotiation?.outcomes;
  if (!result.outcome || !outcomes) return after;
  return goTo(rules, after, outcomes[result.outcome], emitted, 'negotiation');
}
