import type { Condensation } from './condensation.ts';
import type { VisitGraph } from './visit-graph.ts';

export type Mode = 'max' | 'min';

/**
 * For every vertex, the best (or worst) total edge weight from it to an ending, by dynamic
 * programming over the condensation: linear in the size of the graph whatever the number of
 * paths. Inside a loop each choice counts once (as in scoring), so a component adds the sum of
 * its favourable internal edges — a sound bound, exact when the graph has no loop.
 * Vertices that cannot reach an ending get -Infinity (max) or +Infinity (min).
 */
export function boundsToEnding(
  graph: VisitGraph,
  cond: Condensation,
  weight: (edge: number) => number,
  mode: Mode,
): number[] {
  const worst = mode === 'max' ? -Infinity : Infinity;
  const better = mode === 'max' ? (a: number, b: number) => a > b : (a: number, b: number) => a < b;
  const value = new Array<number>(graph.vertices.length).fill(worst);
  cond.components.forEach((comp, c) => {
    let internal = 0;
    let best = worst;
    for (const v of comp) {
      if (graph.vertices[v]?.kind === 'ending') best = better(0, best) ? 0 : best;
      for (const e of graph.vertices[v]?.out ?? []) {
        const edge = graph.edges[e];
        if (!edge) continue;
        const w = weight(e);
        if (cond.componentOf[edge.to] === c) {
          if (better(w, 0)) internal += w;
          continue;
        }
        const through = w + (value[edge.to] as number);
        if (better(through, best)) best = through;
      }
    }
    const total = best === worst ? worst : best + internal;
    for (const v of comp) value[v] = total;
  });
  return value;
}

/**
 * Number of distinct paths from the root to an ending, as a BigInt (there can be 10^50 and
 * more). A loop is walked at most once: the count is over the condensation.
 */
export function countPaths(graph: VisitGraph, cond: Condensation): bigint[] {
  const count = new Array<bigint>(graph.vertices.length).fill(0n);
  cond.components.forEach((comp, c) => {
    let total = 0n;
    for (const v of comp) {
      if (graph.vertices[v]?.kind === 'ending') total += 1n;
      for (const e of graph.vertices[v]?.out ?? []) {
        const to = graph.edges[e]?.to as number;
        if (cond.componentOf[to] !== c) total += count[to] as bigint;
      }
    }
    for (const v of comp) count[v] = total;
  });
  return count;
}
