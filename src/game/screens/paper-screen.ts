import type { App } from '../app/app.ts';
import type { Route, Screen } from '../app/routes.ts';
import { h } from '../dom/h.ts';
import { ficheSujet } from '../../core/exam/fiche-sujet.ts';
import type { PrepSheet } from '../../core/save/index.ts';
import { pickText } from '../../core/scenario/text.ts';
import { formats } from '../../present/format.ts';
import type { CatalogEntry } from '../catalog/scenario-catalog.ts';
import { ficheView } from './exam/fiche-view.ts';
import { prepSheetPaper } from './exam/prep-sheet.ts';
import { studentNameSlot } from './exam/student-name.ts';
import { shell } from './shell.ts';

type Playable = Extract<CatalogEntry, { ok: true }>;
type PaperRoute = Extract<Route, { name: 'paper' }>;

/** The student's own sheet: of a finished attempt, or of the rehearsal under way for this scenario. */
function ownSheet(app: App, route: PaperRoute): PrepSheet {
  if (route.attemptId) return app.save.attempts.find((a) => a.id === route.attemptId)?.exam?.sheet ?? {};
  const current = app.save.current;
  return current?.scenarioId === route.scenarioId ? (current.exam?.sheet ?? {}) : {};
}

/** The date on the paper: the day of the rehearsal for an attempt's sheet, else the day it is printed. */
function dateOf(app: App, route: PaperRoute): number {
  const attempt = route.attemptId ? app.save.attempts.find((a) => a.id === route.attemptId) : undefined;
  return attempt?.startedAt ?? app.services.clock.now();
}

/**
 * The paper of an exam rehearsal (docs/exam.md): the fiche-sujet, the blank preparation sheet or
 * the student's filled one, each under the scenario's title, the student's name (asked once, as on
 * the jury grid) and the date, with « Imprimer ». A print style keeps only the paper, on A4.
 */
export async function paperScreen(app: App, route: PaperRoute): Promise<Screen> {
  const t = app.t;
  const f = formats(app.lang);
  app.services.stage.showBackdrop();
  const entries = await app.services.catalog();
  const entry = entries.find((e): e is Playable => e.ok && e.id === route.scenarioId);
  const heading = t(`paper.heading.${route.doc}`);
  const back: Route =
    route.back ??
    (route.attemptId ? { name: 'grid', attemptId: route.attemptId } : { name: 'exam', scenarioId: route.scenarioId });
  if (!entry) {
    const notice = h('p', { class: 'notice' }, t('debrief.unavailable'));
    return { root: shell(app, { name: 'paper', heading, back }, notice), title: heading };
  }
  const doc =
    route.doc === 'fiche'
      ? ficheView(ficheSujet(entry.scenario, app.lang), app.lang, t)
      : prepSheetPaper(route.doc === 'blank' ? null : ownSheet(app, route), t);
  const paper = h(
    'article',
    { class: 'paper', 'data-testid': 'paper', 'data-doc': route.doc },
    h('p', { class: 'grid__pack' }, pickText(entry.scenario.meta.title, app.lang)),
    studentNameSlot(app, t('paper.askName')),
    h('p', { class: 'grid__meta' }, t('paper.date', { date: f.date(dateOf(app, route)) })),
    doc,
    h('p', { class: 'grid__footer' }, t('print.footer')),
  );
  const actions = h(
    'div',
    { class: 'no-print grid__actions' },
    h('button', { type: 'button', class: 'btn btn--primary', onclick: () => window.print() }, t('paper.print')),
    h('button', { type: 'button', class: 'btn btn--secondary', onclick: () => void app.show(back) }, t('paper.back')),
  );
  return { root: shell(app, { name: 'paper', heading, back }, actions, paper), title: heading };
}
