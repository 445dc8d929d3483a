import type { TFunction } from 'i18next';
import type { Settings } from '../../core/save/index.ts';
import { h } from '../dom/h.ts';
import type { RecordingStore } from '../../adapters/voice/recordings.ts';
import { voiceServices } from './voice-services.ts';

type Select = (
  id: string,
  key: 'spokenAnswers',
  label: string,
  options: [Settings['spokenAnswers'], string][],
) => HTMLElement;

/**
 * The settings' « Réponses à voix haute » group: when to say answers aloud, where the
 * recordings are, how many this browser keeps, and one button to delete them all.
 */
export function spokenSettings(opts: {
  t: TFunction;
  select: Select;
  toast: (message: string) => void;
  recordings?: RecordingStore;
}): HTMLElement {
  const { t } = opts;
  const store = opts.recordings ?? voiceServices().recordings;
  const count = h('p', { class: 'hint', 'data-testid': 'recordings-count', role: 'status' });
  const clear = h('button', { type: 'button', class: 'btn btn--secondary', disabled: true }, t('spoken.deleteAll'));
  const show = (n: number) => {
    count.textContent = t('spoken.stored', { count: n });
    clear.disabled = n === 0;
  };
  store.count().then(show, () => show(0));
  clear.addEventListener('click', () => {
    void store.clear().then((n) => {
      show(0);
      opts.toast(t('spoken.deleted', { count: n }));
    });
  });
  return h(
    'fieldset',
    { class: 'settings__group' },
    h('legend', {}, t('spoken.setting')),
    opts.select('spoken-answers', 'spokenAnswers', t('spoken.setting'), [
      ['exam', t('spoken.settingExam')],
      ['always', t('spoken.settingAlways')],
      ['off', t('spoken.settingOff')],
    ]),
    h('p', { class: 'hint' }, t('spoken.settingHint')),
    count,
    clear,
  );
}
