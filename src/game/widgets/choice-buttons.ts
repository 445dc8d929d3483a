import type { TFunction } from 'i18next';
import { h } from '../dom/h.ts';
import type { ChoiceView } from '../../present/visit-view.ts';

/**
 * Choices are real buttons, numbered 1–9: a number key picks one, Tab reaches each, and a
 * disabled choice says why in text (never by colour alone).
 */
export function choiceButtons(
  choices: readonly ChoiceView[],
  t: TFunction,
  onChoose: (id: string) => void,
): HTMLButtonElement[] {
  return choices.map((c, i) => {
    const key = i < 9 ? String(i + 1) : '';
    return h(
      'button',
      {
        type: 'button',
        class: 'choice',
        'data-choice': c.id,
        'aria-keyshortcuts': key || null,
        disabled: c.disabled,
        onclick: () => onChoose(c.id),
      },
      key ? h('span', { class: 'choice__key', 'aria-hidden': 'true' }, key) : null,
      h('span', { class: 'choice__text' }, c.text),
      c.disabled && c.reason ? h('span', { class: 'choice__reason' }, t('visit.disabled', { reason: c.reason })) : null,
    );
  });
}

/** Keys 1–9 press the button showing that number; a disabled one keeps its number and does nothing. */
export function keyToChoice(e: KeyboardEvent, container: HTMLElement): boolean {
  if (!/^[1-9]$/.test(e.key)) return false;
  const button = container.querySelectorAll<HTMLButtonElement>('button')[Number(e.key) - 1];
  if (!button || button.disabled) return false;
  button.focus();
  button.click();
  return true;
}
