// Path counts and best/worst totals to an ending, on graphs whose answers can be worked out on
// paper (the arithmetic is in the comments), then against brute force on small random graphs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { condense } from '../../../src/core/graph/condensation.ts';
import { boundsToEnding, countPaths, type Mode } from '../../../src/core/graph/path-bounds.ts';
import type { VertexKind } from '../../../src/core/graph/visit-graph.ts';
import { runs } from '../../support/runs.ts';
import { arbitraryGraph, handGraph, trailsToEndings, type HandEdge, type HandGraph } from './hand-graph.ts';

const paths = (g: HandGraph) => countPaths(g.graph, condense(g.graph));
const bound = (g: HandGraph, mode: Mode) => boundsToEnding(g.graph, condense(g.graph), g.weight, mode);
/** Best and worst totals from a named vertex. */
const range = (g: HandGraph, from: string) => [bound(g, 'min')[g.v(from)], bound(g, 'max')[g.v(from)]];

const diamond = handGraph({ s: 'start', a: 'node', b: 'node', end: 'ending' }, [
  ['s', 'a', 5],
  ['s', 'b', -2],
  ['a', 'end', -1],
  ['b', 'end', 4],
]);

/** k diamonds in a row: 2^k paths from the first vertex. */
function diamondChain(k: number, branches = 2): HandGraph {
  const kinds: Record<string, VertexKind> = { x0: 'start' };
  const edges: HandEdge[] = [];
  for (let i = 0; i < k; i++) {
    for (let b = 0; b < branches; b++) {
      kinds[`m${i}-${b}`] = 'node';
      edges.push([`x${i}`, `m${i}-${b}`], [`m${i}-${b}`, `x${i + 1}`]);
    }
    kinds[`x${i + 1}`] = i === k - 1 ? 'ending' : 'node';
  }
  return handGraph(kinds, edges);
}

describe('countPaths', () => {
  it('a chain has one path from each vertex, an ending counting as the path that stops there', () => {
    const g = handGraph({ s: 'start', a: 'node', end: 'ending' }, [
      ['s', 'a'],
      ['a', 'end'],
    ]);
    expect(paths(g)).toEqual([1n, 1n, 1n]);
  });

  it('a diamond has two paths from its root, one from each branch', () => {
    expect(paths(diamond)).toEqual([2n, 1n, 1n, 1n]);
  });

  it('two choices leading to the same node are two paths', () => {
    const g = handGraph({ s: 'start', a: 'node', end: 'ending' }, [
      ['s', 'a'],
      ['s', 'a'],
      ['a', 'end'],
    ]);
    expect(paths(g)[g.v('s')]).toBe(2n);
  });

  it('counts beyond what a Number holds exactly: 200 diamonds in a row give 2^200 paths, 100 triple forks 3^100', () => {
    const two = diamondChain(200);
    expect(paths(two)[two.v('x0')]).toBe(2n ** 200n);
    const three = diamondChain(100, 3);
    expect(paths(three)[three.v('x0')]).toBe(3n ** 100n);
    expect(paths(three)[three.v('x50')]).toBe(3n ** 50n);
  });

  it('walks a loop once: a cycle with two exits gives two paths from its entry', () => {
    // s → a → b → a, with b → end1 and a → end2: the component {a, b} has two ways out.
    const g = handGraph({ s: 'start', a: 'node', b: 'node', end1: 'ending', end2: 'ending' }, [
      ['s', 'a'],
      ['a', 'b'],
      ['b', 'a'],
      ['b', 'end1'],
      ['a', 'end2'],
    ]);
    expect(paths(g)[g.v('s')]).toBe(2n);
    expect(paths(g)[g.v('b')]).toBe(2n);
  });

  it('counts no path through a loop that never reaches an ending, nor from a vertex with no way out', () => {
    const g = handGraph({ s: 'start', a: 'node', b: 'node', stuck: 'node', end: 'ending' }, [
      ['s', 'a'],
      ['a', 'b'],
      ['b', 'a'],
      ['s', 'stuck'],
      ['s', 'end'],
    ]);
    expect(paths(g)).toEqual([1n, 0n, 0n, 0n, 1n]);
  });
});

describe('boundsToEnding', () => {
  it('a chain has one total, the sum of its weights, whatever the mode', () => {
    // s →(2) a →(-1) b →(3) end: 2 - 1 + 3 = 4 from s, 2 from a, 3 from b, 0 at the ending.
    const g = handGraph({ s: 'start', a: 'node', b: 'node', end: 'ending' }, [
      ['s', 'a', 2],
      ['a', 'b', -1],
      ['b', 'end', 3],
    ]);
    expect(bound(g, 'max')).toEqual([4, 2, 3, 0]);
    expect(bound(g, 'min')).toEqual([4, 2, 3, 0]);
  });

  it('a diamond: the best path is not the one with the best first step', () => {
    // via a: 5 - 1 = 4; via b: -2 + 4 = 2.
    expect(range(diamond, 's')).toEqual([2, 4]);
    expect(range(diamond, 'a')).toEqual([-1, -1]);
    expect(range(diamond, 'b')).toEqual([4, 4]);
  });

  it('a self-loop counts once, and only in the direction it helps', () => {
    // s →(1) a, a →(+5) a, a →(2) end: best 1 + 5 + 2 = 8 (taking the loop), worst 1 + 2 = 3 (skipping it).
    const g = handGraph({ s: 'start', a: 'node', end: 'ending' }, [
      ['s', 'a', 1],
      ['a', 'a', 5],
      ['a', 'end', 2],
    ]);
    expect(range(g, 's')).toEqual([3, 8]);
  });

  it('a loop adds its favourable edges once: a sound bound around every real path', () => {
    // s →(0) a, a →(+2) b, b →(-3) a, b →(+1) end, a →(-1) end.
    // Best: best exit b→end (+1) plus the positive loop edge (+2) = 3, and s → a → b → end is 3.
    // Worst: worst exit a→end (-1) plus the negative loop edge (-3) = -4; the real worst,
    // s → a → b → a → end, is 0 + 2 - 3 - 1 = -2, inside the bound.
    const g = handGraph({ s: 'start', a: 'node', b: 'node', end: 'ending' }, [
      ['s', 'a', 0],
      ['a', 'b', 2],
      ['b', 'a', -3],
      ['b', 'end', 1],
      ['a', 'end', -1],
    ]);
    expect(range(g, 's')).toEqual([-4, 3]);
    expect(trailsToEndings(g, g.v('s')).sort((x, y) => x - y)).toEqual([-2, -1, 3]);
  });

  it('a vertex with no way to an ending has no total, and its weights never reach the root', () => {
    // s →(+100) stuck, s →(+10) a ⇄ b (+10 each, no exit), s →(-3) end: only -3 is a real total.
    const g = handGraph({ s: 'start', stuck: 'node', a: 'node', b: 'node', end: 'ending' }, [
      ['s', 'stuck', 100],
      ['s', 'a', 10],
      ['a', 'b', 10],
      ['b', 'a', 10],
      ['s', 'end', -3],
    ]);
    expect(range(g, 's')).toEqual([-3, -3]);
    for (const v of ['stuck', 'a', 'b']) expect(range(g, v), v).toEqual([Infinity, -Infinity]);
  });

  it('without loops, the bounds are exactly the best and worst of every path (brute force)', () => {
    fc.assert(
      fc.property(arbitraryGraph(true), (g) => {
        const cond = condense(g.graph);
        const max = boundsToEnding(g.graph, cond, g.weight, 'max');
        const min = boundsToEnding(g.graph, cond, g.weight, 'min');
        const counts = countPaths(g.graph, cond);
        g.graph.vertices.forEach((_, v) => {
          const totals = trailsToEndings(g, v);
          expect(counts[v]).toBe(BigInt(totals.length));
          expect(max[v]).toBe(totals.length ? Math.max(...totals) : -Infinity);
          expect(min[v]).toBe(totals.length ? Math.min(...totals) : Infinity);
        });
      }),
      runs(300),
    );
  });

  it('with loops, every way to an ending that makes each choice at most once lies within the bounds', () => {
    fc.assert(
      fc.property(arbitraryGraph(false), (g) => {
        const cond = condense(g.graph);
        const max = boundsToEnding(g.graph, cond, g.weight, 'max');
        const min = boundsToEnding(g.graph, cond, g.weight, 'min');
        g.graph.vertices.forEach((_, v) => {
          const totals = trailsToEndings(g, v);
          if (totals.length === 0) expect([min[v], max[v]]).toEqual([Infinity, -Infinity]);
          for (const t of totals) {
            expect(t).toBeLessThanOrEqual(max[v] as number);
            expect(t).toBeGreaterThanOrEqual(min[v] as number);
          }
        });
      }),
      runs(300),
    );
  });
});
