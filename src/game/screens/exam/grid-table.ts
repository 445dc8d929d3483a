import type { TFunction } from 'i18next';
import type { CompetenceRow } from '../../../present/debrief.ts';
import { h } from '../../dom/h.ts';

/** The jury grid's table: the referential's criteria in rows, its levels in columns, the level reached ticked. */
export function gridTable(rows: CompetenceRow[], levels: string[], t: TFunction): HTMLElement {
  const tick = (rank: number | null, i: number) =>
    rank === i ? h('span', { 'aria-label': t('grid.ticked') }, '✕') : h('span', { 'aria-hidden': 'true' }, '');
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col' }, t('grid.criterion')),
    ...levels.map((l) => h('th', { scope: 'col', class: 'grid__level' }, l)),
  );
  const row = (r: CompetenceRow) =>
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
    );
  return h(
    'table',
    { class: 'grid__table', 'data-testid': 'grid-criteria' },
    h('thead', {}, head),
    h('tbody', {}, ...rows.map(row)),
  );
}
