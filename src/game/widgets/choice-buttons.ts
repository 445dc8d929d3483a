import type { TFunction } from 'i18next';
import { h } from '../dom/h.ts';
import type { ChoiceView } from '../../present/visit-view.ts';

/** When each button was drawn: an input older than its button was aimed at what was there before. */
const drawnAt = new WeakMap<HTMLButtonElement, number>();

/**
 * Choices are real buttons, numbered 1–9: a number key picks one, Tab reaches each, and a
 * disabled choice says why in text (never by colour alone).
 *
 * One intention, one turn: the first click disables every button of the group until the screen
 * draws the next turn's (which replace them), and a click queued from before the buttons were
 * drawn is dropped. (The second click of a double click, which lands on the next turn's
 * buttons, is dropped by the app: see App.oneIntention.)
 */
export function choiceButtons(
  choices: readonly ChoiceView[],
  t: TFunction,
  onChoose: (id: string) => void,
): HTMLButtonElement[] {
  const now = performance.now();
  let taken = false;
  const buttons: HTMLButtonElement[] = choices.map((c, i) => {
    const key = i < 9 ? String(i + 1) : '';
    const button = h(
      'button',
      {
        type: 'button',
        class: 'choice',
        'data-choice': c.id,
        'aria-keyshortcuts': key || null,
        disabled: c.disabled,
        onclick: (e: Event) => {
          if (taken || e.timeStamp < now) return;
          taken = true;
          for (const b of buttons) b.disabled = true;
          onChoose(c.id);
        },
      },
      key ? h('span', { class: 'choice__key', 'aria-hidden': 'true' }, key) : null,
      h('span', { class: 'choice__text' }, c.text),
      c.disabled && c.reason ? h('span', { class: 'choice__reason' }, t('visit.disabled', { reason: c.reason })) : null,
    );
    drawnAt.set(button, now);
    return button;
  });
  return buttons;
}

/**
 * Keys 1–9 press the button showing that number; a disabled one keeps its number and does
 * nothing. A key repeat (a held key) is the same intention as its first press, and a key
 * pressed before the buttons were drawn was meant for the previous turn: both are swallowed.
 */
export function keyToChoice(e: KeyboardEvent, container: HTMLElement): boolean {
  if (!/^[1-9]$/.test(e.key)) return false;
  const button = container.querySelectorAll<HTMLButtonElement>('button')[Number(e.key) - 1];
  if (e.repeat || (button && e.timeStamp < (drawnAt.get(button) ?? 0))) return true;
  if (!button || button.disabled) return false;
  button.focus();
  button.click();
  return true;
}
