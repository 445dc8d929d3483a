import { condense, type Condensation } from '../graph/condensation.ts';
import { boundsToEnding } from '../graph/path-bounds.ts';
import { buildVisitGraph, type VisitGraph } from '../graph/visit-graph.ts';
import type { ReferentialPack } from '../referentials/formats.ts';
import type { SkillBook } from '../referentials/skill-book.ts';
import type { SkillEvidence } from '../scenario/format.ts';
import type { ScenarioIndex } from '../scenario/scenario-index.ts';
import { evidenceCap, NEGOTIATION_SKILLS, type NegotiationSkill, type NegotiationSpec } from '../negotiation/index.ts';
import { negotiationReference } from './negotiation-reference.ts';

/**
 * What a scenario offers to be marked on, under one pack (docs/scoring.md). Every skill an answer
 * shows earns (good skill) or costs (poor habit) points for the competences the pack maps it to,
 * times its strength: an answer's *contribution*. A decision point is an *occasion* for a
 * competence when one of the answers on offer would earn points for it; the best such answer's
 * points are its *stake*. The model precomputes, per competence, whether the scenario exercises
 * it at all and how much is at stake along the fullest path, so a visit cut short cannot look
 * perfect on two occasions.
 */
/**
 * The scoring model's version, recorded with every mark (docs/scoring.md). Raise it whenever a
 * change would mark the same log differently: saved attempts are then marked again.
 */
export const SCORING_MODEL_VERSION = 2;

export type Contribution = Map<string, number>;

export interface NegotiationReference {
  /** Evidence of the best and worst reference negotiators on this scenario's negotiation step. */
  best: readonly EvidenceItem[];
  worst: readonly EvidenceItem[];
  /** The most any negotiation of this step can evidence (every cap reached at full strength). */
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
  /** Competences some answer (or the negotiation) of this scenario earns points for. */
  exercised: ReadonlySet<string>;
  /** Marked weight per exercised competence, renormalised to add up to 1. */
  weights: Map<string, number>;
  /** The most stake any path puts on each competence: a full visit's occasions. */
  fullStake: Map<string, number>;
  /** Contribution of each edge of the graph (choices; negotiation outcomes carry none). */
  edgeContribution: Contribution[];
  /** What the reference negotiators earn on the negotiation step, per competence. */
  negotiation: { best: Contribution; worst: Contribution; upper: Contribution };
  /** A choice's contribution under this pack (0 for an unknown id). */
  choiceNet(choiceId: string): Contribution;
  /** Typical stake of one occasion per competence: scales the linear guide of the content checks. */
  typicalStake: Map<string, number>;
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
  const capped = (list: readonly EvidenceItem[] | undefined) => capNegotiationEvidence(list ?? [], spec, index.skills);
  const nego = {
    best: contributionOf(capped(negotiation?.best), pack, index.skills),
    worst: contributionOf(capped(negotiation?.worst), pack, index.skills),
    upper: contributionOf(negotiation?.upper ?? [], pack, index.skills),
  };
  const nets = new Map<string, Contribution>();
  for (const [id, { choice }] of index.choices) nets.set(id, choiceContribution(choice.skills, pack, index.skills));
  const choiceNet = (id: string) => nets.get(id) ?? new Map<string, number>();
  const edgeContribution = graph.edges.map((e) => (e.choice ? choiceNet(e.choice.id) : new Map<string, number>()));

  const exercised = new Set<string>();
  const typicalStake = new Map<string, number>();
  for (const c of [...nets.values(), nego.best])
    for (const [code, v] of c)
      if (v > 0) {
        exercised.add(code);
        typicalStake.set(code, Math.max(typicalStake.get(code) ?? 0, v));
      }
  const marked = pack.competences.filter((c) => c.weight > 0 && exercised.has(c.code));
  const total = marked.reduce((s, c) => s + c.weight, 0);
  const weights = new Map(marked.map((c) => [c.code, total > 0 ? c.weight / total : 0]));
  const fullStake = fullStakes(pack, graph, condensation, choiceNet, nego.best);
  return {
    index,
    pack,
    graph,
    condensation,
    exercised,
    weights,
    fullStake,
    edgeContribution,
    negotiation: nego,
    choiceNet,
    typicalStake,
  };
}

/**
 * Per competence, the most stake a path can put on it: at each decision point the best answer
 * on offer is at stake, and the negotiation's outcome edges carry what the best negotiator earns.
 * Conditions are ignored (an over-estimate); the evaluation only asks for a share of it.
 */
function fullStakes(
  pack: ReferentialPack,
  graph: VisitGraph,
  condensation: Condensation,
  choiceNet: (id: string) => Contribution,
  negotiationBest: Contribution,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const { code } of pack.competences) {
    const stakeAt = (vertex: number) => {
      const siblings = graph.vertices[vertex]?.out ?? [];
      return Math.max(0, ...siblings.map((e) => choiceNet(graph.edges[e]?.choice?.id ?? '').get(code) ?? 0));
    };
    const edgeStake = (e: number) => {
      const edge = graph.edges[e];
      if (!edge) return 0;
      // A path leaves the negotiation by one of its outcomes: each carries the whole negotiation.
      if (edge.outcome) return Math.max(0, negotiationBest.get(code) ?? 0);
      return edge.choice ? stakeAt(edge.from) : 0;
    };
    const best = boundsToEnding(graph, condensation, edgeStake, 'max')[graph.root] ?? 0;
    out.set(code, Number.isFinite(best) ? best : 0);
  }
  return out;
}

/**
 * How negotiation evidence counts: a good move once (a jury notes that the seller trades
 * concessions, not how many times), a poor habit each time up to the negotiation model's cap
 * (the same table the agent applies, so re-entering the step cannot earn more).
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

/**
 * A contribution's worth as a linear guide, in marks /20: each competence's points over the
 * stake of a typical occasion, weighted. The evaluation itself is not linear; the content checks
 * use this only to steer their guided plays, and mark the plays with the real evaluation.
 */
export function markValue(model: ScoringModel, contribution: Contribution): number {
  let v = 0;
  for (const [code, w] of model.weights) {
    const stake = model.typicalStake.get(code) ?? 0;
    if (stake > 0) v += (20 * w * (contribution.get(code) ?? 0)) / stake;
  }
  return v;
}

const models = new WeakMap<ScenarioIndex, WeakMap<ReferentialPack, ScoringModel>>();
/** Scoring models are pure functions of (scenario, pack): built once and reused. */
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
