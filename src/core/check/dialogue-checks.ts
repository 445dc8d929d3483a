import { diagnostic, pointer, type Diagnostic } from '../diagnostics/codes.ts';
import { reachableFrom, type Edge, type VisitGraph } from '../graph/visit-graph.ts';
import type { ItemKind } from '../negotiation/spec-items.ts';
import type { Condition } from '../scenario/conditions.ts';
import { endingTexts, placeholdersIn } from '../scenario/ending-template.ts';
import type { TextVariant } from '../scenario/format.ts';
import type { ScenarioIndex } from '../scenario/scenario-index.ts';
import { canHold, type Possibilities } from './condition-analysis.ts';

type Path = (string | number)[];

/** A text that takes needs as known: a line, a choice, or one of their variants. */
interface Presumption {
  /** The node whose line it is, or which offers the choice. */
  nodeId: string;
  needs: string[];
  /** Conditions that must hold for the text to be shown (the choice's, the variant's). */
  guards: Condition[];
  path: Path;
}

/**
 * The checks of conditional dialogue (docs/authoring.md, « Répliques conditionnelles »):
 * a text that presumes a need some path reaches undiscovered (NS114, with that path), a variant
 * whose condition never holds (NS116), and an ending after a deal that writes a figure of a
 * negotiated item instead of its placeholder (NS115). One graph search per presumed need: linear
 * in the size of the scenario for a fixed number of needs.
 */
export function dialogueDiagnostics(index: ScenarioIndex, graph: VisitGraph, can: Possibilities): Diagnostic[] {
  const out: Diagnostic[] = [];
  const presumptions = collectPresumptions(index, can, out);
  const byNeed = new Map<string, Presumption[]>();
  for (const p of presumptions) for (const n of p.needs) byNeed.set(n, [...(byNeed.get(n) ?? []), p]);
  for (const [need, list] of byNeed) {
    const parents = searchWithout(graph, need);
    for (const p of list) {
      const v = graph.byId.get(p.nodeId);
      if (v === undefined || parents[v] === undefined) continue;
      if (p.guards.some((g) => requiresNeed(g, need))) continue;
      out.push(diagnostic('NS114', pointer(p.path), { need, path: witnessPath(graph, parents, v) }));
    }
  }
  out.push(...endingFigures(index, graph));
  return out;
}

function collectPresumptions(index: ScenarioIndex, can: Possibilities, out: Diagnostic[]): Presumption[] {
  const found: Presumption[] = [];
  const add = (nodeId: string, needs: string[] | undefined, guards: Condition[], path: Path) => {
    if (needs?.length) found.push({ nodeId, needs, guards, path });
  };
  const variants = (nodeId: string, list: TextVariant[] | undefined, guards: Condition[], path: Path) =>
    list?.forEach((v, i) => {
      const at = [...path, 'variants', i];
      if (can.reachableNodes.has(nodeId) && !canHold(v.when, can))
        out.push(diagnostic('NS116', pointer([...at, 'when']), { node: nodeId, variant: i + 1 }));
      add(nodeId, v.presumes, [...guards, v.when], at);
    });
  for (const { node, phase, index: i } of index.nodeList) {
    const path = ['phases', phase, 'nodes', i];
    add(node.id, node.presumes, [], path);
    variants(node.id, node.variants, [], path);
  }
  for (const { choice, nodeId, path } of index.choices.values()) {
    const guards = choice.condition ? [choice.condition.when] : [];
    add(nodeId, choice.presumes, guards, path);
    variants(nodeId, choice.variants, guards, path);
  }
  return found;
}

/** True only when the condition cannot hold unless the need was discovered. */
export function requiresNeed(cond: Condition, need: string): boolean {
  if ('need' in cond) return cond.need === need;
  if ('all' in cond) return cond.all.some((c) => requiresNeed(c, need));
  if ('any' in cond) return cond.any.every((c) => requiresNeed(c, need));
  return false;
}

/**
 * Breadth-first search from the root through edges that leave the need undiscovered: a choice
 * that discovers it, or that only shows once it is known, closes the way. parents[v] is the edge
 * that first reached v (-1 for the root); undefined: every path to v knows the need.
 */
function searchWithout(graph: VisitGraph, need: string): (number | undefined)[] {
  const parents = new Array<number | undefined>(graph.vertices.length).fill(undefined);
  const blocked = (e: Edge) =>
    (e.choice?.effects?.discover ?? []).includes(need) ||
    (e.choice?.condition !== undefined && requiresNeed(e.choice.condition.when, need));
  parents[graph.root] = -1;
  const queue = [graph.root];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head] as number;
    for (const e of graph.vertices[v]?.out ?? []) {
      const edge = graph.edges[e] as Edge;
      if (parents[edge.to] !== undefined || blocked(edge)) continue;
      parents[edge.to] = e;
      queue.push(edge.to);
    }
  }
  return parents;
}

/** The choices (and negotiation outcomes) of the path the search found, as a reader follows them. */
function witnessPath(graph: VisitGraph, parents: (number | undefined)[], to: number): string {
  const steps: string[] = [];
  for (let v = to, guard = 0; parents[v] !== -1 && parents[v] !== undefined && guard <= graph.edges.length; guard++) {
    const edge = graph.edges[parents[v] as number] as Edge;
    if (edge.choice) steps.push(edge.choice.id);
    else if (edge.outcome) steps.push(`${graph.vertices[edge.from]?.id ?? ''}:${edge.outcome}`);
    v = edge.from;
  }
  return steps.reverse().join(' → ');
}

/** A figure of a negotiable item written out, per item: what a template placeholder should say. */
const FIGURES: [ItemKind, RegExp][] = [
  ['commitmentMonths', /\d+\s*(?:-\s*)?(?:mois|months?)\b/iu],
  ['discountPercent', /\d+(?:[.,]\d+)?\s*%/u],
  ['deliveryDays', /\d+\s*(?:-\s*)?(?:jours?|days?)\b/iu],
  ['paymentDays', /\d+\s*(?:-\s*)?(?:jours?|days?)\b/iu],
];

/**
 * Endings reached after the negotiation's deal whose text writes a hard figure (« 24 mois »,
 * « 5 % », « 30 jours ») for an item the table negotiates: the deal may have said otherwise.
 */
function endingFigures(index: ScenarioIndex, graph: VisitGraph): Diagnostic[] {
  const spec = index.scenario.phases.closing.negotiation;
  const from = spec ? graph.byId.get(spec.outcomes.deal) : undefined;
  if (!spec || from === undefined) return [];
  const negotiated = new Set(spec.items.map((i) => i.kind));
  const reach = reachableFrom(graph, from);
  const out: Diagnostic[] = [];
  for (const [id, { ending, index: e }] of index.endings) {
    const v = graph.byId.get(id);
    if (v === undefined || !reach[v]) continue;
    const texts = [{ field: ['title'] as Path, text: ending.title }, ...endingTexts(ending)];
    for (const { field, text } of texts)
      for (const [lang, value] of Object.entries(text)) {
        const plain = stripPlaceholders(value ?? '');
        for (const [item, re] of FIGURES) {
          const figure = negotiated.has(item) ? firstFigure(plain, re) : undefined;
          if (figure === undefined) continue;
          out.push(diagnostic('NS115', pointer(['endings', e, ...field, lang]), { ending: id, figure, item }));
          break;
        }
      }
  }
  return out;
}

/** The first figure the pattern finds, leaving out a VAT rate (« TVA à 5,5 % » is no discount). */
function firstFigure(text: string, re: RegExp): string | undefined {
  const all = new RegExp(re.source, `${re.flags}g`);
  for (const m of text.matchAll(all)) {
    const before = text.slice(Math.max(0, m.index - 16), m.index);
    if (!/\b(?:TVA|VAT)\b/i.test(before)) return m[0];
  }
  return undefined;
}

function stripPlaceholders(text: string): string {
  let plain = text;
  for (const name of placeholdersIn(text)) plain = plain.replace(`{{${name}}}`, ' ');
  return plain.replace(/\{\{[^{}]*\}\}/g, ' ');
}
