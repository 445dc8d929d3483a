import type { App } from '../../app/app.ts';
import { h } from '../../dom/h.ts';
import type { Settings } from '../../../core/save/index.ts';

/**
 * The settings form's controls, each applied and saved as soon as it changes: a labelled select
 * or checkbox bound to one setting, and the volume slider (which says its value in percent to a
 * screen reader and plays a sample when released).
 */
export function settingsFields(app: App, s: Settings, set: (patch: Partial<Settings>) => void) {
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

  return { select, checkbox, volume };
}
