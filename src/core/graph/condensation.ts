import type { VisitGraph } from './visit-graph.ts';

/**
 * Strongly connected components (Tarjan, iterative so a 100,000-node scenario cannot overflow
 * the stack). Components come out in reverse topological order: every edge leaving a
 * component points to one listed earlier — exactly the order dynamic programming needs.
 */
export interface Condensation {
  /** Component index of each vertex. */
  componentOf: number[];
  /** Vertices of each component, in reverse topological order of components. */
  components: number[][];
  /** True when a component contains a cycle (more than one vertex, or a self-loop). */
  cyclic: boolean[];
}

export function condense(graph: VisitGraph): Condensation {
  const n = graph.vertices.length;
  const index = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const componentOf = new Array<number>(n).fill(-1);
  const components: number[][] = [];
  const stack: number[] = [];
  let counter = 0;

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    // Each frame: vertex and the position in its out-edge list.
    const frames: [number, number][] = [[root, 0]];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (frames.length) {
      const frame = frames[frames.length - 1] as [number, number];
      const [v, i] = frame;
      const out = graph.vertices[v]?.out ?? [];
      if (i < out.length) {
        frame[1] = i + 1;
        const w = graph.edges[out[i] as number]?.to as number;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = true;
          frames.push([w, 0]);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v] as number, index[w] as number);
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]] as number, low[v] as number);
      if (low[v] === index[v]) {
        const comp: number[] = [];
        let w: number;
        do {
          w = stack.pop() as number;
          onStack[w] = false;
          componentOf[w] = components.length;
          comp.push(w);
        } while (w !== v);
        components.push(comp);
      }
    }
  }
  const cyclic = components.map((comp) => {
    if (comp.length > 1) return true;
    const v = comp[0] as number;
    return (graph.vertices[v]?.out ?? []).some((e) => graph.edges[e]?.to === v);
  });
  return { componentOf, components, cyclic };
}
