import { h, replace } from '../../game/dom/h.ts';
import type { TeacherContext } from '../context.ts';
import { formatNumber } from '../i18n.ts';
import type { BoardData } from '../types.ts';

/**
 * The live board, made to be projected (1920×1080, read from the back of the room): who is
 * where and with what mark, the class's level per competence as a heat map (the level is
 * written in each cell, colour only repeats it), and per decision point how the class chose.
 */
export function renderBoard(ctx: TeacherContext, root: HTMLElement, data: BoardData): void {
  const { t } = ctx;
  if (data.students.length === 0) return replace(root, h('p', { class: 'notice' }, t('board.waiting')));
  replace(root, studentsTable(ctx, data), heatMap(ctx, data), decisions(ctx, data));
}

function markText(ctx: TeacherContext, mark: number | null, validated: boolean): string {
  if (mark === null) return ctx.t('board.none');
  const value = ctx.t('board.markValue', { mark: formatNumber(mark, ctx.lang) });
  return validated ? ctx.t('board.validated', { mark: value }) : value;
}

function studentsTable(ctx: TeacherContext, data: BoardData): HTMLElement {
  const { t } = ctx;
  return h(
    'table',
    { class: 'board__students', 'data-testid': 'board-students' },
    h('caption', {}, t('board.students')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...[t('board.student'), t('board.scenario'), t('board.phase'), t('board.mark')].map((c) =>
          h('th', { scope: 'col' }, c),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      ...data.students.map((s) => {
        const name = s.latest
          ? h(
              'a',
              {
                href: `#/session/${data.session.code}/student/${s.id}/attempt/${encodeURIComponent(s.latest.attemptId)}`,
                'aria-label': t('board.debriefOf', { name: s.pseudonym }),
              },
              s.pseudonym,
            )
          : s.pseudonym;
        const phase = s.current ? t(`phases.${s.current.phase}`) : s.latest ? t('board.finished') : t('board.none');
        return h(
          'tr',
          { 'data-student': s.pseudonym },
          h('th', { scope: 'row' }, name),
          h('td', {}, s.current?.scenarioTitle ?? s.latest?.scenarioTitle ?? t('board.none')),
          h('td', { 'data-testid': 'phase' }, phase),
          h(
            'td',
            { class: 'num', 'data-testid': 'mark' },
            markText(ctx, s.latest?.mark ?? null, s.latest?.validated ?? false),
          ),
        );
      }),
    ),
  );
}

function heatMap(ctx: TeacherContext, data: BoardData): HTMLElement {
  const { t } = ctx;
  const competences = data.competences.filter((c) => c.weighted);
  const label = new Map(data.levels.map((l) => [l.id, l.label]));
  const cell = (level: string | null | undefined) =>
    h('td', { class: `level level--${level ?? 'none'}` }, level ? (label.get(level) ?? level) : t('board.none'));
  const finished = data.students.filter((s) => s.latest);
  return h(
    'table',
    { class: 'board__heat', 'data-testid': 'heatmap' },
    h('caption', {}, t('board.heatmap')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t('board.student')),
        ...competences.map((c) => h('th', { scope: 'col', title: c.title }, h('abbr', { title: c.title }, c.code))),
      ),
    ),
    h(
      'tbody',
      {},
      ...finished.map((s) =>
        h('tr', {}, h('th', { scope: 'row' }, s.pseudonym), ...competences.map((c) => cell(s.latest?.levels[c.code]))),
      ),
    ),
    h(
      'tfoot',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, t('board.class')),
        ...competences.map((c) => cell(data.classLevels[c.code]?.level)),
      ),
    ),
  );
}

function decisions(ctx: TeacherContext, data: BoardData): HTMLElement {
  const { t } = ctx;
  const quote = (text: string) => t('board.quote', { text });
  const items = data.decisions.map((d) =>
    h(
      'li',
      { class: 'decision', 'data-node': d.nodeId },
      h('h4', {}, t('board.decisionHeading', { scenario: d.scenarioTitle, phase: t(`phases.${d.stage}`) })),
      d.line ? h('p', { class: 'decision__line' }, quote(d.line)) : null,
      h(
        'ul',
        {},
        ...d.choices.map((c) =>
          h(
            'li',
            { class: `pick pick--${c.quality}`, 'data-choice': c.choiceId, 'data-count': c.count },
            h(
              'p',
              {},
              h('strong', { class: 'pick__count' }, t('board.pickCount', { count: c.count, total: d.total })),
              ' — ',
              quote(c.text),
              ' ',
              h('span', { class: 'pick__quality' }, `(${t(`quality.${c.quality}`)})`),
            ),
            h('span', {
              class: 'pick__bar',
              'aria-hidden': 'true',
              style: `width: ${d.total ? Math.round((100 * c.count) / d.total) : 0}%`,
            }),
            c.count > 0 && c.quality !== 'good' && c.feedback
              ? h('p', { class: 'hint' }, t('board.feedback', { text: c.feedback }))
              : null,
            c.count > 0 && c.better ? h('p', { class: 'hint' }, t('board.better', { text: c.better })) : null,
          ),
        ),
      ),
    ),
  );
  return h(
    'section',
    { class: 'board__decisions', 'aria-labelledby': 'decisions-heading' },
    h('h3', { id: 'decisions-heading' }, t('board.decisions')),
    items.length ? h('ol', {}, ...items) : h('p', {}, t('board.noDecision')),
  );
}
