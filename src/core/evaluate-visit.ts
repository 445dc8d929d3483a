import type { ReferentialPack } from './referentials/formats.ts';
import type { ScenarioIndex } from './scenario/scenario-index.ts';
import { evaluateVisit, type Evaluation } from './scoring/evaluate.ts';
import { scoringModelFor } from './scoring/scoring-model.ts';
import { negotiationSupport } from './negotiation-support.ts';
import type { VisitContext } from './visit/visit-types.ts';

/**
 * The evaluation of a visit, with everything its scenario needs (the negotiation step's
 * reference negotiators and result figures). The game, the CLI and the playthrough tests all
 * mark visits through this one function, so they cannot disagree.
 */
export function evaluateVisitFor(index: ScenarioIndex, pack: ReferentialPack, ctx: VisitContext): Evaluation {
  const support = negotiationSupport(index);
  const model = scoringModelFor(index, pack);
  return evaluateVisit(model, ctx, support.negotiationResult?.(ctx) ?? null);
}
