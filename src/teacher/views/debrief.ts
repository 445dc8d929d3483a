import { h, replace } from '../../game/dom/h.ts';
import { api } from '../api.ts';
import { errorText, type TeacherContext } from '../context.ts';
import { formatNumber } from '../i18n.ts';
import type { DebriefData, MotiveRow } from '../types.ts';
import { alertBox, field } from './forms.ts';

/**
 * One student's visit, rebuilt by the server from its log: the marks (the automatic one is a
 * proposal), each competence with the level the teacher keeps, a comment, and the timeline.
 */
export async function debriefView(
  ctx: TeacherContext,
  code: string,
  student: string,
  attempt: string,
): Promise<HTMLElement> {
  const url = `/api/sessions/${encodeURIComponent(code)}/students/${encodeURIComponent(student)}/attempts/${encodeURIComponent(attempt)}`;
  const data = await api<DebriefData>(`${url}?lang=${ctx.lang}`);
  const root = h('section', { class: 'debrief' });
  draw(ctx, root, data, url, code);
  return root;
}

function draw(ctx: TeacherContext, root: HTMLElement, data: DebriefData, url: string, code: string): void {
  const { t, lang } = ctx;
  const mark = (m: number) => formatNumber(m, lang);
  const form = reviewForm(ctx, root, data, url, code);

  const minutes = Math.max(0, Math.round((data.endedAt - data.startedAt) / 60000));
  const outcome = data.outcome;
  replace(
    root,
    h('p', {}, h('a', { href: `#/session/${code}` }, t('nav.back'))),
    h('h1', {}, t('debrief.heading', { name: data.pseudonym })),
    h('p', {}, t('debrief.scenario', { title: data.scenarioTitle })),
    h('p', {}, t('debrief.ending', { title: data.ending.title }), ' — ', data.ending.summary),
    h('p', {}, t('debrief.duration', { minutes })),
    outcome
      ? h(
          'p',
          {},
          t('debrief.outcome', {
            trust: outcome.trust,
            interest: outcome.interest,
            irritation: outcome.irritation,
            needs: outcome.needsDiscovered,
            total: outcome.needsTotal,
          }),
        )
      : null,
    h(
      'p',
      { class: 'mark', 'data-testid': 'debrief-mark' },
      data.marks.validated && data.marks.mark !== null
        ? t('debrief.validatedMark', { mark: mark(data.marks.mark) })
        : t('debrief.autoMark', { mark: mark(data.marks.auto[data.referential] ?? 0) }),
    ),
    h(
      'p',
      { class: 'hint' },
      t('debrief.marksLine', {
        marks: Object.entries(data.marks.auto)
          .map(([pack, m]) => `${pack.toUpperCase()} ${mark(m)}/20`)
          .join(' · '),
      }),
    ),
    form,
    data.motives ? motivesPart(ctx, data.motives) : null,
    h('h2', {}, t('debrief.timeline')),
    timelineList(ctx, data),
  );
}

/** The competences with the automatic level, the teacher's override and comment; saving redraws the view. */
function reviewForm(ctx: TeacherContext, root: HTMLElement, data: DebriefData, url: string, code: string) {
  const { t, lang } = ctx;
  const selects = new Map<string, HTMLSelectElement>();
  const rows = data.competences.map((c) => {
    const select = h(
      'select',
      { 'aria-label': `${t('debrief.override')} — ${c.code}`, 'data-competence': c.code },
      h('option', { value: '' }, t('debrief.automatic')),
      ...data.levels.map((l) => h('option', { value: l.id, selected: c.overridden && c.level === l.id }, l.label)),
    );
    selects.set(c.code, select);
    const levelLabel = (id: string | null) =>
      id ? (data.levels.find((l) => l.id === id)?.label ?? id) : t('debrief.notAssessed');
    return h(
      'tr',
      {},
      h('th', { scope: 'row' }, `${c.code} — ${c.title}`, c.weighted ? '' : ` ${t('debrief.notMarked')}`),
      h('td', {}, levelLabel(c.auto)),
      h('td', {}, select),
    );
  });
  const comment = h('textarea', { rows: 4, maxlength: 4000 });
  comment.value = data.comment;
  const problem = alertBox();
  const form = h(
    'form',
    { class: 'card form' },
    h(
      'table',
      { class: 'competences' },
      h('caption', {}, t('debrief.competences')),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...[t('debrief.competence'), t('debrief.level'), t('debrief.override')].map((x) =>
            h('th', { scope: 'col' }, x),
          ),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
    field(t('debrief.comment'), comment),
    problem,
    h('button', { type: 'submit', class: 'btn btn--primary' }, t('debrief.save')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const overrides: Record<string, string | null> = {};
    for (const [code, select] of selects) overrides[code] = select.value || null;
    api<DebriefData>(`${url}/review?lang=${lang}`, { method: 'PUT', body: { comment: comment.value, overrides } })
      .then((next) => {
        draw(ctx, root, next, url, code);
        ctx.status(t('debrief.saved'));
      })
      .catch((error: unknown) => (problem.textContent = errorText(t, error)));
  });

  return form;
}

/** Every step of the visit: the phase, how good the answer was, the feedback and the better answer. */
function timelineList(ctx: TeacherContext, data: DebriefData): HTMLElement {
  const { t } = ctx;
  return h(
    'ol',
    { class: 'timeline' },
    ...data.timeline.map((s) =>
      h(
        'li',
        { class: `step step--${s.quality}` },
        h('p', {}, h('strong', {}, `${t(`phases.${s.stage}`)} · ${t(`quality.${s.quality}`)}`), ' — ', s.text),
        s.feedback ? h('p', { class: 'hint' }, s.feedback) : null,
        s.better ? h('p', { class: 'hint' }, s.better) : null,
      ),
    ),
  );
}

/** Found and missed as two headed lists, marked by words and signs, never by colour alone. */
function motivesPart(ctx: TeacherContext, motives: NonNullable<DebriefData['motives']>): HTMLElement {
  const { t } = ctx;
  const list = (rows: MotiveRow[], testId: string) =>
    rows.length
      ? h(
          'ul',
          { 'data-testid': testId },
          ...rows.map((r) =>
            h('li', {}, h('strong', {}, r.label), ` · ${r.detail}`, r.dominant ? ` (${t('debrief.dominant')})` : ''),
          ),
        )
      : h('p', { 'data-testid': testId }, t('debrief.motivesNone'));
  return h(
    'section',
    { 'aria-labelledby': 'motives-heading' },
    h('h2', { id: 'motives-heading' }, t('debrief.motives')),
    h('h3', {}, h('span', { 'aria-hidden': 'true' }, '✓ '), t('debrief.motivesFound')),
    list(motives.found, 'motives-found'),
    h('h3', {}, h('span', { 'aria-hidden': 'true' }, '✗ '), t('debrief.motivesMissed')),
    list(motives.missed, 'motives-missed'),
  );
}
