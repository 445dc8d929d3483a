import type { LevelId, ReferentialPack } from '../referentials/formats.ts';
import type { Ending } from '../scenario/format.ts';
import type { ScenarioIndex } from '../scenario/scenario-index.ts';
import type { Step, VisitContext } from '../visit/visit-types.ts';
import { negotiationResult as resultOf, type NegotiationResult } from '../negotiation/index.ts';
import { occasionsOf, type Occasion } from './occasions.ts';
import { scoringModelFor, type ScoringModel } from './scoring-model.ts';
import { weaknessesOf, strengthsOf, type Point } from './points.ts';

export type { Point } from './points.ts';

export interface CompetenceResult {
  code: string;
  group: string;
  weight: number;
  /** Points earned for this competence: its score times its maximum, so never below 0 or above it. */
  points: number;
  /** What was at stake for it in this visit (at least the share of a full visit the pack asks for). */
  max: number;
  /** How many occasions the visit gave to show it. */
  occasions: number;
  /** 0–1; null when the scenario never exercises the competence. */
  ratio: number | null;
  level: LevelId | null;
  /** What held the score down, when something did: a fault (no mastery with one) or a severe fault. */
  capped: 'fault' | 'severe' | null;
}

export interface PhaseResult {
  stage: Step['stage'];
  /** Share of what was at stake in the phase that the visit earned, 0–1; null with nothing at stake. */
  score: number | null;
  choices: number;
  good: number;
  poor: number;
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
  /** The severe faults' cap on the mark, when one applied. */
  markCap: number | null;
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
  const { pack, index } = model;
  const occasions = occasionsOf(model, ctx);
  const competences = pack.competences.map((c) => competenceResult(model, c, occasions));
  let exact = 0;
  for (const [code, w] of model.weights) exact += 20 * w * (competences.find((c) => c.code === code)?.ratio ?? 0);
  const severe = occasions.some((o) => o.severe);
  const markCap = severe && exact > pack.scoring.severe.markCap ? pack.scoring.severe.markCap : null;
  if (markCap !== null) exact = markCap;
  const spec = index.scenario.phases.closing.negotiation;
  const negotiation = spec && ctx.negotiation ? resultOf(spec, ctx.negotiation) : null;
  const denominators = new Map(competences.map((c) => [c.code, c.max]));
  return {
    scenarioId: index.scenario.meta.id,
    pack: pack.id,
    mark: roundToStep(exact, pack.mark.step),
    outOf: 20,
    exactMark: round3(exact),
    markCap,
    complete: ctx.cursor.kind === 'ended',
    competences,
    phases: phaseResults(model, ctx, occasions),
    outcome: outcomeOf(model, ctx, negotiation),
    strengths: strengthsOf(model, ctx, occasions, denominators),
    weaknesses: weaknessesOf(model, ctx, occasions, denominators),
  };
}

/**
 * A competence's score: what its occasions earned over what was at stake — but never over less
 * than the share of a full visit's stake the pack asks for, so a visit cut short is not judged on
 * two answers. A fault keeps it below mastery; a severe fault below the pack's cap.
 */
function competenceResult(
  model: ScoringModel,
  c: ReferentialPack['competences'][number],
  occasions: readonly Occasion[],
): CompetenceResult {
  const rules = model.pack.scoring;
  const mine = occasions.filter((o) => o.competence === c.code);
  const base = { code: c.code, group: c.group, weight: c.weight, occasions: mine.length };
  if (!model.exercised.has(c.code) && mine.length === 0)
    return { ...base, points: 0, max: 0, ratio: null, level: null, capped: null };
  const stake = mine.reduce((s, o) => s + o.stake, 0);
  const earned = mine.reduce((s, o) => s + o.earned, 0);
  const max = Math.max(stake, rules.coverage * (model.fullStake.get(c.code) ?? 0));
  let ratio = max > 0 ? clamp01(earned / max) : 0;
  let capped: CompetenceResult['capped'] = null;
  if (mine.some((o) => o.fault) && ratio > rules.faultCap) [ratio, capped] = [rules.faultCap, 'fault'];
  if (mine.some((o) => o.severe) && ratio > rules.severe.competenceCap)
    [ratio, capped] = [rules.severe.competenceCap, 'severe'];
  return {
    ...base,
    points: round3(ratio * max),
    max: round3(max),
    ratio,
    level: levelOf(model.pack, ratio),
    capped,
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

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function phaseResults(model: ScoringModel, ctx: VisitContext, occasions: readonly Occasion[]): PhaseResult[] {
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
      const steps = ctx.steps.filter((s) => s.stage === stage);
      const here = occasions.filter((o) => o.stage === stage);
      const stake = here.reduce((s, o) => s + o.stake, 0);
      const earned = here.reduce((s, o) => s + o.earned, 0);
      const quality = steps.map((s) => (s.kind === 'choice' ? model.index.qualityOf(s.choiceId) : 'neutral'));
      return {
        stage,
        score: stake > 0 ? round3(clamp01(earned / stake)) : null,
        choices: steps.length,
        good: quality.filter((q) => q === 'good').length,
        poor: quality.filter((q) => q === 'poor').length + here.filter((o) => o.fault && o.stage === 'closing').length,
      };
    })
    .filter((p) => p.choices > 0);
}

function outcomeOf(model: ScoringModel, ctx: VisitContext, negotiationResult: NegotiationResult | null): Outcome {
  const endingId = ctx.ending?.id ?? '';
  const ending = model.index.endings.get(endingId)?.ending;
  const terms = ending?.kind === 'sale' ? ending.terms : undefined;
  // A negotiated deal's figures win over the ending's nominal terms: they are what was agreed.
  const agreed = negotiationResult?.status === 'deal' ? negotiationResult : null;
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
