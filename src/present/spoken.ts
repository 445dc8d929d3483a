import type { ScenarioIndex } from '../core/scenario/scenario-index.ts';
import { pickText } from '../core/scenario/text.ts';
import type { ChoiceStep, VisitContext } from '../core/visit/visit-types.ts';
import type { UiLanguage } from '../i18n/languages.ts';

/**
 * The best answer on offer at a decision: the offered choice of the best quality (good, then
 * neutral, then poor). On a tie the student's own choice wins (they were right), then the
 * better alternative its author named. Pure: the debrief plays each spoken answer next to it.
 */
export function bestAnswerAt(index: ScenarioIndex, step: ChoiceStep): string {
  const rank = { good: 2, neutral: 1, poor: 0 } as const;
  const offered = step.offered.length > 0 ? step.offered : [step.choiceId];
  const chosen = index.choices.get(step.choiceId)?.choice;
  const hinted = chosen && 'betterChoice' in chosen ? chosen.betterChoice : undefined;
  const candidates = [step.choiceId, ...(hinted && offered.includes(hinted) ? [hinted] : []), ...offered];
  let best = step.choiceId;
  for (const id of candidates) if (rank[index.qualityOf(id)] > rank[index.qualityOf(best)]) best = id;
  return best;
}

/** One spoken answer as the debrief shows it: what the client had said, what was picked, the best on offer. */
export interface SpokenRow {
  step: number;
  /** The client's line the student answered. */
  line: string;
  chosen: string;
  best: string;
  /** The student's pick was the best on offer. */
  bestIsChosen: boolean;
}

/** The rows for the steps that have a recording, in the visit's order; steps that are not choices are left out. */
export function spokenRows(index: ScenarioIndex, ctx: VisitContext, steps: readonly number[], lang: UiLanguage) {
  const rows: SpokenRow[] = [];
  for (const i of [...new Set(steps)].sort((a, b) => a - b)) {
    const step = ctx.steps[i];
    if (step?.kind !== 'choice') continue;
    const best = bestAnswerAt(index, step);
    rows.push({
      step: i,
      line: pickText(index.nodes.get(step.nodeId)?.node.text, lang),
      chosen: pickText(index.choices.get(step.choiceId)?.choice.text, lang),
      best: pickText(index.choices.get(best)?.choice.text, lang),
      bestIsChosen: best === step.choiceId,
    });
  }
  return rows;
}
