import type { ChoiceQuality } from '../scenario/choice-quality.ts';
import type { ScenarioIndex } from '../scenario/scenario-index.ts';
import type { Step } from './visit-types.ts';

/**
 * How a step reads in feedback: a choice by its evidence (see choiceQuality), a negotiation
 * move poor when it shows a poor habit, good when it shows a good skill. The visit screen, the
 * debrief and the terminal all take it from here.
 */
export function stepQuality(index: ScenarioIndex, step: Step): ChoiceQuality {
  if (step.kind === 'choice') return index.qualityOf(step.choiceId);
  if (step.evidence.some((e) => index.skills.polarity(e.skill) === 'negative')) return 'poor';
  if (step.evidence.some((e) => index.skills.polarity(e.skill) === 'positive')) return 'good';
  return 'neutral';
}
