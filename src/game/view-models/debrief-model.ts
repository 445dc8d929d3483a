import { choiceQuality } from '../../core/scenario/choice-quality.ts';
import type { ScenarioIndex } from '../../core/scenario/scenario-index.ts';
import { pickText } from '../../core/scenario/text.ts';
import { skillById, type PackId, packs } from '../../core/referentials/bundled.ts';
import type { Evaluation } from '../../core/scoring/evaluate.ts';
import type { VisitContext } from '../../core/visit/visit-types.ts';
import type { UiLanguage } from '../../i18n/languages.ts';

/**
 * The debrief as rows to print: competences with their level in words, and the timeline of
 * every step with its feedback and the better alternative. Pure: the screen and the tests
 * read the same object.
 */
export interface CompetenceRow {
  code: string;
  title: string;
  marked: boolean;
  weightPercent: number;
  ratio: number | null;
  level: string | null;
  points: number;
  max: number;
}

export interface TimelineRow {
  step: number;
  stage: string;
  kind: 'choice' | 'negotiation';
  text: string;
  quality: 'good' | 'neutral' | 'poor';
  feedback: string;
  better: string;
  betterChoice: string;
}

export function competenceRows(evaluation: Evaluation, packId: PackId, lang: UiLanguage): CompetenceRow[] {
  const pack = packs[packId];
  return evaluation.competences.map((c) => {
    const def = pack.competences.find((x) => x.code === c.code);
    return {
      code: c.code,
      title: pickText(def?.title, lang),
      marked: c.weight > 0,
      weightPercent: Math.round(c.weight * 100),
      ratio: c.ratio,
      level: c.level ? pickText(pack.levels.find((l) => l.id === c.level)?.label, lang) : null,
      points: c.points,
      max: c.max,
    };
  });
}

export function timelineRows(index: ScenarioIndex, ctx: VisitContext, lang: UiLanguage): TimelineRow[] {
  return ctx.steps.map((step, i) => {
    if (step.kind === 'negotiation') {
      const poor = step.evidence.some((e) => skillById(e.skill)?.polarity === 'negative');
      const good = step.evidence.some((e) => skillById(e.skill)?.polarity === 'positive');
      return {
        step: i,
        stage: step.stage,
        kind: 'negotiation',
        text: describeMove(step.move),
        quality: poor ? 'poor' : good ? 'good' : 'neutral',
        feedback: step.evidence.map((e) => pickText(skillById(e.skill)?.label, lang)).join(' · '),
        better: '',
        betterChoice: '',
      };
    }
    const choice = index.choices.get(step.choiceId)?.choice;
    const quality = choiceQuality(choice?.skills, (id) => skillById(id)?.polarity);
    return {
      step: i,
      stage: step.stage,
      kind: 'choice',
      text: pickText(choice?.text, lang),
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

function describeMove(move: unknown): string {
  if (!move || typeof move !== 'object') return '';
  const m = move as { type?: string };
  return String(m.type ?? '');
}
