import { h } from '../../game/dom/h.ts';
import { api } from '../api.ts';
import { errorText, type TeacherContext } from '../context.ts';
import type { Catalog, SessionInfo } from '../types.ts';
import { alertBox, field } from './forms.ts';

/** The teacher's sessions and the form that creates one (title, scenarios, referential, mode, dates). */
export async function sessionsView(ctx: TeacherContext): Promise<HTMLElement> {
  const { t } = ctx;
  const [{ sessions }, catalog] = await Promise.all([
    api<{ sessions: SessionInfo[] }>('/api/sessions'),
    api<Catalog>(`/api/catalog?lang=${ctx.lang}`),
  ]);
  const titleOf = new Map(catalog.scenarios.map((s) => [s.id, s.title]));
  const list = sessions.length
    ? h(
        'ul',
        { class: 'sessions' },
        ...sessions.map((s) =>
          h(
            'li',
            { class: 'card' },
            h('a', { href: `#/session/${s.code}`, 'aria-label': t('sessions.open', { title: s.title }) }, s.title),
            h(
              'p',
              { class: 'hint' },
              t('sessions.summary', {
                code: s.code,
                state: t(`state.${stateOf(s)}`),
                scenarios: s.scenarios.map((id) => titleOf.get(id) ?? id).join(', '),
              }),
            ),
          ),
        ),
      )
    : h('p', {}, t('sessions.empty'));
  return h('section', {}, h('h1', {}, t('sessions.heading')), list, createForm(ctx, catalog));
}

function stateOf(s: SessionInfo): string {
  const now = Date.now();
  if (s.opensAt !== null && now < s.opensAt) return 'not-open';
  if (s.closesAt !== null && now >= s.closesAt) return 'closed';
  return 'open';
}

/**
 * The exam rehearsal's durations for the class, in minutes (docs/exam.md): empty keeps the
 * official 40 and 20 minutes. Sent in seconds.
 */
function examDurations(t: TeacherContext['t']): { element: HTMLElement; value(): Record<string, number | null> } {
  const minutes = (name: string, placeholder: number) =>
    h('input', { type: 'number', min: 1, max: 120, step: 1, name, placeholder, inputmode: 'numeric' });
  const prep = minutes('prepMinutes', 40);
  const sim = minutes('simMinutes', 20);
  const seconds = (input: HTMLInputElement) => {
    const n = Number(input.value);
    return input.value && Number.isInteger(n) ? n * 60 : null;
  };
  return {
    element: h(
      'fieldset',
      {},
      h('legend', {}, t('create.examTimes')),
      h('p', { class: 'hint' }, t('create.examTimesHint')),
      h('div', { class: 'row' }, field(t('create.prepMinutes'), prep), field(t('create.simMinutes'), sim)),
    ),
    value: () => ({ prepSeconds: seconds(prep), simSeconds: seconds(sim) }),
  };
}

function createForm(ctx: TeacherContext, catalog: Catalog): HTMLElement {
  const { t } = ctx;
  const title = h('input', { type: 'text', maxlength: 120, required: true, name: 'title' });
  const boxes = catalog.scenarios.map((s) => h('input', { type: 'checkbox', name: 'scenario', value: s.id }));
  const scenarios = h(
    'fieldset',
    { class: 'checks' },
    h('legend', {}, t('create.scenarios')),
    ...catalog.scenarios.map((s, i) => h('label', { class: 'check' }, boxes[i] ?? null, ' ', s.title)),
  );
  const referential = h(
    'select',
    { name: 'referential' },
    ...catalog.referentials.map((r) => h('option', { value: r.id }, r.title)),
  );
  const modes = (['assisted', 'exam'] as const).map((m, i) =>
    h('input', { type: 'radio', name: 'mode', value: m, checked: i === 0 }),
  );
  const mode = h(
    'fieldset',
    {},
    h('legend', {}, t('create.mode')),
    ...modes.map((input, i) => h('label', { class: 'check' }, input, ' ', t(`modes.${i === 0 ? 'assisted' : 'exam'}`))),
  );
  const opensAt = h('input', { type: 'datetime-local', name: 'opensAt' });
  const closesAt = h('input', { type: 'datetime-local', name: 'closesAt' });
  const retention = h('input', { type: 'number', min: 1, max: 400, value: 30, name: 'retention' });
  const durations = examDurations(t);
  const problem = alertBox();
  const form = h(
    'form',
    { class: 'card form', 'aria-labelledby': 'create-heading' },
    h('h2', { id: 'create-heading' }, t('create.heading')),
    field(t('create.title'), title),
    scenarios,
    field(t('create.referential'), referential, t('create.locked')),
    mode,
    durations.element,
    h('div', { class: 'row' }, field(t('create.opensAt'), opensAt), field(t('create.closesAt'), closesAt)),
    field(t('create.retention'), retention),
    problem,
    h('button', { type: 'submit', class: 'btn btn--primary' }, t('create.submit')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
    if (chosen.length === 0) return void (problem.textContent = t('create.noScenario'));
    const time = (input: HTMLInputElement) => (input.value ? new Date(input.value).getTime() : null);
    api<{ code: string }>('/api/sessions', {
      method: 'POST',
      body: {
        title: title.value,
        scenarios: chosen,
        referential: referential.value,
        mode: modes.find((m) => m.checked)?.value ?? 'assisted',
        opensAt: time(opensAt),
        closesAt: time(closesAt),
        retentionDays: Number(retention.value) || 30,
        ...durations.value(),
      },
    })
      .then(({ code }) => ctx.go(`#/session/${code}`))
      .catch((error: unknown) => (problem.textContent = errorText(t, error)));
  });
  return form;
}
