import type { App } from '../app/app.ts';
import type { Screen } from '../app/routes.ts';
import { h, replace } from '../dom/h.ts';
import { pickText } from '../../core/scenario/text.ts';
import { evaluateVisit } from '../../core/scoring/evaluate.ts';
import { competenceRows } from '../../present/debrief.ts';
import { formats } from '../../present/format.ts';
import type { CatalogEntry } from '../catalog/scenario-catalog.ts';
import { replayAttempt } from '../visit/visit-controller.ts';
import { durationText } from './exam/exam-timer.ts';
import { shell } from './shell.ts';

type Playable = Extract<CatalogEntry, { ok: true }>;
const MAX_NAME = 80;

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
  const rows = competenceRows(evaluation, pack, lang);
  const levels = pack.levels.map((l) => pickText(l.label, lang));

  const nameSlot = h('div', { class: 'grid__name' });
  const drawName = () => {
    const name = app.save.settings.studentName.trim();
    if (name) {
      replace(
        nameSlot,
        h('p', {}, h('strong', {}, `${t('grid.name')} `), h('span', { 'data-testid': 'student-name' }, name)),
        h(
          'button',
          {
            type: 'button',
            class: 'btn btn--ghost btn--small no-print',
            onclick: () => {
              askName('');
            },
          },
          t('grid.changeName'),
        ),
      );
      return;
    }
    askName(name);
  };
  const askName = (value: string) => {
    const input = h('input', { id: 'student-name', type: 'text', maxlength: MAX_NAME, autocomplete: 'name', value });
    const save = (e: Event) => {
      e.preventDefault();
      const name = input.value.trim().slice(0, MAX_NAME);
      if (!name) return;
      app.update((s) => ({ ...s, settings: { ...s.settings, studentName: name } }));
      drawName();
    };
    replace(
      nameSlot,
      h(
        'form',
        { class: 'grid__ask no-print', onsubmit: save },
        h('label', { for: 'student-name' }, t('grid.askName')),
        input,
        h('button', { type: 'submit', class: 'btn btn--primary btn--small' }, t('grid.saveName')),
        h('p', { class: 'hint' }, t('grid.nameKept')),
      ),
    );
  };
  drawName();

  const tick = (rank: number | null, i: number) =>
    rank === i ? h('span', { 'aria-label': t('grid.ticked') }, '✕') : h('span', { 'aria-hidden': 'true' }, '');
  const table = h(
    'table',
    { class: 'grid__table', 'data-testid': 'grid-criteria' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t('grid.criterion')),
        ...levels.map((l) => h('th', { scope: 'col', class: 'grid__level' }, l)),
      ),
    ),
    h(
      'tbody',
      {},
      ...rows.map((r) =>
        h(
          'tr',
          { 'data-code': r.code },
          h(
            'th',
            { scope: 'row' },
            `${r.code} — ${r.title}`,
            r.marked ? null : h('em', {}, ` (${t('debrief.notMarked')})`),
          ),
          ...levels.map((_, i) => h('td', { class: 'grid__level' }, tick(r.levelRank, i))),
        ),
      ),
    ),
  );
  const exam =
    attempt.exam?.simMs !== undefined ? t('exam.resultTime', { time: durationText(t, attempt.exam.simMs) }) : null;
  const sheet = h(
    'article',
    { class: 'jury-grid', 'data-testid': 'jury-grid' },
    h('p', { class: 'grid__pack' }, `${pickText(pack.diploma, lang)} — ${pickText(pack.title, lang)}`),
    nameSlot,
    h(
      'p',
      { class: 'grid__meta' },
      t('grid.meta', {
        scenario: pickText(entry.scenario.meta.title, lang),
        date: f.dateTime(attempt.endedAt),
        mode: t(`modeName.${attempt.mode}`),
      }),
      exam ? ` · ${exam}` : '',
    ),
    table,
    h('p', { class: 'grid__mark', 'data-testid': 'grid-mark' }, t('grid.mark', { mark: f.mark(evaluation.mark) })),
    h('div', { class: 'grid__comment' }, h('p', {}, h('strong', {}, t('grid.comment')))),
    h('p', { class: 'grid__footer' }, t('print.footer')),
  );
  const actions = h(
    'div',
    { class: 'no-print grid__actions' },
    h('button', { type: 'button', class: 'btn btn--primary', onclick: () => window.print() }, t('grid.print')),
    h(
      'button',
      { type: 'button', class: 'btn btn--secondary', onclick: () => void app.show({ name: 'debrief', attemptId }) },
      t('grid.backToDebrief'),
    ),
  );
  const root = shell(
    app,
    { name: 'grid', heading: t('grid.heading'), back: { name: 'debrief', attemptId } },
    actions,
    sheet,
  );
  return { root, title: t('grid.heading') };
}
