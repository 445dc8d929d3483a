import type { TFunction } from 'i18next';
import type { ScenarioIndex } from '../core/scenario/scenario-index.ts';
import { pickText } from '../core/scenario/text.ts';
import {
  DOMINANT_MOTIVE,
  factsToFind,
  motiveWeight,
  SUITED_TECHNIQUES,
  techniqueSuits,
} from '../core/scenario/persona-facts.ts';
import type { VisitContext } from '../core/visit/visit-types.ts';
import type { UiLanguage } from '../i18n/languages.ts';
import { formats } from './format.ts';

/**
 * The debrief's « mobiles » part: which of the client's motives, freins, budget and
 * decision-maker the student found and missed; whether each argument spoke to something
 * already found; and, for each objection answered, its kind and the techniques that suit it.
 * Presentation only (docs/scoring.md §7): it explains, it does not mark. Pure: the game's
 * debrief screen, `negosim play` and the tests read the same rows.
 */
export interface FactRow {
  fact: string;
  kind: 'motive' | 'frein' | 'budget' | 'decision-maker';
  /** « Sécurité », the frein's text, « Budget », « Décideur ». */
  label: string;
  /** The persona's own words: the motive's weight, the budget's note, who decides. */
  detail: string;
  dominant: boolean;
  found: boolean;
}

export interface ArgumentRow {
  step: number;
  text: string;
  fact: string;
  target: string;
  /** The fact was revealed before the argument: the student argued to what they had found. */
  targetFound: boolean;
}

export interface ObjectionRow {
  step: number;
  /** The client's objection, as said. */
  objection: string;
  kind: string;
  /** The technique the student's answer used, or '' when the answer declares none. */
  technique: string;
  suited: string[];
  /** Whether the technique suits the kind; null when the answer declares no technique. */
  suits: boolean | null;
}

export interface MotivesDebrief {
  personality: string;
  found: FactRow[];
  missed: FactRow[];
  arguments: ArgumentRow[];
  objections: ObjectionRow[];
}

export function motivesDebrief(
  index: ScenarioIndex,
  ctx: VisitContext,
  lang: UiLanguage,
  t: TFunction,
): MotivesDebrief {
  const { scenario } = index;
  const revealedAt = revealSteps(index, ctx);
  const rows = factsToFind(scenario).map((fact) => factRow(index, fact, revealedAt.has(fact), lang, t));
  const args: ArgumentRow[] = [];
  const objections: ObjectionRow[] = [];
  ctx.steps.forEach((step, i) => {
    if (step.kind !== 'choice') return;
    const choice = index.choices.get(step.choiceId)?.choice;
    if (choice?.targets !== undefined) {
      const when = revealedAt.get(choice.targets);
      args.push({
        step: i,
        text: pickText(choice.text, lang),
        fact: choice.targets,
        target: targetName(index, choice.targets, lang, t),
        targetFound: when !== undefined && when < i,
      });
    }
    const node = index.nodes.get(step.nodeId)?.node;
    const kind = node?.objection?.kind;
    if (!node || !kind || !choice) return;
    objections.push({
      step: i,
      objection: pickText(node.text, lang),
      kind: t(`present:motives.objectionKinds.${kind}`),
      technique: choice.technique ? t(`present:motives.techniques.${choice.technique}`) : '',
      suited: SUITED_TECHNIQUES[kind].map((x) => t(`present:motives.techniques.${x}`)),
      suits: choice.technique ? techniqueSuits(kind, choice.technique) : null,
    });
  });
  return {
    personality: pickText(scenario.persona.personality, lang),
    found: rows.filter((r) => r.found),
    missed: rows.filter((r) => !r.found),
    arguments: args,
    objections,
  };
}

/** The step at which each fact was first revealed, replayed from the choices made. */
function revealSteps(index: ScenarioIndex, ctx: VisitContext): Map<string, number> {
  const at = new Map<string, number>();
  ctx.steps.forEach((step, i) => {
    if (step.kind !== 'choice') return;
    for (const fact of index.choices.get(step.choiceId)?.choice.effects?.reveal ?? [])
      if (!at.has(fact)) at.set(fact, i);
  });
  return at;
}

function factRow(index: ScenarioIndex, fact: string, found: boolean, lang: UiLanguage, t: TFunction): FactRow {
  const { persona } = index.scenario;
  if (fact.startsWith('motive.')) {
    const key = fact.slice('motive.'.length);
    const weight = motiveWeight(index.scenario, fact) ?? 0;
    return {
      fact,
      kind: 'motive',
      label: t(`present:motives.soncas.${key}`),
      detail: t('present:motives.weight', { weight, max: 5 }),
      dominant: weight >= DOMINANT_MOTIVE,
      found,
    };
  }
  if (fact.startsWith('frein.')) {
    const frein = persona.freins.find((f) => `frein.${f.id}` === fact);
    const label = t('present:motives.freinLabel');
    return { fact, kind: 'frein', label, detail: pickText(frein?.label, lang), dominant: false, found };
  }
  if (fact === 'budget') {
    const amount = persona.budget.amountHT;
    const note = pickText(persona.budget.note, lang);
    const detail = amount === undefined ? note : `${formats(lang).euros(amount)} · ${note}`;
    return { fact, kind: 'budget', label: t('present:motives.budget'), detail, dominant: false, found };
  }
  return {
    fact,
    kind: 'decision-maker',
    label: t('present:motives.decisionMaker'),
    detail: `${decides(persona, t)} · ${pickText(persona.decisionMaker.note, lang)}`,
    dominant: false,
    found,
  };
}

/** How the debrief names what an argument aimed at: « le mobile Sécurité », « le frein « … » ». */
function targetName(index: ScenarioIndex, fact: string, lang: UiLanguage, t: TFunction): string {
  if (fact === 'budget') return t('present:motives.targetBudget');
  if (fact === 'decision-maker') return t('present:motives.targetDecisionMaker');
  if (fact.startsWith('motive.'))
    return t('present:motives.targetMotive', { label: t(`present:motives.soncas.${fact.slice(7)}`) });
  const frein = index.scenario.persona.freins.find((f) => `frein.${f.id}` === fact);
  return t('present:motives.targetFrein', { text: pickText(frein?.label, lang).replace(/[.\s]+$/, '') });
}

/** « décide », or « ne décide pas seule » agreeing with the client (i18next context). */
function decides(persona: ScenarioIndex['scenario']['persona'], t: TFunction): string {
  if (persona.decisionMaker.isDecisionMaker) return t('present:motives.decidesSelf');
  return t('present:motives.decidesOther', { context: persona.gender === 'female' ? 'female' : undefined });
}
