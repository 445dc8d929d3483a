// Reachability on hand-made graphs, and the graph of a real (small) scenario, whose vertices,
// walk-out edges and path count can be checked against tests/fixtures/scenarios/mini-visit.json.
import { describe, expect, it } from 'vitest';
import { condense } from '../../../src/core/graph/condensation.ts';
import { countPaths } from '../../../src/core/graph/path-bounds.ts';
import { buildVisitGraph, canReachEnding, reachableFrom, START_VERTEX } from '../../../src/core/graph/visit-graph.ts';
import { indexScenario } from '../../../src/core/scenario/scenario-index.ts';
import { loadFixture } from '../../support/fixtures.ts';
import { skills } from '../../support/referentials.ts';
import { handGraph } from './hand-graph.ts';

// s → a → end, a → trap ⇄ loop (no way out), lost → end (nothing leads to lost), s → s.
const g = handGraph({ s: 'start', a: 'node', trap: 'node', loop: 'node', lost: 'node', end: 'ending' }, [
  ['s', 's'],
  ['s', 'a'],
  ['a', 'end'],
  ['a', 'trap'],
  ['trap', 'loop'],
  ['loop', 'trap'],
  ['lost', 'end'],
]);
const names = (flags: boolean[]) => flags.flatMap((on, v) => (on ? [g.name(v)] : []));

describe('reachability', () => {
  it('from the root: everything a path leads to, not the vertex nothing leads to', () => {
    expect(names(reachableFrom(g.graph))).toEqual(['s', 'a', 'trap', 'loop', 'end']);
  });

  it('from another vertex: only what lies after it', () => {
    expect(names(reachableFrom(g.graph, g.v('trap')))).toEqual(['trap', 'loop']);
    expect(names(reachableFrom(g.graph, g.v('end')))).toEqual(['end']);
  });

  it('to an ending: the ending itself and every vertex with a way there, not the trapped loop', () => {
    expect(names(canReachEnding(g.graph))).toEqual(['s', 'a', 'lost', 'end']);
  });
});

describe('buildVisitGraph on the mini visit', () => {
  const index = indexScenario(loadFixture('tests/fixtures/scenarios/mini-visit.json'), skills);
  const graph = buildVisitGraph(index);
  const id = (v: number) => graph.vertices[v]?.id;
  const out = (name: string) =>
    (graph.vertices[graph.byId.get(name) as number]?.out ?? []).map((e) => {
      const edge = graph.edges[e];
      return `${edge?.choice?.id ?? edge?.outcome ?? '-'}${edge?.walkOut ? ' (walk-out)' : ''} → ${id(edge?.to ?? -1)}`;
    });

  it('has the preparation step, the start, the nine dialogue nodes and the four endings as vertices', () => {
    expect(graph.vertices.map((v) => `${v.kind}:${v.id}`)).toEqual([
      'preparation:prep-1',
      `start:${START_VERTEX}`,
      ...['p1', 'd1', 'd2', 'a1', 'o1', 'c1', 'f1', 'f2'].map((n) => `node:${n}`),
      ...['end-sale', 'end-appointment', 'end-lost', 'lost-irritated'].map((e) => `ending:${e}`),
    ]);
    expect(id(graph.root)).toBe('prep-1');
    expect(id(graph.start)).toBe(START_VERTEX);
  });

  it('links preparation choices to the start, and an irritating choice also to the patience ending', () => {
    expect(out('prep-1')).toEqual([`prep-plan → ${START_VERTEX}`, `prep-none → ${START_VERTEX}`]);
    expect(out(START_VERTEX)).toEqual(['- → p1']);
    expect(out('p1')).toEqual(['p1-agenda → d1', 'p1-pitch → a1', 'p1-pitch (walk-out) → lost-irritated']);
    expect(out('c1')).toEqual(['c1-alt → f1', 'c1-force → end-lost', 'c1-later → f2']);
  });

  it('adds no walk-out edge to an irritating choice that ends the visit anyway', () => {
    const scenario = structuredClone(index.scenario);
    const force = scenario.phases.closing.nodes[0]?.choices.find((c) => c.id === 'c1-force');
    if (!force) throw new Error('the mini visit has no c1-force choice');
    force.effects = { irritation: 30 };
    const p1Pitch = scenario.phases.prospection.nodes[0]?.choices.find((c) => c.id === 'p1-pitch');
    const irritated = buildVisitGraph(indexScenario(scenario, skills));
    const fromForce = irritated.edges.filter((e) => e.choice === force).map((e) => irritated.vertices[e.to]?.id);
    expect(fromForce).toEqual(['end-lost']);
    expect(irritated.edges.filter((e) => e.choice === p1Pitch && e.walkOut)).toHaveLength(1);
  });

  it('counts 344 ways through it, as worked out by hand', () => {
    // c1: f1 (2) + end-lost + f2 (1) = 4; o1: 4 choices × 4 + walk-out = 17; a1: 2 × 17 = 34;
    // d2: 2 × 34 = 68; d1: 68 + 68 + walk-out = 137; p1: 137 + 34 + walk-out = 172;
    // the preparation step's two choices: 2 × 172 = 344.
    expect(countPaths(graph, condense(graph))[graph.root]).toBe(344n);
    expect(reachableFrom(graph).every(Boolean)).toBe(true);
    expect(canReachEnding(graph).every(Boolean)).toBe(true);
  });
});
