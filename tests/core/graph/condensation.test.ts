// Strongly connected components on graphs small enough to check on paper, and the order the
// dynamic programming relies on: every edge leaving a component points to one listed earlier.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { condense, type Condensation } from '../../../src/core/graph/condensation.ts';
import { reachableFrom } from '../../../src/core/graph/visit-graph.ts';
import { runs } from '../../support/runs.ts';
import { arbitraryGraph, handGraph, named, type HandGraph } from './hand-graph.ts';

/** Edges between components that point to a component listed later (there must be none). */
function edgesPointingLater(g: HandGraph, cond: Condensation): string[] {
  return g.graph.edges
    .filter((e) => (cond.componentOf[e.to] as number) > (cond.componentOf[e.from] as number))
    .map((e) => `${g.name(e.from)}→${g.name(e.to)}`);
}

describe('condense', () => {
  it('a chain: one component per vertex, the ending first and the root last, no loop', () => {
    const g = handGraph({ s: 'start', a: 'node', b: 'node', end: 'ending' }, [
      ['s', 'a'],
      ['a', 'b'],
      ['b', 'end'],
    ]);
    const cond = condense(g.graph);
    expect(named(g, cond.components)).toEqual([['end'], ['b'], ['a'], ['s']]);
    expect(cond.cyclic).toEqual([false, false, false, false]);
    expect(cond.componentOf).toEqual([3, 2, 1, 0]);
  });

  it('a diamond: the ending comes before both branches, and the branches before the root', () => {
    const g = handGraph({ s: 'start', a: 'node', b: 'node', end: 'ending' }, [
      ['s', 'a'],
      ['s', 'b'],
      ['a', 'end'],
      ['b', 'end'],
    ]);
    const cond = condense(g.graph);
    const order = named(g, cond.components).flat();
    expect(order[0]).toBe('end');
    expect(order[3]).toBe('s');
    expect(order.slice(1, 3).sort()).toEqual(['a', 'b']);
    expect(edgesPointingLater(g, cond)).toEqual([]);
    expect(cond.cyclic.every((c) => !c)).toBe(true);
  });

  it('a cycle is one component, marked cyclic, between its exit and its entry', () => {
    // s → a → b → c → a, and c → end.
    const g = handGraph({ s: 'start', a: 'node', b: 'node', c: 'node', end: 'ending' }, [
      ['s', 'a'],
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a'],
      ['c', 'end'],
    ]);
    const cond = condense(g.graph);
    expect(named(g, cond.components)).toEqual([['end'], ['a', 'b', 'c'], ['s']]);
    expect(cond.cyclic).toEqual([false, true, false]);
    expect(cond.componentOf[g.v('a')]).toBe(cond.componentOf[g.v('c')]);
  });

  it('a self-loop makes a one-vertex component cyclic, and only that one', () => {
    const g = handGraph({ s: 'start', a: 'node', end: 'ending' }, [
      ['s', 'a'],
      ['a', 'a'],
      ['a', 'end'],
    ]);
    const cond = condense(g.graph);
    expect(named(g, cond.components)).toEqual([['end'], ['a'], ['s']]);
    expect(cond.cyclic).toEqual([false, true, false]);
  });

  it('a vertex the root cannot reach still gets its component, ordered before what it leads to', () => {
    const g = handGraph({ s: 'start', end: 'ending', lost: 'node' }, [
      ['s', 'end'],
      ['lost', 'end'],
    ]);
    const cond = condense(g.graph);
    expect(named(g, cond.components)).toEqual([['end'], ['s'], ['lost']]);
    expect(edgesPointingLater(g, cond)).toEqual([]);
  });

  it('a loop with no way to an ending is a component of its own, apart from the way out', () => {
    // s → a ⇄ b (a trap), and s → end.
    const g = handGraph({ s: 'start', a: 'node', b: 'node', end: 'ending' }, [
      ['s', 'a'],
      ['a', 'b'],
      ['b', 'a'],
      ['s', 'end'],
    ]);
    const cond = condense(g.graph);
    expect(named(g, cond.components)).toEqual([['a', 'b'], ['end'], ['s']]);
    expect(cond.cyclic).toEqual([true, false, false]);
  });

  it('handles 100,000 vertices in a chain or in one loop without running out of stack', () => {
    const n = 100_000;
    const kinds = Object.fromEntries(Array.from({ length: n }, (_, i) => [`v${i}`, 'node' as const]));
    const chain = Array.from({ length: n - 1 }, (_, i) => [`v${i}`, `v${i + 1}`] as const);
    expect(condense(handGraph(kinds, chain).graph).components).toHaveLength(n);
    const loop = condense(handGraph(kinds, [...chain, [`v${n - 1}`, 'v0']]).graph);
    expect(loop.components).toHaveLength(1);
    expect(loop.cyclic).toEqual([true]);
  });

  it('on any small graph: two vertices share a component exactly when each reaches the other', () => {
    fc.assert(
      fc.property(arbitraryGraph(false), (g) => {
        const cond = condense(g.graph);
        const all = cond.components.flat().sort((x, y) => x - y);
        expect(all).toEqual(g.graph.vertices.map((_, i) => i));
        cond.components.forEach((comp, c) => comp.forEach((v) => expect(cond.componentOf[v]).toBe(c)));
        const reaches = g.graph.vertices.map((_, v) => reachableFrom(g.graph, v));
        for (let x = 0; x < all.length; x++)
          for (let y = 0; y < all.length; y++) {
            const mutual = (reaches[x]?.[y] ?? false) && (reaches[y]?.[x] ?? false);
            expect(cond.componentOf[x] === cond.componentOf[y], `${g.name(x)}, ${g.name(y)}`).toBe(mutual);
          }
        expect(edgesPointingLater(g, cond)).toEqual([]);
      }),
      runs(300),
    );
  });
});
