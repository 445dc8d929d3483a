import type { App } from '../app/app.ts';
import type { Route, Screen } from '../app/routes.ts';
import { h } from '../dom/h.ts';
import { withSettings, type Settings } from '../../core/save/index.ts';
import { languageFromLocale } from '../../i18n/languages.ts';
import { packShortName } from '../../present/packs.ts';
import { shell } from './shell.ts';

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

  const select = <K extends keyof Settings>(
    id: string,
    key: K,
    label: string,
    options: [Settings[K], string][],
    after?: (v: Settings[K]) => void,
  ) => {
    const el = h(
      'select',
      { id },
      ...options.map(([v, text]) => h('option', { value: String(v), selected: s[key] === v }, text)),
    );
    el.addEventListener('change', () => {
      const v = options.find(([o]) => String(o) === el.value)?.[0];
      if (v === undefined) return;
      set({ [key]: v });
      after?.(v);
    });
    return h('div', { class: 'field' }, h('label', { for: id }, label), el);
  };
  const checkbox = (id: string, key: 'muted' | 'readAloud', label: string, disabled = false) =>
    h(
      'div',
      { class: 'field field--check' },
      h('input', {
        id,
        type: 'checkbox',
        checked: s[key],
        disabled,
        onchange: (e: Event) => set({ [key]: (e.target as HTMLInputElement).checked }),
      }),
      h('label', { for: id }, label),
    );

  const volume = h('input', {
    id: 'volume',
    type: 'range',
    min: 0,
    max: 100,
    step: 5,
    value: Math.round(s.volume * 100),
    'aria-valuetext': `${Math.round(s.volume * 100)} %`,
  });
  volume.addEventListener('input', () => {
    volume.setAttribute('aria-valuetext', `${volume.value} %`);
    set({ volume: Number(volume.value) / 100 });
  });
  volume.addEventListener('change', () => app.services.audio.play('ui-select'));

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
      app.services.store.failing ? h('p', { class: 'notice notice--warning' }, t('settings.storageOff')) : h('span'),
    ),
  );
  return { root, title: t('settings.heading') };
}
