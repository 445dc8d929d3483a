import { holds } from '../scenario/conditions.ts';
import { variantIndex } from '../scenario/variants.ts';
import type { Choice, PreparationChoice } from '../scenario/format.ts';
import { destinationOf, type ScenarioIndex } from '../scenario/scenario-index.ts';
import { seedRng, shuffled } from '../random.ts';
import { canMoveBetweenPhases, type VisitPhase, type VisitStage } from '../phases.ts';
import { applyEffects, conditionState, initialVariables, moodOf } from './client-state.ts';
import { negotiationStep, type NegotiationStep } from './negotiation-step.ts';
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
 * The rules of a visit as one pure function: (scenario, context, event) → the next context and
 * the effects for the view, or a typed refusal. It is the single source of truth: the XState
 * machine calls it once per event, the CLI, the checks and the tests go through the same machine.
 */

export const MAX_NOTE_LENGTH = 2000;

export interface Rules {
  index: ScenarioIndex;
  /** The scenario's own negotiation step, or null when it has none. */
  negotiation: NegotiationStep | null;
}

export function makeRules(index: ScenarioIndex): Rules {
  return { index, negotiation: negotiationStep(index) };
}

export type StepResult =
  { ok: true; context: VisitContext; emitted: VisitEmitted[] } | { ok: false; reason: RefusalReason; detail?: string };

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
    revealed: [],
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
export function choicesAtCursor(index: ScenarioIndex, ctx: VisitContext): (Choice | PreparationChoice)[] {
  const c = ctx.cursor;
  if (c.kind === 'preparation') return index.preparation.get(c.id)?.node.choices ?? [];
  if (c.kind === 'node') return index.nodes.get(c.id)?.node.choices ?? [];
  return [];
}

export type ChoiceStatus = 'available' | 'disabled' | 'hidden';

export function choiceStatus(ctx: VisitContext, choice: Choice | PreparationChoice): ChoiceStatus {
  if (!choice.condition || holds(choice.condition.when, conditionState(ctx))) return 'available';
  return choice.condition.unmet === 'disable' ? 'disabled' : 'hidden';
}

/** One event, once: the refusal, or the next context with the effects it emits. */
export function step(rules: Rules, ctx: VisitContext, event: VisitEvent): StepResult {
  if (ctx.cursor.kind === 'ended') return { ok: false, reason: 'visit-over' };
  const logged: VisitContext = { ...ctx, log: [...ctx.log, event] };
  const emitted: VisitEmitted[] = [];
  let next: VisitContext | StepResult;
  switch (event.type) {
    case 'player.choose':
      next = applyChoice(rules, logged, event.choiceId, emitted);
      break;
    case 'player.start':
      if (ctx.cursor.kind === 'preparation') return { ok: false, reason: 'preparation-incomplete' };
      if (ctx.cursor.kind !== 'ready') return { ok: false, reason: 'already-started' };
      next = start(rules, logged, emitted);
      break;
    case 'player.note':
      if (typeof event.text !== 'string' || event.text.trim() === '' || event.text.length > MAX_NOTE_LENGTH)
        return { ok: false, reason: 'note-invalid' };
      next = { ...logged, notes: [...logged.notes, { stage: stageOf(rules, ctx), text: event.text }] };
      break;
    case 'player.leave':
      next = end(logged, { id: '@left', by: 'leave' }, emitted);
      break;
    case 'nego.move':
      next = negotiationMove(rules, logged, event, emitted);
      break;
    default:
      return { ok: false, reason: 'unknown-event' };
  }
  if ('ok' in next) return next;
  const before = stageOf(rules, ctx);
  const after = stageOf(rules, next);
  if (before !== after) emitted.unshift({ type: 'visit.stage-changed', from: before, to: after });
  const moodBefore = moodOf(ctx.gauges);
  const moodAfter = moodOf(next.gauges);
  if (moodBefore !== moodAfter) emitted.push({ type: 'client.mood-changed', from: moodBefore, to: moodAfter });
  return { ok: true, context: next, emitted };
}

function refuse(reason: RefusalReason, detail?: string): StepResult {
  return detail === undefined ? { ok: false, reason } : { ok: false, reason, detail };
}

function start(rules: Rules, ctx: VisitContext, emitted: VisitEmitted[]): VisitContext {
  const startId = rules.index.startId;
  const node = startId ? rules.index.nodes.get(startId) : undefined;
  if (!node || !startId) return end(ctx, { id: '@no-start', by: 'choice' }, emitted);
  emitted.push({ type: 'cue.sound', sound: settingOf(rules.index, node.phase) === 'phone' ? 'phone-ring' : 'door' });
  return goTo(rules, ctx, startId, emitted);
}

/** Where a phase takes place: its own setting, else the scenario's. */
export function settingOf(index: ScenarioIndex, phase: VisitStage) {
  const own = phase === 'briefing' || phase === 'debrief' ? undefined : index.scenario.phases[phase].setting;
  return own ?? index.scenario.meta.setting;
}

function choiceRefusal(rules: Rules, ctx: VisitContext, choiceId: string): StepResult | null {
  if (ctx.cursor.kind === 'negotiation') return refuse('in-negotiation');
  if (ctx.cursor.kind === 'ready') return refuse('choice-not-offered');
  const entry = rules.index.choices.get(choiceId);
  if (!entry) return refuse('unknown-choice');
  const here = choicesAtCursor(rules.index, ctx).find((c) => c.id === choiceId);
  if (!here || entry.choice !== here) return refuse('choice-not-offered');
  const status = choiceStatus(ctx, here);
  if (status !== 'available') return refuse(status === 'hidden' ? 'choice-hidden' : 'choice-disabled');
  // The method's order (validation refuses scenarios that break it; a changed scenario under a save may not).
  const target = destinationOf(rules.index, here.next ?? '');
  const from = stageOf(rules, ctx);
  if (from !== 'briefing' && from !== 'debrief' && (target.kind === 'node' || target.kind === 'negotiation'))
    if (!canMoveBetweenPhases(from, target.phase)) return refuse('phase-order');
  return null;
}

function applyChoice(
  rules: Rules,
  ctx: VisitContext,
  choiceId: string,
  emitted: VisitEmitted[],
): VisitContext | StepResult {
  const refusal = choiceRefusal(rules, ctx, choiceId);
  if (refusal) return refusal;
  const entry = rules.index.choices.get(choiceId);
  if (!entry) return refuse('unknown-choice');
  const { choice } = entry;
  const offered = ctx.order.filter((id) => {
    const c = rules.index.choices.get(id)?.choice;
    return c !== undefined && choiceStatus(ctx, c) === 'available';
  });
  const stage = stageOf(rules, ctx) as VisitPhase | 'briefing';
  const effects = applyEffects(ctx, choice.effects);
  const notebook = [
    ...ctx.notebook,
    ...effects.discovered.map((n) => `need:${n}`),
    ...(choice.effects?.note ? [`note:${choice.id}`] : []),
  ];
  for (const needId of effects.discovered) emitted.push({ type: 'notebook.added', needId });
  const quality = rules.index.qualityOf(choiceId);
  emitted.push({ type: 'choice.feedback', choiceId, quality });
  if (effects.discovered.length > 0) emitted.push({ type: 'cue.sound', sound: 'discovery' });
  else if (quality !== 'neutral')
    emitted.push({ type: 'cue.sound', sound: quality === 'good' ? 'positive' : 'negative' });

  const after: VisitContext = {
    ...ctx,
    gauges: effects.gauges,
    needs: effects.needs,
    revealed: effects.revealed,
    flags: effects.flags,
    vars: effects.vars,
    notebook,
    chosen: [...ctx.chosen, choiceId],
    steps: [
      ...ctx.steps,
      { kind: 'choice', stage, nodeId: entry.nodeId, choiceId, offered, ...shownVariants(rules, ctx, entry) },
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

/** The wordings the player saw at this choice: recorded only when a variant, not the base text, was shown. */
function shownVariants(
  rules: Rules,
  ctx: VisitContext,
  entry: { choice: Choice | PreparationChoice; nodeId: string },
): { variant?: number; lineVariant?: number } {
  const state = conditionState(ctx);
  const variant = variantIndex(entry.choice, state);
  const node = rules.index.nodes.get(entry.nodeId)?.node;
  const lineVariant = node ? variantIndex(node, state) : undefined;
  return {
    ...(variant === undefined ? {} : { variant }),
    ...(lineVariant === undefined ? {} : { lineVariant }),
  };
}

/** Moves the cursor to a node, the negotiation step or an ending. */
function goTo(
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
      if (!rules.negotiation) return end(ctx, { id: '@broken-link', by }, emitted);
      const entered = enter(rules, ctx, { kind: 'negotiation', id });
      const opened = rules.negotiation.open(entered);
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
  const shown = choicesAtCursor(rules.index, placed)
    .filter((c) => choiceStatus(placed, c) !== 'hidden')
    .map((c) => c.id);
  const visited = cursor.kind === 'node' || cursor.kind === 'negotiation' ? [...ctx.visited, cursor.id] : ctx.visited;
  if (!ctx.shuffle || shown.length < 2) return { ...placed, order: shown, visited };
  const [order, rng] = shuffled(shown, ctx.rng);
  return { ...placed, order, rng, visited };
}

function negotiationMove(
  rules: Rules,
  ctx: VisitContext,
  event: Extract<VisitEvent, { type: 'nego.move' }>,
  emitted: VisitEmitted[],
): VisitContext | StepResult {
  if (ctx.cursor.kind !== 'negotiation') return refuse('not-negotiating');
  if (!rules.negotiation || !ctx.negotiation) return refuse('no-negotiation');
  const nodeId = ctx.cursor.id;
  const result = rules.negotiation.move(ctx, ctx.negotiation, event.move);
  if (!result.ok) return refuse('move-refused', result.refusal.code);
  const after: VisitContext = {
    ...ctx,
    negotiation: result.state,
    rng: result.rng,
    gauges: result.gauges,
    steps: [
      ...ctx.steps,
      {
        kind: 'negotiation',
        stage: 'closing',
        nodeId,
        move: event.move,
        evidence: result.evidence,
        response: result.response,
      },
    ],
  };
  if (!result.outcome) return after;
  return goTo(rules, after, rules.negotiation.spec.outcomes[result.outcome], emitted, 'negotiation');
}
