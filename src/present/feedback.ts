import type { TFunction } from 'i18next';
import type { ScenarioIndex } from '../core/scenario/scenario-index.ts';
import { pickText } from '../core/scenario/text.ts';
import { stepQuality } from '../core/visit/step-quality.ts';
import type { Step } from '../core/visit/visit-types.ts';
import type { UiLanguage } from '../i18n/languages.ts';
import { scriptedTurn } from './negotiation.ts';

/** What the jury says right after a step, in assisted mode. */
export interface FeedbackView {
  quality: 'good' | 'neutral' | 'poor';
  /** Why the step was good or poor, in a few sentences. */
  lines: string[];
  /** For a poor choice: what a better seller would have done, and the better answer on offer. */
  better: string;
  betterChoice: string;
}

export function feedbackOf(index: ScenarioIndex, step: Step, lang: UiLanguage, t: TFunction): FeedbackView {
  const quality = stepQuality(index, step);
  if (step.kind === 'negotiation') {
    // A move is judged by what it showed: each skill in words, the poor ones with what they cost.
    const lines = step.evidence.map((e) => {
      const skill = index.skills.get(e.skill);
      const label = pickText(skill?.label, lang);
      return skill?.polarity === 'negative'
        ? t('present:feedback.poorSkill', { label, why: pickText(skill.description, lang) })
        : label;
    });
    // The author's own feedback on this kind of move comes first (a scripted turn).
    const scripted = pickText(scriptedTurn(index.scenario.phases.closing.negotiation, step.move)?.feedback, lang);
    if (scripted) lines.unshift(scripted);
    // Every move has its word, even one that shows no practice either way: never the last dialogue's.
    return { quality, lines: lines.length ? lines : [t('present:feedback.noEvidence')], better: '', betterChoice: '' };
  }
  const choice = index.choices.get(step.choiceId)?.choice;
  const poor = quality === 'poor';
  return {
    quality,
    lines: [pickText(choice?.feedback, lang)].filter(Boolean),
    better: poor ? pickText(choice?.better, lang) : '',
    betterChoice:
      poor && choice?.betterChoice ? pickText(index.choices.get(choice.betterChoice)?.choice.text, lang) : '',
  };
}
