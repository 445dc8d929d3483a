import { diagnostic, type Diagnostic } from '../diagnostics/codes.ts';
import { withIdPaths } from '../diagnostics/id-paths.ts';
import { buildVisitGraph, canReachEnding, reachableFrom } from '../graph/visit-graph.ts';
import { condense } from '../graph/condensation.ts';
import type { ScenarioIndex } from '../scenario/scenario-index.ts';
import { canHold, possibilities } from './condition-analysis.ts';

/**
 * Whether a student can finish this scenario wherever they go: the part of `checkScenario`
 * that decides if the game may offer it, without the scoring work (no pack, no witness play),
 * so the library can run it on every file it loads. A reachable node from which no ending can
 * be reached — no choices at all, choices that lead only to other dead ends, or choices whose
 * conditions can never hold — is NS102, exactly as `negosim check` reports it.
 */
export function playabilityProblems(index: ScenarioIndex): Diagnostic[] {
  const graph = buildVisitGraph(index);
  const reach = reachableFrom(graph);
  const toEnding = canReachEnding(graph);
  const deadEnds = graph.vertices
    .filter((v, i) => v.kind !== 'start' && v.kind !== 'ending' && reach[i] && !toEnding[i])
    .map((v) => v.id);

  const reachableNodes = new Set(graph.vertices.filter((_, i) => reach[i]).map((v) => v.id));
  const reachableChoices = new Set(
    graph.edges.filter((e) => reach[e.from] && e.choice).map((e) => e.choice?.id as string),
  );
  const loops = condense(graph).cyclic.some(Boolean);
  const can = possibilities(index, reachableNodes, reachableChoices, !loops);
  for (const { node } of index.nodeList) {
    if (!reachableNodes.has(node.id) || deadEnds.includes(node.id)) continue;
    const locked = (c: (typeof node.choices)[number]) =>
      reachableChoices.has(c.id) && c.condition !== undefined && !canHold(c.condition.when, can);
    if (node.choices.length > 0 && node.choices.every(locked)) deadEnds.push(node.id);
  }
  // Named as checkScenario names them: array elements by their id.
  return withIdPaths(
    deadEnds.map((id) => diagnostic('NS102', pathOf(index, id), { id })),
    index.scenario,
  );
}

function pathOf(index: ScenarioIndex, id: string): string {
  const node = index.nodes.get(id);
  if (node) return `/phases/${node.phase}/nodes/${node.index}`;
  const prep = index.preparation.get(id);
  if (prep) return `/preparation/nodes/${prep.index}`;
  if (id === index.negotiationId) return '/phases/closing/negotiation';
  return '';
}
