import type { TFunction } from 'i18next';
import { juryQuestions, type JuryQuestion } from '../../../core/exam/jury-questions.ts';
import type { ScenarioIndex } from '../../../core/scenario/scenario-index.ts';
import { pickText } from '../../../core/scenario/text.ts';
import { withCurrent } from '../../../core/save/index.ts';
import type { UiLanguage } from '../../../i18n/languages.ts';
import { replace } from '../../dom/h.ts';
import { choiceButtons } from '../../widgets/choice-buttons.ts';
import type { VisitUi } from './visit-ui.ts';
import { spokenGate } from '../../voice/spoken-gate.ts';

/**
 * After an exam rehearsal's simulation, the jury asks its questions one at a time, where the
 * client spoke; the student answers by choosing the justification (issue 14, item 5). Each answer
 * is kept in the visit in progress at once; the attempt is filed with them after the last.
 * Returns false when there is nothing (left) to ask.
 */
export function renderJuryTurn(ui: VisitUi): boolean {
  const { t, lang, regions, controller, app, entry } = ui;
  const run = controller.record.exam;
  if (!run) return false;
  const answers = run.jury ?? {};
  const questions = juryQuestions(entry.index, controller.context());
  const next = questions.find((q) => answers[q.id] === undefined);
  if (!next) return false;
  const done = questions.length - questions.filter((q) => answers[q.id] === undefined).length;
  regions.choices.dataset.turn = `jury-${done}`;
  regions.speaker.textContent = t('exam.jury.speaker', { n: done + 1, count: questions.length });
  regions.line.textContent = questionText(next, entry.index, lang, t);
  regions.cue.textContent = t('exam.jury.cue');
  replace(regions.extra);
  regions.leave.hidden = true;
  // With spoken answers on, the justification is said aloud first, as to a real jury.
  const where = { step: controller.context().steps.length, nodeId: '', question: next.id };
  if (spokenGate(ui, { key: `jury:${next.id}`, where })) return true;
  const options = next.options.map((o) => ({
    id: o,
    text: t(`exam.jury.option.${next.kind}.${o}`),
    disabled: false,
    reason: '',
  }));
  replace(
    regions.choices,
    ...choiceButtons(options, t, (id) => {
      const current = controller.record.exam;
      if (!current) return;
      controller.record = { ...controller.record, exam: { ...current, jury: { ...current.jury, [next.id]: id } } };
      app.update((s) => withCurrent(s, controller.record));
      ui.file();
      // Filed after the visit ended: a class session hears of it now (watchVisit heard the end).
      const filed = app.save.attempts.find((a) => a.id === controller.record.id);
      if (filed) void import('../../classroom/index.ts').then((c) => c.attemptFiledLate(filed));
      ui.render();
      regions.choices.querySelector<HTMLButtonElement>('button:not([disabled])')?.focus();
    }),
  );
  return true;
}

/** The question in words: what the student did, and « pourquoi ? ». */
export function questionText(q: JuryQuestion, index: ScenarioIndex, lang: UiLanguage, t: TFunction): string {
  const choice = q.choiceId ? pickText(index.choices.get(q.choiceId)?.choice.text, lang) : '';
  switch (q.kind) {
    case 'concession':
      return t(q.withCounterpart ? 'exam.jury.question.concessionWith' : 'exam.jury.question.concession');
    case 'objection':
      return t('exam.jury.question.objection', { choice });
    case 'motive':
      return t('exam.jury.question.motive', {
        need: pickText(index.scenario.persona.needs.find((n) => n.id === q.needId)?.label, lang),
      });
    case 'choice':
      return t('exam.jury.question.choice', { choice });
  }
}
