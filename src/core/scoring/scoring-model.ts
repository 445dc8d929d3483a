import { condense, type Condensation } from '../graph/condensation.ts';
import { boundsToEnding } from '../graph/path-bounds.ts';
import { buildVisitGraph, type VisitGraph } from '../graph/visit-graph.ts';
import type { ReferentialPack } from '../referentials/formats.ts';
import type { SkillBook } from '../referentials/skill-book.ts';
import { negotiationReference } from './negotiation-reference.ts';
import type { SkillEvidence } from '../scenario/format.ts';
import type { ScenarioIndex } from '../scenario/scenario-index.ts';
import { evidenceCap, NEGOTIATION_SKILLS, type NegotiationSkill, type NegotiationSpec } from '../negotiation/index.ts';

/**
 * How a visit is marked against a referential pack — the design in one paragraph:
 * every skill a choice shows earns (good skill) or costs (poor habit) points for the
 * competences the pack maps it to, times its strength. A competence's score is its net points
 * over the most this scenario lets anyone earn for it (found by dynamic programming over the
 * dialogue graph), clamped to [0, 1]: a jury marks what was possible in *this* situation, and
 * a competence cannot go below "non acquis". The mark /20 is the weighted sum of competence
 * scores (weights renormalised over the competences the scenario exercises), rounded to the
 * pack's step. Levels come from the same scores and the pack's thresholds.
 */
export type Contribution = Map<string, number>;

export interface NegotiationReference {
  /** Evidence of the best and worst reference negotiators on this scenario's negotiation step. */
  best: readonly EvidenceItem[];
  worst: readonly EvidenceItem[];
  /** The most any negotiation of this step can evidence (every cap reached at full strength): for sound bounds. */
  upper: readonly EvidenceItem[];
}

export interface EvidenceItem {
  skill: string;
  strength?: number;
  missed?: boolean;
}

export interface ScoringModel {
  index: ScenarioIndex;
  pack: ReferentialPack;
  graph: VisitGraph;
  condensation: Condensation;
  /** Most net points any path can earn, per competence code. */
  maxPoints: Map<string, number>;
  /** Least net points any path can earn, per competence code. */
  minPoints: Map<string, number>;
  /** Marked weight per competence, renormalised over competences this scenario exercises. */
  weights: Map<string, number>;
  /** Contribution of each edge of the graph (choices, negotiation outcomes). */
  edgeContribution: Contribution[];
  negotiation: { best: Contribution; worst: Contribution; upper: Contribution };
}

/** Points a piece of evidence brings to each competence of the pack. Missed skills bring none. */
export function contributionOf(
  evidence: readonly EvidenceItem[],
  pack: ReferentialPack,
  skills: SkillBook,
): Contribution {
  const out: Contribution = new Map();
  for (const e of evidence) {
    if (e.missed) continue;
    const polarity = skills.polarity(e.skill);
    if (!polarity) continue;
    const sign = polarity === 'positive' ? 1 : -1;
    for (const [code, w] of Object.entries(pack.skillMap[e.skill] ?? {})) {
      out.set(code, (out.get(code) ?? 0) + sign * (e.strength ?? 1) * w);
    }
  }
  return out;
}

export function choiceContribution(
  evidence: readonly SkillEvidence[] | undefined,
  pack: ReferentialPack,
  skills: SkillBook,
): Contribution {
  return contributionOf(evidence ?? [], pack, skills);
}

export function buildScoringModel(
  index: ScenarioIndex,
  pack: ReferentialPack,
  negotiation?: NegotiationReference,
): ScoringModel {
  const graph = buildVisitGraph(index);
  const condensation = condense(graph);
  const spec = index.scenario.phases.closing.negotiation;
  const nego = {
    best: contributionOf(capNegotiationEvidence(negotiation?.best ?? [], spec, index.skills), pack, index.skills),
    worst: contributionOf(capNegotiationEvidence(negotiation?.worst ?? [], spec, index.skills), pack, index.skills),
    upper: contributionOf(negotiation?.upper ?? [], pack, index.skills),
  };
  const edgeContribution = graph.edges.map((e) =>
    e.choice ? choiceContribution(e.choice.skills, pack, index.skills) : new Map<string, number>(),
  );
  const maxPoints = new Map<string, number>();
  const minPoints = new Map<string, number>();
  for (const { code } of pack.competences) {
    const edgeWeight = (mode: 'best' | 'worst') => (i: number) => {
      const edge = graph.edges[i];
      const base = edgeContribution[i]?.get(code) ?? 0;
      return edge?.outcome ? base + (nego[mode].get(code) ?? 0) : base;
    };
    const hi = boundsToEnding(graph, condensation, edgeWeight('best'), 'max')[graph.root] ?? 0;
    const lo = boundsToEnding(graph, condensation, edgeWeight('worst'), 'min')[graph.root] ?? 0;
    maxPoints.set(code, Number.isFinite(hi) ? hi : 0);
    minPoints.set(code, Number.isFinite(lo) ? lo : 0);
  }
  const exercised = pack.competences.filter((c) => c.weight > 0 && (maxPoints.get(c.code) ?? 0) > 0);
  const total = exercised.reduce((s, c) => s + c.weight, 0);
  const weights = new Map(exercised.map((c) => [c.code, total > 0 ? c.weight / total : 0]));
  return { index, pack, graph, condensation, maxPoints, minPoints, weights, edgeContribution, negotiation: nego };
}

/**
 * How negotiation evidence counts: a good move once (a jury notes that the seller trades
 * concessions, not how many times), a poor habit each time up to the negotiation model's cap
 * (the same table the agent applies, so re-entering the step cannot earn more). Without this,
 * the many moves of a negotiation would outweigh the objections and the closing in the mark.
 */
export function negotiationEvidenceCounter(
  spec: NegotiationSpec | undefined,
  skills: SkillBook,
): (e: EvidenceItem) => boolean {
  const seen = new Map<string, number>();
  return (e) => {
    if (!spec || !(NEGOTIATION_SKILLS as readonly string[]).includes(e.skill)) return false;
    const n = (seen.get(e.skill) ?? 0) + 1;
    seen.set(e.skill, n);
    const cap = evidenceCap(spec, e.skill as NegotiationSkill);
    return n <= (skills.polarity(e.skill) === 'positive' ? Math.min(1, cap) : cap);
  };
}

export function capNegotiationEvidence(
  evidence: readonly EvidenceItem[],
  spec: NegotiationSpec | undefined,
  skills: SkillBook,
): EvidenceItem[] {
  return evidence.filter(negotiationEvidenceCounter(spec, skills));
}

/** A choice's worth in marks /20 under this model: the weighted share of each competence's maximum. */
export function markValue(model: ScoringModel, contribution: Contribution): number {
  let v = 0;
  for (const [code, w] of model.weights) {
    const max = model.maxPoints.get(code) ?? 0;
    if (max > 0) v += (20 * w * (contribution.get(code) ?? 0)) / max;
  }
  return v;
}

const models = new WeakMap<ScenarioIndex, WeakMap<ReferentialPack, ScoringModel>>();
/**
 * Scoring models are pure functions of (scenario, pack): built once and reused. The negotiation
 * reference comes from the scenario itself, so every caller marks against the same maximum.
 */
export function scoringModelFor(index: ScenarioIndex, pack: ReferentialPack): ScoringModel {
  let byPack = models.get(index);
  if (!byPack) models.set(index, (byPack = new WeakMap<ReferentialPack, ScoringModel>()));
  const cached = byPack.get(pack);
  if (cached) return cached;
  const spec = index.scenario.phases.closing.negotiation;
  const model = buildScoringModel(index, pack, spec ? negotiationReference(spec, index.skills) : undefined);
  byPack.set(pack, model);
  return model;
}
