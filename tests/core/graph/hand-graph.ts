// Graphs written the way a reader draws them on paper, for the graph algorithm tests: named
// vertices with their kind, and edges "from → to" with a weight. The first vertex is the root.
import fc from 'fast-check';
import type { VertexKind, VisitGraph } from '../../../src/core/graph/visit-graph.ts';

export interface HandGraph {
  graph: VisitGraph;
  /** Vertex index of a name. */
  v: (name: string) => number;
  /** Name of a vertex index. */
  name: (vertex: number) => string;
  /** The weight written on an edge (0 when none was written). */
  weight: (edge: number) => number;
}

export type HandEdge = readonly [from: string, to: string, weight?: number];

export function handGraph(kinds: Record<string, VertexKind>, edges: readonly HandEdge[]): HandGraph {
  const names = Object.keys(kinds);
  const byId = new Map(names.map((n, i) => [n, i]));
  const v = (name: string): number => {
    const i = byId.get(name);
    if (i === undefined) throw new Error(`no vertex ${name} in the hand-made graph`);
    return i;
  };
  const graph: VisitGraph = {
    vertices: names.map((id) => ({ id, kind: kinds[id] as VertexKind, out: [] })),
    edges: edges.map(([from, to]) => ({ from: v(from), to: v(to) })),
    byId,
    root: 0,
    start: 0,
  };
  graph.edges.forEach((e, i) => graph.vertices[e.from]?.out.push(i));
  return {
    graph,
    v,
    name: (i) => names[i] ?? `#${i}`,
    weight: (e) => edges[e]?.[2] ?? 0,
  };
}

/** The vertex names of each component, in the order `condense` lists them. */
export const named = (g: HandGraph, components: number[][]) => components.map((c) => c.map(g.name).sort());

/**
 * Small random graphs for the brute-force comparisons: up to 7 vertices, the last two endings
 * (endings have no way out, as in a scenario), weights from -5 to 5. `acyclic` keeps every edge
 * going from a lower to a higher vertex, so the graph has no loop.
 */
export function arbitraryGraph(acyclic: boolean): fc.Arbitrary<HandGraph> {
  return fc.integer({ min: 3, max: 7 }).chain((n) => {
    const pair = fc
      .tuple(fc.integer({ min: 0, max: n - 3 }), fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: -5, max: 5 }))
      .filter(([from, to]) => !acyclic || to > from);
    return fc.array(pair, { maxLength: 12 }).map((list) => {
      const kinds: Record<string, VertexKind> = {};
      for (let i = 0; i < n; i++) kinds[`v${i}`] = i >= n - 2 ? 'ending' : 'node';
      return handGraph(
        kinds,
        list.map(([from, to, w]) => [`v${from}`, `v${to}`, w] as const),
      );
    });
  });
}

/**
 * Every way from `start` to an ending that takes no edge twice (a trail), with its total weight:
 * what a player could do if each choice can be made once. Exponential; only for small graphs.
 */
export function trailsToEndings(g: HandGraph, start: number): number[] {
  const totals: number[] = [];
  const used = new Set<number>();
  const walk = (vertex: number, total: number) => {
    if (g.graph.vertices[vertex]?.kind === 'ending') totals.push(total);
    for (const e of g.graph.vertices[vertex]?.out ?? []) {
      if (used.has(e)) continue;
      used.add(e);
      walk(g.graph.edges[e]?.to as number, total + g.weight(e));
      used.delete(e);
    }
  };
  walk(start, 0);
  return totals;
}
