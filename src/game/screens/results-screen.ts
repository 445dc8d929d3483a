import type { App } from '../app/app.ts';
import type { Screen } from '../app/routes.ts';
import { h } from '../dom/h.ts';
import { formats } from '../../present/format.ts';
import { pickText } from '../../core/scenario/text.ts';
import { exportResults, importResults } from '../../core/save/index.ts';
import { shell } from './shell.ts';

/** Every past attempt: reopen its debrief, play it again, export or import them all. */
export async function resultsScreen(app: App): Promise<Screen> {
  const t = app.t;
  const lang = app.lang;
  app.services.stage.showBackdrop();
  const catalog = await app.services.catalog();
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
          h(
            'tbody',
            {},
            ...attempts.map((a) => {
              const date = formats(lang).dateTime(a.endedAt);
              const mark = a.marks[a.pack];
              return h(
                'tr',
                {},
                h('td', {}, date),
                h('th', { scope: 'row' }, titleOf(a.scenarioId)),
                h('td', {}, mark === undefined ? '—' : `${formats(lang).mark(mark)} (${a.pack.toUpperCase()})`),
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
            }),
          ),
        ),
      )
    : h('p', { class: 'notice' }, t('results.empty'));

  const download = () => {
    const url = URL.createObjectURL(
      new Blob([JSON.stringify(exportResults(app.save, app.services.clock.now()), null, 2)], {
        type: 'application/json',
      }),
    );
    const a = h('a', { href: url, download: 'negosim-resultats.json' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
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
    if (!f) return;
    void f.text().then((text) => {
      const outcome = importResults(app.save, text);
      if (!outcome.ok) {
        app.toast(t(outcome.problem === 'too-new' ? 'results.importTooNew' : 'results.importFailed'), 'warning');
        return;
      }
      app.update(() => outcome.save);
      app.toast(t('results.imported', { added: outcome.added, skipped: outcome.skipped }));
      void app.show({ name: 'results' });
    });
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
        { type: 'button', class: 'btn btn--secondary', onclick: download, disabled: attempts.length === 0 },
        t('results.exportAll'),
      ),
      h('button', { type: 'button', class: 'btn btn--secondary', onclick: () => file.click() }, t('results.import')),
      file,
    ),
  );
  return { root, title: t('results.heading') };
}
