import { h } from '../../game/dom/h.ts';
import { api } from '../api.ts';
import { errorText, type TeacherContext } from '../context.ts';
import { alertBox, field } from './forms.ts';

/** The one-time link: the teacher chooses the password of this server's teacher space. */
export function setupView(ctx: TeacherContext, token: string): HTMLElement {
  const { t } = ctx;
  const password = h('input', { type: 'password', autocomplete: 'new-password', minlength: 10, required: true });
  const confirm = h('input', { type: 'password', autocomplete: 'new-password', minlength: 10, required: true });
  const problem = alertBox();
  const form = h(
    'form',
    { class: 'card form' },
    field(t('setup.password'), password),
    field(t('setup.confirm'), confirm),
    problem,
    h('button', { type: 'submit', class: 'btn btn--primary' }, t('setup.submit')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (password.value.length < 10) return void (problem.textContent = t('setup.tooShort'));
    if (password.value !== confirm.value) return void (problem.textContent = t('setup.mismatch'));
    api('/api/teacher/setup', { method: 'POST', body: { token, password: password.value } })
      .then(() => {
        // The link is spent: take it out of the address bar and the history.
        history.replaceState(null, '', '#/');
        ctx.go('#/');
      })
      .catch((error: unknown) => (problem.textContent = errorText(t, error)));
  });
  return h('section', {}, h('h1', {}, t('setup.heading')), h('p', {}, t('setup.intro')), form);
}
