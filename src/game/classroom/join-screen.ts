import type { App } from '../app/app.ts';
import type { Screen } from '../app/routes.ts';
import { h, replace } from '../dom/h.ts';
import { pickText } from '../../core/scenario/text.ts';
import { shell } from '../screens/shell.ts';
import type { ClassSync } from './class-sync.ts';
import { classroom } from './index.ts';

/**
 * « Rejoindre une classe »: a code and a pseudonym (no account, no personal data), then the
 * class's visits, what is still waiting to be sent, and a way to leave the class.
 */
export async function joinScreen(app: App, code?: string): Promise<Screen> {
  const t = app.t;
  app.services.stage.showBackdrop();
  const sync = classroom();
  const catalog = await app.services.catalog();
  const titleOf = (id: string) => {
    const e = catalog.find((c) => c.id === id);
    return e?.ok ? pickText(e.scenario.meta.title, app.lang) : id;
  };
  const disposers: (() => void)[] = [];
  const joinedHere = sync.current && (!code || code.toUpperCase() === sync.current.session.code);
  const body = h('div', { class: 'classroom' });
  if (joinedHere) replace(body, ...classPanel(app, sync, titleOf, disposers));
  else replace(body, joinForm(app, sync, code));
  const root = shell(
    app,
    { name: 'classroom', heading: joinedHere ? t('classroom.mine') : t('classroom.heading'), back: { name: 'title' } },
    body,
  );
  return { root, title: t('classroom.heading'), dispose: () => disposers.forEach((d) => d()) };
}

function joinForm(app: App, sync: ClassSync, code: string | undefined): HTMLElement {
  const t = app.t;
  const input = (id: string, max: number, value: string) =>
    h('input', {
      id,
      type: 'text',
      autocomplete: 'off',
      maxlength: max,
      required: true,
      'aria-describedby': `${id}-hint`,
      value,
    });
  const codeInput = input('class-code', 12, code ?? '');
  codeInput.setAttribute('autocapitalize', 'characters');
  const nameInput = input('class-pseudonym', 40, sync.current?.pseudonym ?? '');
  const problem = h('p', { class: 'notice notice--warning', role: 'alert', tabindex: -1 });
  problem.hidden = true;
  const form = h(
    'form',
    { class: 'panel classroom__form' },
    h('label', { for: 'class-code' }, t('classroom.code')),
    h('p', { id: 'class-code-hint', class: 'hint' }, t('classroom.codeHint')),
    codeInput,
    h('label', { for: 'class-pseudonym' }, t('classroom.pseudonym')),
    h('p', { id: 'class-pseudonym-hint', class: 'hint' }, t('classroom.pseudonymHint')),
    nameInput,
    problem,
    h('button', { type: 'submit', class: 'btn btn--primary' }, t('classroom.join')),
    h('p', {}, h('a', { href: './teacher.html#/privacy' }, t('classroom.privacy'))),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void sync.join(codeInput.value.replace(/[\s-]/g, '').toUpperCase(), nameInput.value).then((r) => {
      if (r.ok) return void app.show({ name: 'classroom' });
      problem.hidden = false;
      problem.textContent = t(`classroom.errors.${r.code}`, {
        defaultValue: t('classroom.errors.unknown', { code: r.code }),
      });
      problem.focus();
    });
  });
  return form;
}

function classPanel(
  app: App,
  sync: ClassSync,
  titleOf: (id: string) => string,
  disposers: (() => void)[],
): (HTMLElement | string)[] {
  const t = app.t;
  const state = sync.current;
  if (!state) return [];
  const pending = h('p', { class: 'classroom__pending', 'data-testid': 'class-pending', 'aria-live': 'polite' });
  const update = () => {
    pending.textContent = sync.pending ? t('classroom.pending', { count: sync.pending }) : t('classroom.allSent');
  };
  update();
  disposers.push(sync.onChange(update));
  let armed = false;
  const leave = h('button', { type: 'button', class: 'btn btn--ghost' }, t('classroom.leave'));
  leave.addEventListener('click', () => {
    if (!armed) {
      armed = true;
      leave.textContent = t('classroom.leaveConfirm');
      return;
    }
    sync.leave();
    void app.show({ name: 'classroom' });
  });
  const visits = state.session.scenarios.map((id) =>
    h(
      'li',
      { 'data-scenario': id },
      h('span', {}, titleOf(id)),
      ' ',
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn--primary',
          // An exam class plays its scenarios as the exam is sat: the rehearsal (docs/exam.md).
          onclick: () =>
            void app.show(
              state.session.mode === 'exam' ? { name: 'exam', scenarioId: id } : { name: 'briefing', scenarioId: id },
            ),
        },
        t(state.session.mode === 'exam' ? 'exam.open' : 'classroom.play'),
      ),
    ),
  );
  return [
    h('p', { 'data-testid': 'class-title' }, t('classroom.joined', { title: state.session.title })),
    h('p', {}, t('classroom.you', { pseudonym: state.pseudonym })),
    h(
      'p',
      { class: 'hint' },
      t('classroom.locked', {
        referential: state.session.referential.toUpperCase(),
        mode: t(`classroom.modes.${state.session.mode}`),
      }),
    ),
    h('h2', {}, t('classroom.scenarios')),
    h('ul', { class: 'classroom__scenarios' }, ...visits),
    pending,
    h(
      'button',
      { type: 'button', class: 'btn btn--secondary', onclick: () => void sync.flush() },
      t('classroom.sendNow'),
    ),
    ' ',
    leave,
  ];
}
