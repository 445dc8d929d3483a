import type { TFunction } from 'i18next';
import type { UiLanguage } from '../../i18n/languages.ts';
import { glossary } from '../../present/glossary.ts';
import { h, replace } from '../dom/h.ts';

let opened = 0;

/**
 * A « Glossaire » button and the modal `<dialog>` it opens: each term with its definition, its
 * formula and a worked example (src/present/glossary.ts, the same text as `negosim glossary`).
 * Escape or « Fermer » closes it and focus goes back to the button. Keys pressed inside it stay
 * inside: a number key must not play a move of the table behind it.
 */
export function glossaryButton(opts: { lang: UiLanguage; t: TFunction; className?: string }): HTMLElement {
  const { lang, t } = opts;
  const id = `glossary-${++opened}`;
  const dialog = h('dialog', { class: 'glossary', 'aria-labelledby': `${id}-title`, 'data-testid': 'glossary' });
  const close = () => {
    if (dialog.open && typeof dialog.close === 'function') dialog.close();
    dialog.removeAttribute('open');
    button.focus();
  };
  const open = () => {
    const closeButton = h(
      'button',
      { type: 'button', class: 'btn btn--secondary', onclick: close },
      t('glossary:close'),
    );
    replace(
      dialog,
      h('h2', { id: `${id}-title` }, t('glossary:heading')),
      h(
        'dl',
        { class: 'glossary__list' },
        ...glossary(lang, t).flatMap((e) => [
          h('dt', { class: 'glossary__term', 'data-term': e.id }, e.term),
          h('dd', {}, e.definition),
          e.formula ? h('dd', { class: 'glossary__formula' }, `${t('glossary:formula')} — ${e.formula}`) : null,
          e.example ? h('dd', { class: 'glossary__example' }, `${t('glossary:example')} — ${e.example}`) : null,
        ]),
      ),
      h('div', { class: 'glossary__actions' }, closeButton),
    );
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    closeButton.focus();
  };

  dialog.addEventListener('cancel', (e) => {
    e.preventDefault();
    close();
  });
  dialog.addEventListener('keydown', (e) => {
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  });
  const button = h(
    'button',
    {
      type: 'button',
      class: opts.className ?? 'btn btn--secondary',
      'aria-haspopup': 'dialog',
      onclick: open,
    },
    t('glossary:open'),
  );
  const wrapper = h('div', { class: 'glossary__entry' }, button, dialog);
  return wrapper;
}
