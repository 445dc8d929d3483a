import { boundsToEnding } from '../graph/path-bounds.ts';
import type { PathStep } from '../playthroughs/path.ts';
import { evaluateWithModel, type Evaluation } from '../scoring/evaluate.ts';
import { markValue, type Contribution, type ScoringModel } from '../scoring/scoring-model.ts';
import { openVisit } from '../visit/visit-session.ts';
import { choicesAtCursor, choiceStatus } from '../visit/visit-rules.ts';
import type { VisitContext } from '../visit/visit-types.ts';
import { playNegotiation } from './negotiation-player.ts';

/**
 * Plays a real visit guided by dynamic programming: at each step it takes the available
 * choice with the best (or worst) value plus best (or worst) value still reachable after it.
 * The result is a path a student can actually play — conditions are respected — and its mark
 * is computed by the real scoring, so `negosim play --choices <path>` gives the same mark.
 */
export interface Witness {
  path: PathStep[];
  evaluation: Evaluation;
  /** The visit the path plays: what the marking checks read. */
  context: VisitContext;
  /** The linear value the guide expected, for bound reporting. */
  guided: number;
}

export interface WitnessOptions {
  seed?: number;
}

export type Valuation = (c: Contribution, outcomeEdge: boolean, mode: 'max' | 'min') => number;

/** Linear value of an edge in marks: its contribution, plus the negotiation reference on outcome edges. */
export function linearValuation(model: ScoringModel): Valuation {
  return (c, outcome, mode) =>
    markValue(model, c) +
    (outcome ? markValue(model, mode === 'max' ? model.negotiation.best : model.negotiation.worst) : 0);
}

export function findWitness(
  model: ScoringModel,
  mode: 'max' | 'min',
  valuation: Valuation,
  options: WitnessOptions = {},
): Witness {
  const { graph, condensation, index } = model;
  const edgeValue = (e: number) => {
    const edge = graph.edges[e];
    return edge
      ? valuation(model.edgeContribution[e] ?? new Map<string, number>(), edge.outcome !== undefined, mode)
      : 0;
  };
  const togo = boundsToEnding(graph, condensation, edgeValue, mode);
  const edgeOfChoice = new Map<string, number>();
  graph.edges.forEach((e, i) => {
    if (e.choice && !edgeOfChoice.has(e.choice.id)) edgeOfChoice.set(e.choice.id, i);
  });
  const session = openVisit(index, { seed: options.seed ?? 1, shuffle: false });
  const path: PathStep[] = [];
  const taken = new Set<string>();
  const better = (a: number, b: number) => (mode === 'max' ? a > b : a < b);
  const limit = 4 * graph.edges.length + 16;
  for (let step = 0; step < limit && !session.done(); step++) {
    const ctx = session.context();
    if (ctx.cursor.kind === 'ready') {
      session.send({ type: 'player.start' });
      continue;
    }
    if (ctx.cursor.kind === 'negotiation') {
      const moves = playNegotiation(session, mode);
      if (moves.length === 0) break;
      path.push(...moves);
      continue;
    }
    let pick: string | undefined;
    let pickScore = mode === 'max' ? -Infinity : Infinity;
    for (const choice of choicesAtCursor(index, ctx)) {
      if (choiceStatus(ctx, choice) !== 'available') continue;
      const e = edgeOfChoice.get(choice.id);
      if (e === undefined) continue;
      const to = graph.edges[e]?.to as number;
      // Evidence counts once: a choice already taken brings nothing more.
      const score = (taken.has(choice.id) ? 0 : edgeValue(e)) + (togo[to] as number);
      if (pick === undefined || better(score, pickScore)) {
        pick = choice.id;
        pickScore = score;
      }
    }
    if (pick === undefined) break;
    taken.add(pick);
    path.push(pick);
    session.send({ type: 'player.choose', choiceId: pick });
  }
  if (!session.done()) session.send({ type: 'player.leave' });
  const context = session.context();
  return { path, evaluation: evaluateWithModel(model, context), context, guided: (togo[graph.root] as number) ?? 0 };
}
