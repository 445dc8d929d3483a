import { VISIT_PHASES, type VisitPhase, type VisitStage } from '../core/phases.ts';
import type { Choice, Expression, Gesture, PreparationChoice } from '../core/scenario/format.ts';
import type { ScenarioIndex } from '../core/scenario/scenario-index.ts';
import { pickText } from '../core/scenario/text.ts';
import { expressionForMood, moodOf } from '../core/visit/client-state.ts';
import { choicesAtCursor, choiceStatus } from '../core/visit/visit-rules.ts';
import type { Mood, VisitContext } from '../core/visit/visit-types.ts';
import type { UiLanguage } from '../i18n/languages.ts';

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
  choices: ChoiceView[];
  needs: string[];
  notes: string[];
  gauges: VisitContext['gauges'];
  negotiating: boolean;
  ending: { title: string; summary: string; kind: 'sale' | 'appointment' | 'lost' | 'left' } | null;
}

export function choiceText(index: ScenarioIndex, id: string, lang: UiLanguage): string {
  return pickText(index.choices.get(id)?.choice.text, lang);
}

export function visitView(index: ScenarioIndex, ctx: VisitContext, stage: VisitStage, lang: UiLanguage): VisitView {
  const { scenario } = index;
  const mood = moodOf(ctx.gauges);
  const current = VISIT_PHASES.indexOf(stage as VisitPhase);
  const reached = new Set(ctx.visited.map((id) => index.nodes.get(id)?.phase).filter(Boolean));
  const stateOf = (phase: VisitPhase, i: number): 'done' | 'current' | 'todo' => {
    if (stage === 'debrief') return 'done';
    if (i === current) return 'current';
    return current >= 0 && i < current && reached.has(phase) ? 'done' : 'todo';
  };
  const track = VISIT_PHASES.map((phase, i) => ({ phase, state: stateOf(phase, i) }));

  let speaker: VisitView['speaker'] = { kind: 'client', name: scenario.persona.name };
  let line = '';
  let expression = expressionForMood(mood);
  let gesture: Gesture = 'none';
  const cursor = ctx.cursor;
  if (cursor.kind === 'node') {
    const node = index.nodes.get(cursor.id)?.node;
    if (node) {
      line = pickText(node.text, lang);
      const cast = scenario.cast?.find((c) => c.id === node.speaker);
      speaker =
        node.speaker === 'client'
          ? speaker
          : node.speaker === 'narrator'
            ? { kind: 'narrator', name: '' }
            : node.speaker === 'seller'
              ? { kind: 'seller', name: '' }
              : { kind: 'cast', name: cast?.name ?? node.speaker };
      expression = node.cue?.expression ?? expression;
      gesture = node.cue?.gesture ?? 'none';
    }
  } else if (cursor.kind === 'preparation') {
    line = pickText(index.preparation.get(cursor.id)?.node.text, lang);
    speaker = { kind: 'narrator', name: '' };
  }

  const all = choicesAtCursor(index, ctx);
  const byId = new Map<string, Choice | PreparationChoice>(all.map((c) => [c.id, c]));
  const choices = ctx.order
    .map((id) => byId.get(id))
    .filter((c): c is Choice | PreparationChoice => c !== undefined)
    .map((c) => {
      const status = choiceStatus(ctx, c);
      return { c, status };
    })
    .filter(({ status }) => status !== 'hidden')
    .map(({ c, status }) => ({
      id: c.id,
      text: pickText(c.text, lang),
      disabled: status === 'disabled',
      reason: pickText(c.condition?.reason, lang),
    }));

  const needs = ctx.notebook
    .filter((n) => n.startsWith('need:'))
    .map((n) => pickText(scenario.persona.needs.find((x) => x.id === n.slice(5))?.label, lang));
  const notes = [
    ...ctx.notes.map((n) => n.text),
    ...ctx.notebook
      .filter((n) => n.startsWith('note:'))
      .map((n) => pickText(index.choices.get(n.slice(5))?.choice.effects?.note, lang)),
  ].filter((n) => n !== '');

  let ending: VisitView['ending'] = null;
  if (ctx.ending) {
    const e = index.endings.get(ctx.ending.id)?.ending;
    ending = e
      ? { title: pickText(e.title, lang), summary: pickText(e.summary, lang), kind: e.kind }
      : { title: '', summary: '', kind: 'left' };
  }

  return {
    stage,
    track,
    speaker,
    line,
    expression,
    gesture,
    mood,
    choices,
    needs,
    notes,
    gauges: ctx.gauges,
    negotiating: cursor.kind === 'negotiation',
    ending,
  };
}
