import './teacher.css';
import { h, replace } from '../game/dom/h.ts';
import { api } from './api.ts';
import { errorText, type TeacherContext } from './context.ts';
import { teacherI18n, type TeacherLang } from './i18n.ts';

/**
 * The teacher pages: one page, routes in the URL's hash. `#setup=<token>` is the one-time link
 * the server prints (a hash never reaches server logs); `#/privacy` is readable by anyone.
 * Every authored or student string is set as text, never parsed as markup.
 */
const stored = localStorage.getItem('negosim.teacher.lang');
const lang: TeacherLang =
  stored === 'en' || stored === 'fr' ? stored : navigator.language.toLowerCase().startsWith('en') ? 'en' : 'fr';
const t = teacherI18n(lang);
document.documentElement.lang = lang;
document.title = t('app.title');

const main = document.getElementById('main') as HTMLElement;
const bar = document.getElementById('bar') as HTMLElement;
const statusBox = document.getElementById('status') as HTMLElement;
const skip = document.querySelector<HTMLAnchorElement>('.skip');
if (skip) skip.textContent = t('app.skip');

let cleanups: (() => void)[] = [];
const ctx: TeacherContext = {
  t,
  lang,
  main,
  go: (hash) => {
    if (location.hash === hash) void route();
    else location.hash = hash;
  },
  status: (message) => {
    statusBox.textContent = message;
  },
  onLeave: (cleanup) => cleanups.push(cleanup),
};

function drawBar(signedIn: boolean): void {
  const languages = (['fr', 'en'] as const).map((l) =>
    h(
      'button',
      {
        type: 'button',
        class: 'chip',
        lang: l,
        'aria-pressed': l === lang ? 'true' : 'false',
        onclick: () => {
          localStorage.setItem('negosim.teacher.lang', l);
          location.reload();
        },
      },
      l === 'fr' ? 'Français' : 'English',
    ),
  );
  replace(
    bar,
    h('p', { class: 'teacher__brand' }, t('app.title')),
    h(
      'nav',
      { 'aria-label': t('app.title') },
      signedIn ? h('a', { href: '#/' }, t('nav.sessions')) : null,
      h('a', { href: '#/privacy' }, t('nav.privacy')),
      signedIn
        ? h(
            'button',
            {
              type: 'button',
              class: 'link',
              onclick: () => void api('/api/teacher/logout', { method: 'POST', body: {} }).then(() => ctx.go('#/')),
            },
            t('nav.logout'),
          )
        : null,
      h('span', { role: 'group', 'aria-label': t('app.language') }, ...languages),
    ),
  );
}

async function route(): Promise<void> {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
  document.body.classList.remove('projecting');
  const hash = location.hash;
  try {
    const status = await api<{ account: boolean; signedIn: boolean }>('/api/teacher/status');
    drawBar(status.signedIn);
    if (hash.startsWith('#setup=')) {
      const { setupView } = await import('./views/setup.ts');
      return show(setupView(ctx, decodeURIComponent(hash.slice('#setup='.length))));
    }
    if (hash === '#/privacy') return show((await import('./views/privacy.ts')).privacyView(ctx));
    if (!status.signedIn) return show((await import('./views/login.ts')).loginView(ctx, status.account));
    const attempt = /^#\/session\/([^/]+)\/student\/([^/]+)\/attempt\/(.+)$/.exec(hash);
    if (attempt) {
      const { debriefView } = await import('./views/debrief.ts');
      const [, code, student, id] = attempt.map((p) => decodeURIComponent(p ?? ''));
      return show(await debriefView(ctx, code ?? '', student ?? '', id ?? ''));
    }
    const session = /^#\/session\/([^/]+)$/.exec(hash);
    if (session) {
      const { sessionView } = await import('./views/session.ts');
      return show(await sessionView(ctx, decodeURIComponent(session[1] ?? '')));
    }
    return show(await (await import('./views/sessions.ts')).sessionsView(ctx));
  } catch (error) {
    show(h('section', {}, h('h1', {}, t('app.title')), h('p', { class: 'error', role: 'alert' }, errorText(t, error))));
  }
}

function show(view: HTMLElement): void {
  main.replaceChildren(view);
  const heading = view.querySelector<HTMLElement>('h1');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
  document.body.dataset.ready = 'true';
}

window.addEventListener('hashchange', () => void route());
void route();
