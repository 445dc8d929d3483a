import type { TFunction } from 'i18next';
import type { LevelId, ReferentialPack } from '../core/referentials/formats.ts';
import type { ScenarioIndex } from '../core/scenario/scenario-index.ts';
import { pickText } from '../core/scenario/text.ts';
import type { Evaluation } from '../core/scoring/evaluate.ts';
import { stepQuality } from '../core/visit/step-quality.ts';
import type { VisitContext } from '../core/visit/visit-types.ts';
import type { UiLanguage } from '../i18n/languages.ts';
import { describeMove, responseLine } from './negotiation.ts';
import { stepChoiceText } from './visit-view.ts';

export { motivesDebrief, type ArgumentRow, type FactRow, type MotivesDebrief, type ObjectionRow } from './motives.ts';

/**
 * The debrief as rows to show or print: competences with their level in words, and the
 * timeline of every step with its feedback and the better alternative. Pure: the game's
 * screen, the command line, the teacher's pages and the tests read the same rows.
 */
export interface CompetenceRow {
  code: string;
  title: string;
  marked: boolean;
  weightPercent: number;
  ratio: number | null;
  /** The pack's level, its label, and its rank from 0 (non acquis) to 3 (maîtrisé): drawing reads the rank. */
  level: LevelId | null;
  levelLabel: string | null;
  levelRank: number | null;
  points: number;
  max: number;
}

export interface TimelineRow {
  step: number;
  stage: string;
  kind: 'choice' | 'negotiation';
  text: string;
  /** The client's answer to a negotiation move. */
  answer: string;
  quality: 'good' | 'neutral' | 'poor';
  feedback: string;
  better: string;
  betterChoice: string;
}

export function competenceRows(evaluation: Evaluation, pack: ReferentialPack, lang: UiLanguage): CompetenceRow[] {
  return evaluation.competences.map((c) => {
    const def = pack.competences.find((x) => x.code === c.code);
    const rank = c.level ? pack.levels.findIndex((l) => l.id === c.level) : -1;
    return {
      code: c.code,
      title: pickText(def?.title, lang),
      marked: c.weight > 0,
      weightPercent: Math.round(c.weight * 100),
      ratio: c.ratio,
      level: c.level,
      levelLabel: rank >= 0 ? pickText(pack.levels[rank]?.label, lang) : null,
      levelRank: rank >= 0 ? rank : null,
      points: c.points,
      max: c.max,
    };
  });
}

export function timelineRows(index: ScenarioIndex, ctx: VisitContext, lang: UiLanguage, t: TFunction): TimelineRow[] {
  const spec = index.scenario.phases.closing.negotiation;
  return ctx.steps.map((step, i) => {
    const quality = stepQuality(index, step);
    if (step.kind === 'negotiation') {
      return {
        step: i,
        stage: step.stage,
        kind: 'negotiation',
        text: describeMove(step.move, lang, t, spec),
        answer: responseLine(step.response, lang, t),
        quality,
        feedback: step.evidence.map((e) => pickText(index.skills.get(e.skill)?.label, lang)).join(' · '),
        better: '',
        betterChoice: '',
      };
    }
    const choice = index.choices.get(step.choiceId)?.choice;
    return {
      step: i,
      stage: step.stage,
      kind: 'choice',
      text: stepChoiceText(index, step, lang),
      answer: '',
      quality,
      feedback: pickText(choice?.feedback, lang),
      better: quality === 'poor' ? pickText(choice?.better, lang) : '',
      betterChoice:
        quality === 'poor' && choice?.betterChoice
          ? pickText(index.choices.get(choice.betterChoice)?.choice.text, lang)
          : '',
    };
  });
}
