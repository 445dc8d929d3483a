import type { LevelId, ReferentialPack } from '../referentials/formats.ts';
import type { Ending } from '../scenario/format.ts';
import type { ScenarioIndex } from '../scenario/scenario-index.ts';
import type { Step, VisitContext } from '../visit/visit-types.ts';
import { negotiationResult as resultOf, type NegotiationResult } from '../negotiation/index.ts';
import {
  scoringModelFor,
  negotiationEvidenceCounter,
  choiceContribution,
  contributionOf,
  markValue,
  type Contribution,
  type EvidenceItem,
  type ScoringModel,
} from './scoring-model.ts';

export interface EvidenceLine {
  /** Position of the step in the visit (0-based). */
  step: number;
  stage: Step['stage'];
  choiceId?: string;
  skill: string;
  polarity: 'positive' | 'negative';
  missed: boolean;
  points: number;
}

export interface CompetenceResult {
  code: string;
  group: string;
  weight: number;
  /** Net points earned for this competence. */
  points: number;
  /** The most this scenario lets anyone earn for it. */
  max: number;
  /** points / max clamped to [0, 1]; null when the scenario does not exercise the competence. */
  ratio: number | null;
  level: LevelId | null;
  evidence: EvidenceLine[];
}

export interface PhaseResult {
  stage: Step['stage'];
  /** Share of what the best available choices would have earned, 0–1; null with nothing at stake. */
  score: number | null;
  choices: number;
  good: number;
  poor: number;
}

export interface Point {
  step: number;
  stage: Step['stage'];
  choiceId?: string;
  /** Competences this point concerns, strongest first. */
  competences: string[];
  /** Marks /20 this step earned (or cost). */
  value: number;
  /** For a weakness: the best choice that was available instead, and its worth. */
  betterChoice?: string;
  betterValue?: number;
}

export interface Outcome {
  endingId: string;
  kind: Ending['kind'] | 'left';
  by: NonNullable<VisitContext['ending']>['by'] | null;
  deal: boolean;
  revenueHT: number | null;
  /** Marge in euros HT (revenue − cost), when the scenario gives the cost. */
  marge: number | null;
  /** Taux de marque: marge / prix de vente HT × 100. */
  tauxDeMarque: number | null;
  trust: number;
  interest: number;
  irritation: number;
  needsDiscovered: number;
  needsTotal: number;
  /** Figures of the negotiation step, when there was one. */
  negotiation: NegotiationResult | null;
}

export interface Evaluation {
  scenarioId: string;
  pack: string;
  /** The mark /20, rounded to the pack's step. */
  mark: number;
  outOf: 20;
  /** Before rounding, for analyses. */
  exactMark: number;
  complete: boolean;
  competences: CompetenceResult[];
  phases: PhaseResult[];
  outcome: Outcome;
  strengths: Point[];
  weaknesses: Point[];
}

/**
 * The evaluation of a visit under a referential pack: the one way to mark a visit. The game,
 * the CLI, the server and the tests all call it, so they cannot disagree. Pure: the same
 * scenario, pack and context (itself the replay of an event log) give the same evaluation.
 */
export function evaluateVisit(index: ScenarioIndex, pack: ReferentialPack, ctx: VisitContext): Evaluation {
  return evaluateWithModel(scoringModelFor(index, pack), ctx);
}

/** The same, with a scoring model already built (the content checks build one per pack). */
export function evaluateWithModel(model: ScoringModel, ctx: VisitContext): Evaluation {
  const spec = model.index.scenario.phases.closing.negotiation;
  const negotiationResult = spec && ctx.negotiation ? resultOf(spec, ctx.negotiation) : null;
  const { pack, index } = model;
  const perCompetence = new Map<string, number>(pack.competences.map((c) => [c.code, 0]));
  const evidence = new Map<string, EvidenceLine[]>(pack.competences.map((c) => [c.code, []]));
  const counted = new Set<string>();
  const stepValues: { step: number; value: number; contribution: Contribution; best: number; bestChoice?: string }[] =
    [];

  const countsForNegotiation = negotiationEvidenceCounter(index.scenario.phases.closing.negotiation, index.skills);

  ctx.steps.forEach((step, i) => {
    let items: EvidenceItem[];
    if (step.kind === 'choice') {
      // A choice's evidence counts once, even if a loop lets the player pick it again.
      if (counted.has(step.choiceId)) return;
      counted.add(step.choiceId);
      items = index.choices.get(step.choiceId)?.choice.skills ?? [];
    } else {
      items = step.evidence.filter(countsForNegotiation);
    }
    const contribution = contributionOf(items, pack, index.skills);
    for (const [code, pts] of contribution) perCompetence.set(code, (perCompetence.get(code) ?? 0) + pts);
    for (const e of items) {
      const polarity = index.skills.polarity(e.skill);
      if (!polarity) continue;
      for (const [code, w] of Object.entries(pack.skillMap[e.skill] ?? {})) {
        const sign = polarity === 'positive' ? 1 : -1;
        evidence.get(code)?.push({
          step: i,
          stage: step.stage,
          ...(step.kind === 'choice' ? { choiceId: step.choiceId } : {}),
          skill: e.skill,
          polarity,
          missed: e.missed === true,
          points: e.missed ? 0 : sign * (e.strength ?? 1) * w,
        });
      }
    }
    const value = markValue(model, contribution);
    if (step.kind === 'choice') {
      let best = value;
      let bestChoice: string | undefined;
      for (const id of step.offered) {
        const v = markValue(model, choiceContribution(index.choices.get(id)?.choice.skills, pack, index.skills));
        if (v > best + 1e-9) {
          best = v;
          bestChoice = id;
        }
      }
      stepValues.push({ step: i, value, contribution, best, ...(bestChoice ? { bestChoice } : {}) });
    } else {
      stepValues.push({ step: i, value, contribution, best: value });
    }
  });

  const competences: CompetenceResult[] = pack.competences.map((c) => {
    const max = model.maxPoints.get(c.code) ?? 0;
    const points = perCompetence.get(c.code) ?? 0;
    const ratio = max > 0 ? clamp01(points / max) : null;
    return {
      code: c.code,
      group: c.group,
      weight: c.weight,
      points: round3(points),
      max: round3(max),
      ratio,
      level: ratio === null ? null : levelOf(pack, ratio),
      evidence: evidence.get(c.code) ?? [],
    };
  });

  let exact = 0;
  for (const [code, w] of model.weights) {
    const r = competences.find((c) => c.code === code)?.ratio ?? 0;
    exact += 20 * w * r;
  }
  return {
    scenarioId: index.scenario.meta.id,
    pack: pack.id,
    mark: roundToStep(exact, pack.mark.step),
    outOf: 20,
    exactMark: round3(exact),
    complete: ctx.cursor.kind === 'ended',
    competences,
    phases: phaseResults(ctx, stepValues),
    outcome: outcomeOf(model, ctx, negotiationResult),
    strengths: strengthsOf(ctx, stepValues),
    weaknesses: weaknessesOf(ctx, stepValues),
  };
}

export function levelOf(pack: ReferentialPack, ratio: number): LevelId {
  let level = pack.levels[0]?.id ?? 'non-acquis';
  for (const l of pack.levels) if (ratio + 1e-9 >= l.min) level = l.id;
  return level;
}

/** Half-up rounding to the step (0.5 → marks like 14,5/20), immune to binary float noise. */
export function roundToStep(value: number, step: number): number {
  const n = Math.floor(value / step + 0.5 + 1e-9);
  return Math.min(20, Math.max(0, round3(n * step)));
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function phaseResults(ctx: VisitContext, values: { step: number; value: number; best: number }[]): PhaseResult[] {
  const stages: Step['stage'][] = [
    'briefing',
    'prospection',
    'discovery',
    'argument',
    'objection',
    'closing',
    'followup',
  ];
  return stages
    .map((stage) => {
      const here = values.filter((v) => ctx.steps[v.step]?.stage === stage);
      const earned = here.reduce((s, v) => s + v.value, 0);
      const possible = here.reduce((s, v) => s + Math.max(0, v.best), 0);
      return {
        stage,
        // Nothing good was on offer (an earlier mistake locked it) yet a poor move was made: that is 0, not "n/a".
        score: possible > 0 ? round3(clamp01(earned / possible)) : earned < -1e-9 ? 0 : null,
        choices: here.length,
        good: here.filter((v) => v.value > 1e-9).length,
        poor: here.filter((v) => v.value < -1e-9 || v.best - v.value > 1e-9).length,
      };
    })
    .filter((p) => p.choices > 0);
}

function topCompetences(contribution: Contribution, sign: 1 | -1): string[] {
  return [...contribution.entries()]
    .filter(([, v]) => v * sign > 0)
    .sort((a, b) => (b[1] - a[1]) * sign)
    .map(([code]) => code);
}

function strengthsOf(
  ctx: VisitContext,
  values: { step: number; value: number; contribution: Contribution }[],
): Point[] {
  return values
    .filter((v) => v.value > 1e-9)
    .sort((a, b) => b.value - a.value || a.step - b.step)
    .slice(0, 3)
    .map((v) => pointOf(ctx, v, topCompetences(v.contribution, 1)));
}

function weaknessesOf(
  ctx: VisitContext,
  values: { step: number; value: number; contribution: Contribution; best: number; bestChoice?: string }[],
): Point[] {
  return values
    .filter((v) => v.best - v.value > 1e-9 || v.value < -1e-9)
    .sort((a, b) => b.best - b.value - (a.best - a.value) || a.value - b.value || a.step - b.step)
    .slice(0, 3)
    .map((v) => ({
      ...pointOf(ctx, v, topCompetences(v.contribution, -1)),
      ...(v.bestChoice ? { betterChoice: v.bestChoice, betterValue: round3(v.best) } : {}),
    }));
}

function pointOf(ctx: VisitContext, v: { step: number; value: number }, competences: string[]): Point {
  const step = ctx.steps[v.step] as Step;
  return {
    step: v.step,
    stage: step.stage,
    ...(step.kind === 'choice' ? { choiceId: step.choiceId } : {}),
    competences,
    value: round3(v.value),
  };
}

function outcomeOf(model: ScoringModel, ctx: VisitContext, negotiationResult: NegotiationResult | null): Outcome {
  const endingId = ctx.ending?.id ?? '';
  const ending = model.index.endings.get(endingId)?.ending;
  const terms = ending?.kind === 'sale' ? ending.terms : undefined;
  // A negotiated deal's figures win over the ending's nominal terms: they are what was agreed.
  const nego = negotiationResult as Pick<
    NegotiationResult,
    'status' | 'revenueHt' | 'marginHt' | 'tauxDeMarque'
  > | null;
  const agreed = nego?.status === 'deal' ? nego : null;
  const num = (v: string | null | undefined) => (v === null || v === undefined ? null : Number(v));
  const revenueHT = agreed ? num(agreed.revenueHt) : (terms?.revenueHT ?? null);
  const marge = agreed
    ? num(agreed.marginHt)
    : terms?.revenueHT !== undefined && terms.costHT !== undefined
      ? round2(terms.revenueHT - terms.costHT)
      : null;
  const tauxDeMarque = agreed
    ? num(agreed.tauxDeMarque)
    : revenueHT && marge !== null
      ? round2((marge / revenueHT) * 100)
      : null;
  return {
    endingId,
    kind: ending?.kind ?? 'left',
    by: ctx.ending?.by ?? null,
    deal: ending?.kind === 'sale',
    revenueHT: ending?.kind === 'sale' ? revenueHT : null,
    marge: ending?.kind === 'sale' ? marge : null,
    tauxDeMarque: ending?.kind === 'sale' ? tauxDeMarque : null,
    trust: ctx.gauges.trust,
    interest: ctx.gauges.interest,
    irritation: ctx.gauges.irritation,
    needsDiscovered: ctx.needs.length,
    needsTotal: model.index.scenario.persona.needs.length,
    negotiation: negotiationResult,
  };
}

/** The mark under each pack, by pack id: what a finished attempt keeps for lists and best marks. */
export function marksByPack(
  index: ScenarioIndex,
  packs: readonly ReferentialPack[],
  ctx: VisitContext,
): Record<string, number> {
  const marks: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const pack of packs) marks[pack.id] = evaluateVisit(index, pack, ctx).mark;
  return marks;
}
