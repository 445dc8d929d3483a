import { VISIT_PHASES, type VisitPhase, type VisitStage } from '../core/phases.ts';
import type { TFunction } from 'i18next';
import { agreedTermsOf } from '../core/scenario/ending-template.ts';
import type { Choice, Ending, Expression, Gesture, PreparationChoice } from '../core/scenario/format.ts';
import { textFor, textOfVariant } from '../core/scenario/variants.ts';
import type { ScenarioIndex } from '../core/scenario/scenario-index.ts';
import { pickText } from '../core/scenario/text.ts';
import { conditionState, expressionForMood, moodOf } from '../core/visit/client-state.ts';
import { choicesAtCursor, choiceStatus, settingOf } from '../core/visit/visit-rules.ts';
import type { ChoiceStep, Mood, VisitContext } from '../core/visit/visit-types.ts';
import type { UiLanguage } from '../i18n/languages.ts';
import { endingTextView } from './ending-text.ts';

/**
 * What the visit screen shows, derived from the core's context: a plain object the DOM
 * widgets render and the tests read. Nothing here decides anything; it only looks things up.
 */
export interface ChoiceView {
  id: string;
  text: string;
  disabled: boolean;
  reason: string;
}

export interface VisitView {
  stage: VisitStage;
  track: { phase: VisitPhase; state: 'done' | 'current' | 'todo' }[];
  speaker: { kind: 'client' | 'narrator' | 'cast' | 'seller'; name: string };
  line: string;
  expression: Expression;
  gesture: Gesture;
  mood: Mood;
  /** The client's grammatical gender: mood words and stage directions agree with it (i18next context). */
  gender: 'female' | 'male';
  choices: ChoiceView[];
  needs: string[];
  notes: string[];
  gauges: VisitContext['gauges'];
  negotiating: boolean;
  ending: { title: string; summary: string; detail: string; kind: Ending['kind'] | 'left' } | null;
}

/** A choice's words as shown: the variant its step recorded (or, before choosing, the state selects). */
export function choiceText(index: ScenarioIndex, id: string, lang: UiLanguage, variant?: number): string {
  return pickText(textOfVariant(index.choices.get(id)?.choice, variant), lang);
}

/** What the seller said at a step: the choice's wording the student saw then. */
export function stepChoiceText(index: ScenarioIndex, step: ChoiceStep, lang: UiLanguage): string {
  return choiceText(index, step.choiceId, lang, step.variant);
}

/**
 * `t` fills the ending's placeholders with the negotiated terms (months and days need the
 * interface's plurals); without it they are left as written.
 */
export function visitView(
  index: ScenarioIndex,
  ctx: VisitContext,
  stage: VisitStage,
  lang: UiLanguage,
  t?: TFunction,
): VisitView {
  const mood = moodOf(ctx.gauges);
  return {
    stage,
    track: phaseTrack(index, ctx, stage),
    ...speakerAndLine(index, ctx, lang, expressionForMood(mood)),
    mood,
    gender: index.scenario.persona.gender ?? 'male',
    choices: choicesShown(index, ctx, lang),
    ...notebookOf(index, ctx, lang),
    gauges: ctx.gauges,
    negotiating: ctx.cursor.kind === 'negotiation',
    ending: endingOf(index, ctx, lang, t),
  };
}

/** Each phase done, current or to come: done only when the visit went through it. */
function phaseTrack(index: ScenarioIndex, ctx: VisitContext, stage: VisitStage): VisitView['track'] {
  const current = VISIT_PHASES.indexOf(stage as VisitPhase);
  const reached = new Set(ctx.visited.map((id) => index.nodes.get(id)?.phase).filter(Boolean));
  const stateOf = (phase: VisitPhase, i: number): 'done' | 'current' | 'todo' => {
    if (stage === 'debrief') return 'done';
    if (i === current) return 'current';
    return current >= 0 && i < current && reached.has(phase) ? 'done' : 'todo';
  };
  return VISIT_PHASES.map((phase, i) => ({ phase, state: stateOf(phase, i) }));
}

/** Who speaks, what they say, and the face and gesture the scenario gives them (else the mood's face). */
function speakerAndLine(
  index: ScenarioIndex,
  ctx: VisitContext,
  lang: UiLanguage,
  moodFace: Expression,
): Pick<VisitView, 'speaker' | 'line' | 'expression' | 'gesture'> {
  const { scenario } = index;
  const client = { kind: 'client' as const, name: scenario.persona.name };
  const cursor = ctx.cursor;
  if (cursor.kind === 'preparation') {
    const line = pickText(index.preparation.get(cursor.id)?.node.text, lang);
    return { speaker: { kind: 'narrator', name: '' }, line, expression: moodFace, gesture: 'none' };
  }
  const node = cursor.kind === 'node' ? index.nodes.get(cursor.id)?.node : undefined;
  if (!node) return { speaker: client, line: '', expression: moodFace, gesture: 'none' };
  const roles: Record<string, VisitView['speaker']> = {
    client,
    narrator: { kind: 'narrator', name: '' },
    seller: { kind: 'seller', name: '' },
  };
  const cast = scenario.cast?.find((c) => c.id === node.speaker);
  return {
    speaker: roles[node.speaker] ?? { kind: 'cast', name: cast?.name ?? node.speaker },
    line: pickText(textFor(node, conditionState(ctx)), lang),
    expression: node.cue?.expression ?? moodFace,
    // On the phone nobody sees a gesture: none is shown or drawn, whatever the cue says.
    gesture: onThePhone(index, ctx) ? 'none' : (node.cue?.gesture ?? 'none'),
  };
}

function onThePhone(index: ScenarioIndex, ctx: VisitContext): boolean {
  const phase = ctx.cursor.kind === 'node' ? index.nodes.get(ctx.cursor.id)?.phase : undefined;
  return phase !== undefined && settingOf(index, phase) === 'phone';
}

/** The choices on offer, in the dealt order: hidden ones left out, locked ones with their reason. */
function choicesShown(index: ScenarioIndex, ctx: VisitContext, lang: UiLanguage): ChoiceView[] {
  const byId = new Map<string, Choice | PreparationChoice>(choicesAtCursor(index, ctx).map((c) => [c.id, c]));
  return ctx.order.flatMap((id) => {
    const c = byId.get(id);
    const status = c ? choiceStatus(ctx, c) : 'hidden';
    if (!c || status === 'hidden') return [];
    const reason = pickText(c.condition?.reason, lang);
    const text = pickText(textFor(c, conditionState(ctx)), lang);
    return [{ id: c.id, text, disabled: status === 'disabled', reason }];
  });
}

/** The needs found so far and the notes: the student's own, then those the choices wrote. */
function notebookOf(index: ScenarioIndex, ctx: VisitContext, lang: UiLanguage): Pick<VisitView, 'needs' | 'notes'> {
  const needs = ctx.notebook
    .filter((n) => n.startsWith('need:'))
    .map((n) => pickText(index.scenario.persona.needs.find((x) => x.id === n.slice(5))?.label, lang));
  const fromChoices = ctx.notebook
    .filter((n) => n.startsWith('note:'))
    .map((n) => pickText(index.choices.get(n.slice(5))?.choice.effects?.note, lang));
  return { needs, notes: [...ctx.notes.map((n) => n.text), ...fromChoices].filter((n) => n !== '') };
}

function endingOf(index: ScenarioIndex, ctx: VisitContext, lang: UiLanguage, t?: TFunction): VisitView['ending'] {
  if (!ctx.ending) return null;
  const e = index.endings.get(ctx.ending.id)?.ending;
  if (!e) return { title: '', summary: '', detail: '', kind: 'left' };
  const text = t
    ? endingTextView(index, e, agreedTermsOf(ctx.negotiation), lang, t)
    : { title: pickText(e.title, lang), summary: pickText(e.summary, lang), detail: '' };
  return { ...text, kind: e.kind };
}
