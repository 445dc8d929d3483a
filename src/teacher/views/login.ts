import { h } from '../../game/dom/h.ts';
import { api } from '../api.ts';
import { errorText, type TeacherContext } from '../context.ts';
import { alertBox, field } from './forms.ts';

export function loginView(ctx: TeacherContext, account: boolean): HTMLElement {
  const { t } = ctx;
  if (!account)
    return h('section', {}, h('h1', {}, t('login.heading')), h('p', { class: 'notice' }, t('login.noAccount')));
  const password = h('input', { type: 'password', autocomplete: 'current-password', required: true });
  const problem = alertBox();
  const form = h(
    'form',
    { class: 'card form' },
    field(t('login.password'), password),
    problem,
    h('button', { type: 'submit', class: 'btn btn--primary' }, t('login.submit')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    api('/api/teacher/login', { method: 'POST', body: { password: password.value } })
      .then(() => ctx.go('#/'))
      .catch((error: unknown) => (problem.textContent = errorText(t, error)));
  });
  return h('section', {}, h('h1', {}, t('login.heading')), form);
}
