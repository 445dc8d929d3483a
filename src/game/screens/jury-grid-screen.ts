import type { App } from '../app/app.ts';
import type { Screen } from '../app/routes.ts';
import { h } from '../dom/h.ts';
import { pickText } from '../../core/scenario/text.ts';
import { evaluateVisit } from '../../core/scoring/evaluate.ts';
import { competenceRows } from '../../present/debrief.ts';
import { formats } from '../../present/format.ts';
import type { CatalogEntry } from '../catalog/scenario-catalog.ts';
import { replayAttempt } from '../visit/visit-controller.ts';
import { durationText } from './exam/exam-timer.ts';
import { gridTable } from './exam/grid-table.ts';
import { studentNameSlot } from './exam/student-name.ts';
import { shell } from './shell.ts';

type Playable = Extract<CatalogEntry, { ok: true }>;

/**
 * The jury's grid of a finished visit, on one A4 page when printed (docs/exam.md): the
 * referential's criteria in rows, the level reached ticked, the mark, the student's name (asked
 * once, kept in this browser), the date, and room for the jury's handwritten comment.
 */
export async function juryGridScreen(app: App, attemptId: string): Promise<Screen> {
  const t = app.t;
  const lang = app.lang;
  const f = formats(lang);
  app.services.stage.showBackdrop();
  const attempt = app.save.attempts.find((a) => a.id === attemptId);
  const [entries, refs] = await Promise.all([app.services.catalog(), app.services.referentials()]);
  const entry = attempt ? entries.find((e): e is Playable => e.ok && e.id === attempt.scenarioId) : undefined;
  if (!attempt || !entry || !refs) {
    const notice = h('p', { class: 'notice' }, t('debrief.unavailable'));
    return {
      root: shell(app, { name: 'grid', heading: t('grid.heading'), back: { name: 'results' } }, notice),
      title: t('grid.heading'),
    };
  }
  const pack = refs.pack(attempt.pack) ?? app.packIn(refs);
  const evaluation = evaluateVisit(entry.index, pack, replayAttempt(entry.index, attempt.seed, attempt.log));
  const levels = pack.levels.map((l) => pickText(l.label, lang));
  const exam =
    attempt.exam?.simMs !== undefined ? t('exam.resultTime', { time: durationText(t, attempt.exam.simMs) }) : null;
  const meta = t('grid.meta', {
    scenario: pickText(entry.scenario.meta.title, lang),
    date: f.dateTime(attempt.endedAt),
    mode: t(`modeName.${attempt.mode}`),
  });
  const sheet = h(
    'article',
    { class: 'jury-grid', 'data-testid': 'jury-grid' },
    h('p', { class: 'grid__pack' }, `${pickText(pack.diploma, lang)} — ${pickText(pack.title, lang)}`),
    studentNameSlot(app, t('grid.askName')),
    h('p', { class: 'grid__meta' }, meta, exam ? ` · ${exam}` : ''),
    gridTable(competenceRows(evaluation, pack, lang), levels, t),
    h('p', { class: 'grid__mark', 'data-testid': 'grid-mark' }, t('grid.mark', { mark: f.mark(evaluation.mark) })),
    h('div', { class: 'grid__comment' }, h('p', {}, h('strong', {}, t('grid.comment')))),
    h('p', { class: 'grid__footer' }, t('print.footer')),
  );
  const button = (kind: string, label: string, onclick: () => void) =>
    h('button', { type: 'button', class: `btn btn--${kind}`, onclick }, label);
  const actions = h(
    'div',
    { class: 'no-print grid__actions' },
    button('primary', t('grid.print'), () => window.print()),
    attempt.exam?.sheet
      ? button('secondary', t('paper.open.sheet'), () => {
          void app.show({ name: 'paper', doc: 'sheet', scenarioId: attempt.scenarioId, attemptId });
        })
      : null,
    button('secondary', t('grid.backToDebrief'), () => void app.show({ name: 'debrief', attemptId })),
  );
  const root = shell(
    app,
    { name: 'grid', heading: t('grid.heading'), back: { name: 'debrief', attemptId } },
    actions,
    sheet,
  );
  return { root, title: t('grid.heading') };
}
