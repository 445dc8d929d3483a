import type { ScenarioIndex } from '../scenario/scenario-index.ts';
import { destinationOf } from '../scenario/scenario-index.ts';
import type { Choice, PreparationChoice } from '../scenario/format.ts';

/**
 * The scenario as a directed graph: preparation steps, dialogue nodes, the negotiation step
 * and endings are vertices; choices (and the negotiation's outcomes) are edges. Conditions
 * are ignored here — analyses built on this graph are sound over-approximations of what a
 * player can actually do, and say so when it matters.
 */
export type VertexKind = 'preparation' | 'start' | 'node' | 'negotiation' | 'ending';

export interface Vertex {
  id: string;
  kind: VertexKind;
  /** Outgoing edge indices. */
  out: number[];
}

export interface Edge {
  from: number;
  to: number;
  /** The choice this edge is, or the negotiation outcome it stands for. */
  choice?: Choice | PreparationChoice;
  outcome?: 'deal' | 'noDeal' | 'walkAway';
  /** The client's patience runs out after this choice: the visit ends at the persona's patience ending. */
  walkOut?: boolean;
}

export interface VisitGraph {
  vertices: Vertex[];
  edges: Edge[];
  byId: Map<string, number>;
  /** Where a visit starts: the first preparation step, or the start pseudo-vertex. */
  root: number;
  /** The pseudo-vertex between the briefing and the first dialogue node. */
  start: number;
}

/** Ids of pseudo-vertices cannot clash with authored ids, which never start with '@'. */
export const START_VERTEX = '@start';

export function buildVisitGraph(index: ScenarioIndex): VisitGraph {
  const vertices: Vertex[] = [];
  const edges: Edge[] = [];
  const byId = new Map<string, number>();
  const add = (id: string, kind: VertexKind) => {
    if (byId.has(id)) return byId.get(id) as number;
    byId.set(id, vertices.length);
    vertices.push({ id, kind, out: [] });
    return vertices.length - 1;
  };
  const link = (from: number, to: number, extra: Omit<Edge, 'from' | 'to'>) => {
    vertices[from]?.out.push(edges.length);
    edges.push({ from, to, ...extra });
  };

  const prep = index.scenario.preparation?.nodes ?? [];
  for (const n of prep) add(n.id, 'preparation');
  const start = add(START_VERTEX, 'start');
  for (const { node } of index.nodeList) add(node.id, 'node');
  if (index.negotiationId) add(index.negotiationId, 'negotiation');
  for (const id of index.endings.keys()) add(id, 'ending');

  const patience = index.scenario.persona.patience;
  const walkOutTo = patience ? byId.get(patience.ending) : undefined;
  for (const n of prep) {
    const from = byId.get(n.id) as number;
    for (const choice of n.choices) link(from, choice.next ? (byId.get(choice.next) ?? start) : start, { choice });
  }
  if (index.startId && byId.has(index.startId)) link(start, byId.get(index.startId) as number, {});
  for (const { node } of index.nodeList) {
    const from = byId.get(node.id) as number;
    if (index.nodes.get(node.id)?.node !== node) continue; // a duplicate id: validation reports it
    for (const choice of node.choices) {
      const dest = destinationOf(index, choice.next);
      if (dest.kind !== 'unknown') link(from, byId.get(dest.id) as number, { choice });
      // A choice that irritates may exhaust the client's patience (rules: applyChoice).
      if (walkOutTo !== undefined && (choice.effects?.irritation ?? 0) > 0 && dest.kind !== 'ending')
        link(from, walkOutTo, { choice, walkOut: true });
    }
  }
  const nego = index.scenario.phases.closing.negotiation;
  if (nego && index.negotiationId) {
    const from = byId.get(index.negotiationId) as number;
    for (const outcome of ['deal', 'noDeal', 'walkAway'] as const) {
      const to = byId.get(nego.outcomes[outcome]);
      if (to !== undefined) link(from, to, { outcome });
    }
  }
  const root = prep[0] ? (byId.get(prep[0].id) as number) : start;
  return { vertices, edges, byId, root, start };
}

/** Vertices reachable from the root. */
export function reachableFrom(graph: VisitGraph, root = graph.root): boolean[] {
  const seen = new Array<boolean>(graph.vertices.length).fill(false);
  const stack = [root];
  seen[root] = true;
  while (stack.length) {
    const v = stack.pop() as number;
    for (const e of graph.vertices[v]?.out ?? []) {
      const to = graph.edges[e]?.to as number;
      if (!seen[to]) {
        seen[to] = true;
        stack.push(to);
      }
    }
  }
  return seen;
}

/** Vertices from which some ending can be reached (reverse search from every ending). */
export function canReachEnding(graph: VisitGraph): boolean[] {
  const incoming: number[][] = graph.vertices.map(() => []);
  graph.edges.forEach((e) => incoming[e.to]?.push(e.from));
  const ok = new Array<boolean>(graph.vertices.length).fill(false);
  const stack: number[] = [];
  graph.vertices.forEach((v, i) => {
    if (v.kind === 'ending') {
      ok[i] = true;
      stack.push(i);
    }
  });
  while (stack.length) {
    const v = stack.pop() as number;
    for (const from of incoming[v] ?? []) {
      if (!ok[from]) {
        ok[from] = true;
        stack.push(from);
      }
    }
  }
  return ok;
}
