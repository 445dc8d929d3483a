import { h } from '../../game/dom/h.ts';
import type { TeacherContext } from '../context.ts';

/** What the server stores, in plain words: readable by anyone, signed in or not. */
export function privacyView(ctx: TeacherContext): HTMLElement {
  const { t } = ctx;
  const list = (key: string) =>
    h('ul', {}, ...(t(key, { returnObjects: true }) as unknown as string[]).map((item) => h('li', {}, item)));
  return h(
    'section',
    { class: 'prose' },
    h('h1', {}, t('privacy.heading')),
    h('p', {}, t('privacy.intro')),
    h('h2', {}, t('privacy.stored')),
    list('privacy.storedItems'),
    h('h2', {}, t('privacy.notStored')),
    list('privacy.notStoredItems'),
    h('h2', {}, t('privacy.retention')),
    h('p', {}, t('privacy.retentionText')),
    h('p', { class: 'hint' }, t('privacy.advice')),
  );
}
