import type { TFunction } from 'i18next';
import type { Ending } from '../../core/scenario/format.ts';
import type { ScenarioIndex } from '../../core/scenario/scenario-index.ts';
import { pickText, type ContentLanguage } from '../../core/scenario/text.ts';
import { textOfVariant } from '../../core/scenario/variants.ts';
import type { Evaluation } from '../../core/scoring/evaluate.ts';
import { createI18n } from '../../i18n/create-i18n.ts';
import { sharedResources } from '../../i18n/resources.ts';
import { endingTextView } from '../../present/ending-text.ts';
import { describeMove } from '../../present/negotiation.ts';
import { motivesDebrief, type FactRow } from '../../present/motives.ts';
import type { VisitContext } from '../../core/visit/visit-types.ts';
import type { AttemptRow } from '../db/store.ts';
import type { Classroom, SessionView } from './classroom.ts';
import { marksOf } from './marks.ts';
import { debriefOf, packById, skillLabel } from './replay.ts';

/**
 * One student's visit for the teacher: the debrief rebuilt from the stored log (timeline,
 * competences, negotiation figures), the teacher's comment and level overrides.
 */
export async function attemptDebrief(
  c: Classroom,
  session: SessionView,
  attempt: AttemptRow,
  pseudonym: string,
  lang: ContentLanguage,
) {
  const entry = c.library.get(attempt.scenario_id);
  const pack = packById(session.referential);
  const review = await c.store.review(session.id, attempt.student_id, attempt.id);
  const marks = marksOf(attempt, review, session.referential);
  const doc = JSON.parse(attempt.document) as { log: unknown[]; seed: number };
  const rebuilt = entry && pack ? debriefOf(entry.index, attempt.seed, doc.log, pack) : null;
  const ending = entry?.index.endings.get(attempt.ending_id)?.ending;
  return {
    studentId: attempt.student_id,
    attemptId: attempt.id,
    pseudonym,
    scenarioId: attempt.scenario_id,
    scenarioTitle: c.library.title(attempt.scenario_id, lang),
    startedAt: attempt.started_at,
    endedAt: attempt.ended_at,
    mode: attempt.mode,
    ending: {
      id: attempt.ending_id,
      title: pickText(ending?.title, lang),
      // The summary as the student read it: placeholders filled from the terms agreed at the table.
      summary: entry && ending ? endingSummary(entry.index, ending, rebuilt?.evaluation ?? null, lang) : '',
    },
    referential: session.referential,
    marks: { auto: marks.auto, mark: marks.mark, validated: marks.validated },
    comment: marks.comment,
    levels: (pack?.levels ?? []).map((l) => ({ id: l.id, label: pickText(l.label, lang) })),
    competences: marks.competences.map((comp) => ({
      code: comp.code,
      title: pickText(pack?.competences.find((d) => d.code === comp.code)?.title, lang),
      weighted: comp.weight > 0,
      ratio: comp.ratio,
      level: comp.level,
      auto: comp.auto,
      overridden: comp.overridden,
    })),
    timeline: (rebuilt?.steps ?? []).map((s) => {
      const choice = s.choiceId && entry ? entry.index.choices.get(s.choiceId)?.choice : undefined;
      const better =
        s.quality === 'poor'
          ? (choice?.better ??
            (choice && 'betterChoice' in choice && choice.betterChoice
              ? entry?.index.choices.get(choice.betterChoice)?.choice.text
              : undefined))
          : undefined;
      return {
        stage: s.stage,
        kind: s.kind,
        quality: s.quality,
        text: choice
          ? pickText(textOfVariant(choice, s.variant), lang)
          : s.move && entry
            ? describeMove(s.move, lang, translator(lang), entry.index.scenario.phases.closing.negotiation)
            : '',
        feedback: choice
          ? pickText(choice.feedback, lang)
          : s.skills.map((k) => pickText(skillLabel(k), lang)).join(' · '),
        better: pickText(better, lang),
      };
    }),
    // What the student found of the client, and missed: the teacher debriefs on it as on the mark.
    motives: entry && rebuilt ? motivesOf(entry.index, rebuilt.ctx, lang) : null,
    outcome: rebuilt
      ? {
          deal: rebuilt.evaluation.outcome.deal,
          revenueHT: rebuilt.evaluation.outcome.revenueHT,
          tauxDeMarque: rebuilt.evaluation.outcome.tauxDeMarque,
          trust: rebuilt.evaluation.outcome.trust,
          interest: rebuilt.evaluation.outcome.interest,
          irritation: rebuilt.evaluation.outcome.irritation,
          needsDiscovered: rebuilt.evaluation.outcome.needsDiscovered,
          needsTotal: rebuilt.evaluation.outcome.needsTotal,
        }
      : null,
  };
}

const translators = new Map<ContentLanguage, TFunction>();

function translator(lang: ContentLanguage): TFunction {
  let t = translators.get(lang);
  if (!t) translators.set(lang, (t = createI18n(lang, sharedResources).t));
  return t;
}

function endingSummary(index: ScenarioIndex, ending: Ending, evaluation: Evaluation | null, lang: ContentLanguage) {
  return endingTextView(index, ending, evaluation?.outcome.negotiation?.finalTerms ?? null, lang, translator(lang))
    .summary;
}

/** The motives, freins, budget and decision-maker found and missed, as the student's debrief words them. */
function motivesOf(index: ScenarioIndex, ctx: VisitContext, lang: ContentLanguage) {
  const m = motivesDebrief(index, ctx, lang, translator(lang));
  const row = (r: FactRow) => ({ label: r.label, detail: r.detail, dominant: r.dominant });
  return { found: m.found.map(row), missed: m.missed.map(row) };
}
