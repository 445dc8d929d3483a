import type { App } from '../app/app.ts';
import type { Route, Screen } from '../app/routes.ts';
import { h } from '../dom/h.ts';
import { withSettings, type Settings } from '../../core/save/index.ts';
import { languageFromLocale } from '../../i18n/languages.ts';
import { packShortName } from '../../present/packs.ts';
import { shell } from './shell.ts';
import { settingsFields } from './settings/settings-fields.ts';
import { spokenSettings } from '../voice/spoken-settings.ts';

/** Language, sound, text size, motion, reading aloud, mode and referential: applied at once and saved. */
export async function settingsScreen(app: App, back: Route): Promise<Screen> {
  const t = app.t;
  const refs = await app.services.referentials();
  const packs = refs?.packs ?? [];
  const s = app.save.settings;
  const set = (patch: Partial<Settings>) => {
    app.update((save) => withSettings(save, patch));
    app.applySettings();
  };

  const { select, checkbox, volume } = settingsFields(app, s, set);

  const group = (title: string, ...children: HTMLElement[]) =>
    h('fieldset', { class: 'settings__group' }, h('legend', {}, title), ...children);
  const root = shell(
    app,
    { name: 'settings', heading: t('settings.heading'), back },
    h(
      'form',
      { class: 'settings', onsubmit: (e: Event) => e.preventDefault() },
      group(
        t('settings.language'),
        select(
          'lang',
          'lang',
          t('settings.language'),
          [
            [null, t('settings.languageAuto')],
            ['fr', 'Français'],
            ['en', 'English'],
          ],
          (v) => {
            void app.setLanguage(v ?? languageFromLocale(navigator.language));
          },
        ),
      ),
      group(
        t('settings.sound'),
        h('div', { class: 'field' }, h('label', { for: 'volume' }, t('settings.volume')), volume),
        checkbox('muted', 'muted', t('settings.mute')),
      ),
      group(
        t('settings.display'),
        select('text-size', 'textSize', t('settings.textSize'), [
          ['normal', t('settings.textNormal')],
          ['large', t('settings.textLarge')],
          ['x-large', t('settings.textXLarge')],
        ]),
        select('motion', 'reducedMotion', t('settings.motion'), [
          ['system', t('settings.motionSystem')],
          ['on', t('settings.motionOn')],
          ['off', t('settings.motionOff')],
        ]),
        select('low-graphics', 'lowGraphics', t('graphics.label'), [
          ['auto', t('graphics.auto')],
          ['on', t('graphics.on')],
          ['off', t('graphics.off')],
        ]),
        h('p', { class: 'hint' }, t('graphics.hint')),
        checkbox('read-aloud', 'readAloud', t('settings.readAloud'), !app.services.speech.available),
        app.services.speech.available ? h('span') : h('p', { class: 'hint' }, t('settings.readAloudNoVoice')),
      ),
      group(
        t('settings.play'),
        select('mode', 'mode', t('settings.mode'), [
          ['assisted', t('briefing.modeAssisted')],
          ['exam', t('briefing.modeExam')],
        ]),
        select('pack', 'pack', t('settings.pack'), [
          // Not answered yet (the title asks): say so rather than show the first pack as chosen.
          ...(s.pack === null ? [[null, t('settings.packUnset')] as [null, string]] : []),
          ...packs.map((p): [string, string] => [p.id, t('settings.packName', { name: packShortName(p) })]),
        ]),
      ),
      spokenSettings({ t, select, toast: (message) => app.toast(message) }),
      app.services.store.failing ? h('p', { class: 'notice notice--warning' }, t('settings.storageOff')) : h('span'),
    ),
  );
  return { root, title: t('settings.heading') };
}
