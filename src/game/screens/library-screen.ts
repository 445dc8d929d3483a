import { refreshStaleMarks } from '../app/stale-marks.ts';
import type { App } from '../app/app.ts';
import type { Screen } from '../app/routes.ts';
import { h, replace } from '../dom/h.ts';
import type { ReferentialPack } from '../../core/referentials/formats.ts';
import { diagnosticMessage, diagnosticPlace } from '../../present/diagnostics.ts';
import { formats } from '../../present/format.ts';
import { packShortName } from '../../present/packs.ts';
import { pickText } from '../../core/scenario/text.ts';
import type { CatalogEntry } from '../catalog/scenario-catalog.ts';
import { classLocks } from '../classroom/locks.ts';
import { shell } from './shell.ts';

type Playable = Extract<CatalogEntry, { ok: true }>;
type Broken = Extract<CatalogEntry, { ok: false }>;

export async function libraryScreen(app: App, notFound?: string): Promise<Screen> {
  const t = app.t;
  const lang = app.lang;
  app.services.stage.showBackdrop();
  const [entries, refs] = await Promise.all([app.services.catalog(), app.services.referentials()]);
  await refreshStaleMarks(app, entries);
  const playable = entries.filter((e): e is Playable => e.ok);
  const broken = entries.filter((e): e is Broken => !e.ok);

  const sectors = [...new Set(playable.map((e) => pickText(e.scenario.meta.sector, lang)))].sort((a, b) =>
    a.localeCompare(b, lang),
  );
  const sectorSelect = h(
    'select',
    { id: 'filter-sector' },
    h('option', { value: '' }, t('library.all')),
    ...sectors.map((s) => h('option', { value: s }, s)),
  );
  const difficultySelect = h(
    'select',
    { id: 'filter-difficulty' },
    h('option', { value: '' }, t('library.all')),
    ...[1, 2, 3].map((d) => h('option', { value: String(d) }, t(`difficulty.${d}`))),
  );
  const count = h('p', { class: 'library__count', role: 'status' });
  const list = h('ul', { class: 'cards', role: 'list' });

  const render = () => {
    const sector = sectorSelect.value;
    const difficulty = Number(difficultySelect.value) || 0;
    const shown = playable.filter(
      (e) =>
        (!sector || pickText(e.scenario.meta.sector, lang) === sector) &&
        (!difficulty || e.scenario.meta.difficulty === difficulty),
    );
    count.textContent = t('library.count', { count: shown.length });
    replace(
      list,
      ...shown.map((e) => h('li', {}, card(app, e, refs?.packs ?? []))),
      // Broken files are always listed: a teacher must see why their scenario is missing.
      ...broken.map((e) => h('li', {}, brokenCard(app, e))),
    );
    if (shown.length === 0) list.prepend(h('li', { class: 'cards__empty' }, t('library.empty')));
  };
  sectorSelect.addEventListener('change', render);
  difficultySelect.addEventListener('change', render);
  render();

  const root = shell(
    app,
    { name: 'library', heading: t('library.heading'), back: { name: 'title' } },
    notFound
      ? h('p', { class: 'notice notice--warning', role: 'alert' }, t('library.notFound', { id: notFound }))
      : null,
    h(
      'form',
      { class: 'filters', 'aria-label': t('library.filters'), onsubmit: (e: Event) => e.preventDefault() },
      h('div', { class: 'field' }, h('label', { for: 'filter-sector' }, t('library.sector')), sectorSelect),
      h('div', { class: 'field' }, h('label', { for: 'filter-difficulty' }, t('library.difficulty')), difficultySelect),
      count,
    ),
    list,
  );
  return { root, title: t('library.heading') };
}

function card(app: App, e: Playable, packs: readonly ReferentialPack[]): HTMLElement {
  const t = app.t;
  const lang = app.lang;
  const m = e.scenario.meta;
  const title = pickText(m.title, lang);
  const best = app.save.best[m.id] ?? {};
  const headingId = `card-${m.id}`;
  return h(
    'article',
    { class: 'card', 'aria-labelledby': headingId, 'data-scenario': m.id },
    h('h2', { id: headingId, class: 'card__title' }, title),
    h(
      'p',
      { class: 'card__meta' },
      h('span', { class: 'tag' }, pickText(m.sector, lang)),
      h('span', { class: 'tag' }, t(`job.${m.jobFamily}`)),
      h('span', { class: 'tag' }, t('library.minutes', { count: m.estimatedMinutes })),
    ),
    h(
      'p',
      { class: 'card__difficulty' },
      h('span', { class: 'stars', 'aria-hidden': 'true' }, '★'.repeat(m.difficulty) + '☆'.repeat(3 - m.difficulty)),
      ' ',
      t('difficulty.label', { level: t(`difficulty.${m.difficulty}`) }),
    ),
    h('p', { class: 'card__summary' }, pickText(m.summary, lang)),
    h(
      'ul',
      { class: 'card__best' },
      ...packs.map((pack) => {
        const mark = best[pack.id];
        const name = packShortName(pack);
        return h(
          'li',
          {},
          mark !== undefined
            ? t('library.best', { pack: name, mark: formats(lang).mark(mark) })
            : t('library.notPlayedUnder', { pack: name }),
        );
      }),
    ),
    ...playButtons(app, m.id, headingId),
  );
}

/**
 * « Préparer la visite » and « Répétition d'épreuve »; for a scenario of a class whose mode is
 * exam, the rehearsal alone, as the class's way to play it (docs/exam.md).
 */
function playButtons(app: App, id: string, headingId: string): HTMLElement[] {
  const t = app.t;
  const locks = classLocks();
  const examOnly = locks?.mode === 'exam' && locks.scenarios.includes(id);
  const rehearse = h(
    'button',
    {
      type: 'button',
      class: `btn ${examOnly ? 'btn--primary' : 'btn--secondary'}`,
      'aria-describedby': headingId,
      'data-action': 'exam',
      onclick: () => void app.show({ name: 'exam', scenarioId: id }),
    },
    t('exam.open'),
  );
  if (examOnly) return [h('p', { class: 'hint' }, t('exam.classWay')), rehearse];
  const prepare = h(
    'button',
    {
      type: 'button',
      class: 'btn btn--primary',
      'aria-describedby': headingId,
      onclick: () => void app.show({ name: 'briefing', scenarioId: id }),
    },
    t('library.open'),
  );
  return [prepare, rehearse];
}

function brokenCard(app: App, e: Broken): HTMLElement {
  const t = app.t;
  const i18n = app.services.i18n;
  const shown = e.diagnostics.slice(0, 3);
  // A valid scenario a student could not finish (its title is known) says so, not "unreadable".
  const heading = e.title ? t('libraryUnplayable.heading') : t('library.broken');
  return h(
    'article',
    { class: 'card card--broken', 'aria-label': heading, 'data-scenario': e.id },
    h('h2', { class: 'card__title' }, h('span', { 'aria-hidden': 'true' }, '⚠ '), heading),
    e.title
      ? h('p', { class: 'card__summary' }, t('libraryUnplayable.title', { title: pickText(e.title, app.lang) }))
      : null,
    e.title ? h('p', {}, t('libraryUnplayable.why')) : null,
    h('p', { class: 'card__file' }, t('library.brokenFile', { file: e.file.replace(/^\//, '') })),
    h(
      'ul',
      { class: 'card__errors' },
      ...shown.map((d) =>
        h(
          'li',
          {},
          h('code', {}, d.code),
          ' ',
          d.path ? h('code', {}, diagnosticPlace(d)) : null,
          ' ',
          diagnosticMessage(d, i18n.t, app.lang),
        ),
      ),
    ),
    e.diagnostics.length > shown.length
      ? h('p', {}, t('library.brokenMore', { count: e.diagnostics.length - shown.length }))
      : null,
  );
}
