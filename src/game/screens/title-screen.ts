import type { App } from '../app/app.ts';
import type { Screen } from '../app/routes.ts';
import { h } from '../dom/h.ts';
import { pickText } from '../../core/scenario/text.ts';
import { UI_LANGUAGES } from '../../i18n/languages.ts';
import { diplomaQuestion } from './title/diploma-question.ts';

export function titleScreen(app: App): Screen {
  const t = app.t;
  app.services.stage.showBackdrop();
  app.services.audio.ambience(null);
  const current = app.save.current;
  const continueDetail = current ? visitInProgressName(app, current.scenarioId) : null;
  const diploma = app.save.settings.pack === null ? diplomaQuestion(app) : null;
  // Until the student says which BTS, a new visit would be marked under a grid they did not pick.
  const startNew = () =>
    app.save.settings.pack === null && diploma ? diploma.focus() : void app.show({ name: 'library' });
  const menu = h(
    'div',
    { class: 'title__menu' },
    current
      ? h(
          'button',
          {
            type: 'button',
            class: 'btn btn--primary btn--big',
            onclick: () => void app.show({ name: 'visit', resume: true }),
          },
          h('span', {}, t('title.continue')),
          continueDetail,
        )
      : null,
    h(
      'button',
      {
        type: 'button',
        class: `btn ${current ? 'btn--secondary' : 'btn--primary'} btn--big`,
        onclick: startNew,
      },
      t('title.new'),
    ),
    h(
      'button',
      { type: 'button', class: 'btn btn--secondary btn--big', onclick: () => void app.show({ name: 'results' }) },
      t('title.results'),
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'btn btn--secondary btn--big',
        onclick: () => void app.show({ name: 'settings', back: { name: 'title' } }),
      },
      t('title.settings'),
    ),
    h(
      'button',
      { type: 'button', class: 'btn btn--secondary btn--big', onclick: () => void app.show({ name: 'classroom' }) },
      t('classroom.entry'),
    ),
  );
  const languages = languageSwitch(app);
  const root = h(
    'section',
    { class: 'screen screen--title', 'aria-labelledby': 'title-heading' },
    h(
      'div',
      { class: 'title__card' },
      h(
        'h1',
        { id: 'title-heading', class: 'title__logo' },
        h('span', { class: 'title__logo-mark', 'aria-hidden': 'true' }, '€'),
        'NegoSim',
      ),
      h('p', { class: 'title__tagline' }, t('tagline')),
      diploma?.root ?? null,
      menu,
      languages,
      h('p', { class: 'title__fineprint' }, t('title.disclaimer')),
    ),
  );
  return { root, title: 'NegoSim' };
}

/** The two interface languages, as buttons that say which one is on. */
function languageSwitch(app: App): HTMLElement {
  const t = app.t;
  return h(
    'div',
    { class: 'title__lang', role: 'group', 'aria-label': t('title.language') },
    ...UI_LANGUAGES.map((lang) =>
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn--chip',
          lang,
          'aria-pressed': app.lang === lang ? 'true' : 'false',
          onclick: () => {
            app.update((s) => ({ ...s, settings: { ...s.settings, lang } }));
            void app.setLanguage(lang);
          },
        },
        lang === 'fr' ? 'Français' : 'English',
      ),
    ),
  );
}

/** The title does not wait for the scenarios: the visit's name joins its button once they are read. */
function visitInProgressName(app: App, scenarioId: string): HTMLElement {
  const detail = h('small', { class: 'btn__detail', hidden: true });
  void app.services.catalog().then((entries) => {
    const entry = entries.find((e) => e.id === scenarioId);
    if (!entry?.ok) return;
    detail.textContent = app.t('title.continueDetail', { title: pickText(entry.scenario.meta.title, app.lang) });
    detail.hidden = false;
  });
  return detail;
}
