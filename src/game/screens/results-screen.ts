import type { App } from '../app/app.ts';
import type { Screen } from '../app/routes.ts';
import { h } from '../dom/h.ts';
import { formats } from '../../present/format.ts';
import { pickText } from '../../core/scenario/text.ts';
import {
  importReport,
  isStale,
  MAX_ATTEMPTS,
  MAX_IMPORT_CHARS,
  planImport,
  readResultsFile,
  type Attempt,
  type ImportReport,
} from '../../core/save/index.ts';
import { durationText } from './exam/exam-timer.ts';
import { verifyAttempt, type ReplayableScenario } from '../../core/save/verify-attempt.ts';
import type { TFunction } from 'i18next';
import type { CatalogEntry } from '../catalog/scenario-catalog.ts';
import { shell } from './shell.ts';
import { refreshStaleMarks } from '../app/stale-marks.ts';

/** Every past attempt: reopen its debrief, play it again, export or import them all. */
export async function resultsScreen(app: App): Promise<Screen> {
  const t = app.t;
  const lang = app.lang;
  app.services.stage.showBackdrop();
  const catalog = await app.services.catalog();
  await refreshStaleMarks(app, catalog);
  const attempts = [...app.save.attempts].sort((a, b) => b.endedAt - a.endedAt);

  const titleOf = (id: string) => {
    const e = catalog.find((c) => c.id === id);
    return e?.ok ? pickText(e.scenario.meta.title, lang) : t('results.unknownScenario', { id });
  };
  const endingOf = (scenarioId: string, endingId: string) => {
    const e = catalog.find((c) => c.id === scenarioId);
    return e?.ok ? pickText(e.index.endings.get(endingId)?.ending.title, lang) || '—' : '—';
  };

  const table = attempts.length
    ? h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'results' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ...['results.date', 'results.scenario', 'results.mark', 'results.ending', 'results.actions'].map((k) =>
                h('th', { scope: 'col' }, t(k)),
              ),
            ),
          ),
          h('tbody', {}, ...attempts.map((a) => attemptRow(app, a, titleOf, endingOf))),
        ),
      )
    : h('p', { class: 'notice' }, t('results.empty'));

  const status = h('p', { class: 'hint', role: 'status' });
  // The file input stays hidden and out of the tab order; the visible button opens it.
  const file = h('input', {
    type: 'file',
    id: 'import-file',
    accept: 'application/json,.json',
    hidden: true,
    tabindex: -1,
    'aria-hidden': 'true',
  });
  file.addEventListener('change', () => {
    const f = file.files?.[0];
    file.value = ''; // the same file can be chosen again
    if (f) void importFile(app, f, catalog, status);
  });

  const root = shell(
    app,
    { name: 'results', heading: t('results.heading'), back: { name: 'title' } },
    table,
    h(
      'div',
      { class: 'results__io' },
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn--secondary',
          onclick: () => app.exportResults(),
          disabled: attempts.length === 0,
        },
        t('results.exportAll'),
      ),
      h('button', { type: 'button', class: 'btn btn--secondary', onclick: () => file.click() }, t('results.import')),
      file,
    ),
    status,
  );
  return { root, title: t('results.heading') };
}

/**
 * Imports a results file: every new attempt is replayed by the core and marked again (a few
 * at a time, so the page stays responsive), then stored in one transaction; the student is
 * told exactly what was stored, what was left out and why — and nothing when nothing was.
 */
async function importFile(app: App, f: File, catalog: CatalogEntry[], status: HTMLElement): Promise<void> {
  const t = app.t;
  if (f.size > MAX_IMPORT_CHARS) return app.toast(t('storage.import.tooLarge'), 'warning');
  status.textContent = t('storage.import.reading');
  const read = readResultsFile(await f.text());
  if (!read.ok) {
    status.textContent = '';
    const key =
      read.problem === 'too-new'
        ? 'results.importTooNew'
        : read.problem === 'too-large'
          ? 'storage.import.tooLarge'
          : 'results.importFailed';
    return app.toast(t(key), 'warning');
  }
  const refs = await app.services.referentials();
  const packs = refs?.packs ?? [];
  const library = new Map<string, ReplayableScenario>();
  for (const e of catalog) if (e.ok) library.set(e.id, { index: e.index, hash: e.hash });
  const known = new Set(app.save.attempts.map((a) => a.id));
  const toStore: Attempt[] = [];
  let alreadyHere = 0;
  for (let i = 0; i < read.attempts.length; i += 10) {
    status.textContent = t('storage.import.checking', { done: i, total: read.attempts.length });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const plan = planImport(read.attempts.slice(i, i + 10), known, (a) =>
      verifyAttempt(library.get(a.scenarioId), a, packs),
    );
    toStore.push(...plan.toStore);
    alreadyHere += plan.known;
  }
  const result = await app.services.store.addAttempts(toStore, MAX_ATTEMPTS);
  status.textContent = '';
  if (!result.ok) return app.toast(t(`storage.import.notStored.${result.reason}`), 'warning');
  app.addStored(result.stored);
  const report = importReport(result.stored, {
    known: alreadyHere + read.repeated + result.known,
    invalid: read.invalid,
    full: result.full,
  });
  app.toast(importMessage(report, t), report.skipped.full > 0 ? 'warning' : 'info');
  void app.show({ name: 'results' });
}

function importMessage(report: ImportReport, t: TFunction): string {
  const parts = [t('storage.import.stored', { count: report.stored })];
  const unverified = Object.entries(report.unverified).filter(([, n]) => n > 0);
  if (unverified.length) {
    const n = unverified.reduce((sum, [, k]) => sum + k, 0);
    const reasons = unverified.map(([reason, k]) => `${t(`storage.unverified.${reason}`)} (${k})`).join(', ');
    parts.push(t('storage.import.unverified', { count: n, reasons }));
  }
  const skipped = (['known', 'invalid', 'full'] as const).filter((k) => report.skipped[k] > 0);
  if (skipped.length) {
    const n = skipped.reduce((sum, k) => sum + report.skipped[k], 0);
    const reasons = skipped.map((k) =>
      t(`storage.import.reason.${k}`, { count: report.skipped[k], max: MAX_ATTEMPTS }),
    );
    parts.push(t('storage.import.skipped', { count: n, reasons: reasons.join(', ') }));
  }
  return parts.join(' ');
}

/** One past attempt: when, which scenario, its mark (and how far to trust it), its ending, and what to do with it. */
function attemptRow(
  app: App,
  a: Attempt,
  titleOf: (scenarioId: string) => string,
  endingOf: (scenarioId: string, endingId: string) => string,
): HTMLElement {
  const t = app.t;
  const lang = app.lang;

  const date = formats(lang).dateTime(a.endedAt);
  const mark = a.marks[a.pack];
  const markCell = a.unverified
    ? `${t('storage.unverified.label')} (${t(`storage.unverified.${a.unverified}`)})`
    : mark === undefined
      ? '—'
      : `${formats(lang).mark(mark)} (${a.pack.toUpperCase()})${isStale(a) ? ` · ${t('results.formerScale')}` : ''}`;
  return h(
    'tr',
    {},
    h('td', {}, date),
    h('th', { scope: 'row' }, titleOf(a.scenarioId)),
    h(
      'td',
      {},
      markCell,
      a.exam?.simMs !== undefined
        ? h(
            'span',
            { class: 'results__exam', 'data-testid': 'exam-time' },
            ` · ${t('exam.resultTime', { time: durationText(t, a.exam.simMs) })}`,
          )
        : null,
    ),
    h('td', {}, endingOf(a.scenarioId, a.endingId)),
    h(
      'td',
      { class: 'results__actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn--secondary btn--small',
          'aria-label': t('results.openLabel', { date }),
          onclick: () => void app.show({ name: 'debrief', attemptId: a.id }),
        },
        t('results.open'),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn--secondary btn--small',
          'aria-label': t('results.replayLabel', { title: titleOf(a.scenarioId) }),
          onclick: () => void app.show({ name: 'briefing', scenarioId: a.scenarioId, seed: a.seed }),
        },
        t('results.replay'),
      ),
    ),
  );
}
