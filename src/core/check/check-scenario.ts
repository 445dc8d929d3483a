import { diagnostic, pointer, type Diagnostic } from '../diagnostics/codes.ts';
import { withIdPaths } from '../diagnostics/id-paths.ts';
import { canReachEnding, reachableFrom } from '../graph/visit-graph.ts';
import { countPaths } from '../graph/path-bounds.ts';
import { VISIT_PHASES, type VisitPhase } from '../phases.ts';
import type { PathStep } from '../playthroughs/path.ts';
import type { ReferentialPack } from '../referentials/formats.ts';
import type { ScenarioIndex } from '../scenario/scenario-index.ts';
import { negotiationReference } from '../scoring/negotiation-reference.ts';
import { scoringModelFor, type ScoringModel } from '../scoring/scoring-model.ts';
import { canHold, possibilities } from './condition-analysis.ts';
import { dialogueDiagnostics } from './dialogue-checks.ts';
import { markingDiagnostics, tellRate } from './marking-checks.ts';
import { motiveDiagnostics } from './motive-checks.ts';
import { findWitness, linearValuation, type Witness, type WitnessOptions } from './witness.ts';

export interface ScoreWitnesses {
  /** Best and worst marks /20 reached by guided plays: real paths a student can play. */
  bestScore: number;
  worstScore: number;
  bestPath: PathStep[];
  worstPath: PathStep[];
  /**
   * Marked competences the best path does not fully earn: the missing points are only on other
   * paths (often a recovery after a mistake). What an author tunes to make the best path best.
   */
  bestPathGaps: { code: string; ratio: number }[];
}

export interface CheckReport {
  id: string;
  referential: string;
  nodes: number;
  endings: number;
  unreachableNodes: string[];
  deadEnds: string[];
  unreachableEndings: string[];
  conditionsNeverHold: string[];
  phasesNeverVisited: VisitPhase[];
  skillsNeverEvidenced: string[];
  competencesNotExercised: { referential: string; code: string }[];
  /** Distinct paths from the briefing to an ending, as a decimal string (it can exceed 10^50). */
  paths: string;
  loops: boolean;
  bestScore: number;
  worstScore: number;
  bestPath: PathStep[];
  worstPath: PathStep[];
  bestPathGaps: ScoreWitnesses['bestPathGaps'];
  /** Share of decision points where the longest answer is a best one (0–1; at most 0.4). */
  tellRate: number;
  diagnostics: Diagnostic[];
}

export interface CheckOptions {
  seed?: number;
  /** The other packs, for "competence not exercised" warnings under every referential. */
  allPacks?: readonly ReferentialPack[];
}

/**
 * The content checks of a scenario, by graph analysis: reachability, dead ends, conditions
 * that can never hold, phases no path visits, and the best and worst reachable marks with a
 * witness path each. Everything is linear in the size of the scenario — the number of paths
 * never matters.
 */
export function checkScenario(index: ScenarioIndex, pack: ReferentialPack, options: CheckOptions = {}): CheckReport {
  const spec = index.scenario.phases.closing.negotiation;
  const reference = spec ? negotiationReference(spec, index.skills) : undefined;
  const model = scoringModelFor(index, pack);
  const { graph, condensation } = model;
  const reach = reachableFrom(graph);
  const toEnding = canReachEnding(graph);
  const diagnostics: Diagnostic[] = [];

  const unreachableNodes: string[] = [];
  const deadEnds: string[] = [];
  const unreachableEndings: string[] = [];
  graph.vertices.forEach((v, i) => {
    if (v.kind === 'start') return;
    if (!reach[i]) {
      if (v.kind === 'ending') unreachableEndings.push(v.id);
      else unreachableNodes.push(v.id);
    } else if (v.kind !== 'ending' && !toEnding[i]) deadEnds.push(v.id);
  });

  const reachableNodes = new Set(graph.vertices.filter((_, i) => reach[i]).map((v) => v.id));
  const reachableChoices = new Set(
    graph.edges.filter((e) => reach[e.from] && e.choice).map((e) => e.choice?.id as string),
  );
  const loops = condensation.cyclic.some(Boolean);
  const can = possibilities(index, reachableNodes, reachableChoices, !loops);
  const conditionsNeverHold = [...index.choices.values()]
    .filter(({ choice }) => reachableChoices.has(choice.id) && choice.condition && !canHold(choice.condition.when, can))
    .map(({ choice }) => choice.id);
  // A node whose every choice is locked forever is a dead end in play, whatever the graph says.
  for (const { node } of index.nodeList) {
    if (!reachableNodes.has(node.id) || deadEnds.includes(node.id)) continue;
    if (node.choices.length > 0 && node.choices.every((c) => conditionsNeverHold.includes(c.id)))
      deadEnds.push(node.id);
  }

  const phasesNeverVisited = VISIT_PHASES.filter((phase) => {
    const ids = index.scenario.phases[phase].nodes.map((n) => n.id);
    if (phase === 'closing' && index.negotiationId) ids.push(index.negotiationId);
    return !ids.some((id) => reachableNodes.has(id));
  });

  const evidenced = new Set(
    [...reachableChoices].flatMap((id) =>
      (index.choices.get(id)?.choice.skills ?? []).filter((s) => !s.missed).map((s) => s.skill),
    ),
  );
  for (const e of [...(reference?.best ?? []), ...(reference?.worst ?? [])]) evidenced.add(e.skill);
  const skillsNeverEvidenced = (index.scenario.meta.skills ?? []).filter((s) => !evidenced.has(s));

  const competencesNotExercised = (options.allPacks ?? [pack]).flatMap((p) => {
    const m = p === pack ? model : scoringModelFor(index, p);
    return p.competences
      .filter((c) => c.weight > 0 && !c.optional && !m.exercised.has(c.code))
      .map((c) => ({ referential: p.id, code: c.code }));
  });

  const witnesses = scoreWitnesses(model, { seed: options.seed ?? 1 });

  unreachableNodes.forEach((id) => diagnostics.push(diagnostic('NS101', pathOf(index, id), { id })));
  deadEnds.forEach((id) => diagnostics.push(diagnostic('NS102', pathOf(index, id), { id })));
  unreachableEndings.forEach((id) => diagnostics.push(diagnostic('NS103', pathOf(index, id), { id })));
  conditionsNeverHold.forEach((id) =>
    diagnostics.push(diagnostic('NS104', pathOfChoice(index, id, 'condition'), { choice: id })),
  );
  phasesNeverVisited.forEach((phase) => diagnostics.push(diagnostic('NS105', `/phases/${phase}`, { phase })));
  skillsNeverEvidenced.forEach((skill) =>
    diagnostics.push(diagnostic('NS106', `/meta/skills/${index.scenario.meta.skills?.indexOf(skill) ?? 0}`, { skill })),
  );
  competencesNotExercised.forEach(({ referential, code }) =>
    diagnostics.push(diagnostic('NS107', '', { referential, code })),
  );
  diagnostics.push(...markingDiagnostics(model, witnesses.best.context));
  diagnostics.push(...dialogueDiagnostics(index, graph, can));
  diagnostics.push(...motiveDiagnostics(index));

  return {
    id: index.scenario.meta.id,
    referential: pack.id,
    nodes: index.nodeList.length + (index.negotiationId ? 1 : 0),
    endings: index.endings.size,
    unreachableNodes,
    deadEnds,
    unreachableEndings,
    conditionsNeverHold,
    phasesNeverVisited,
    skillsNeverEvidenced,
    competencesNotExercised,
    paths: (countPaths(graph, condensation)[graph.root] ?? 0n).toString(),
    loops,
    bestScore: witnesses.bestScore,
    worstScore: witnesses.worstScore,
    bestPath: witnesses.bestPath,
    worstPath: witnesses.worstPath,
    bestPathGaps: witnesses.bestPathGaps,
    tellRate: tellRate(model).rate,
    // Every check's diagnostic leaves here: its path names array elements by their id.
    diagnostics: withIdPaths(diagnostics, index.scenario),
  };
}

/** The best and worst guided plays: the paths a student who always picks the best (worst) answer plays. */
function scoreWitnesses(model: ScoringModel, options: WitnessOptions): ScoreWitnesses & { best: Witness } {
  const best = findWitness(model, 'max', linearValuation(model), options);
  const worst = findWitness(model, 'min', linearValuation(model), options);
  return {
    best,
    bestScore: best.evaluation.mark,
    worstScore: worst.evaluation.mark,
    bestPath: best.path,
    worstPath: worst.path,
    bestPathGaps: best.evaluation.competences
      .filter((c) => c.weight > 0 && c.ratio !== null && c.ratio < 1)
      .map((c) => ({ code: c.code, ratio: c.ratio as number })),
  };
}

function pathOf(index: ScenarioIndex, id: string): string {
  const node = index.nodes.get(id);
  if (node) return `/phases/${node.phase}/nodes/${node.index}`;
  const prep = index.preparation.get(id);
  if (prep) return `/preparation/nodes/${prep.index}`;
  const ending = index.endings.get(id);
  if (ending) return `/endings/${ending.index}`;
  if (id === index.negotiationId) return '/phases/closing/negotiation';
  return '';
}

function pathOfChoice(index: ScenarioIndex, id: string, field: string): string {
  const entry = index.choices.get(id);
  return entry ? pointer([...entry.path, field]) : '';
}
