// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/game/app/app.ts';
import { debriefActions } from '../../src/game/screens/debrief/debrief-actions.ts';
import { glossaryButton } from '../../src/game/widgets/glossary-dialog.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { gameResources } from '../../src/i18n/game-resources.ts';
import { GLOSSARY_TERMS } from '../../src/present/glossary.ts';

const t = createI18n('fr', gameResources).getFixedT('fr', 'game');
const press = (target: Element, key: string) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));

describe('the glossary dialog', () => {
  it('opens on its button, lists every term with its formula and example, closes on Escape and gives focus back', () => {
    const entry = glossaryButton({ lang: 'fr', t });
    document.body.append(entry);
    const button = entry.querySelector('button') as HTMLButtonElement;
    const dialog = entry.querySelector('dialog') as HTMLDialogElement;
    expect(button.textContent).toBe('Glossaire');
    expect(button.getAttribute('aria-haspopup')).toBe('dialog');
    expect(dialog.open).toBe(false);

    button.focus();
    button.click();
    expect(dialog.open).toBe(true);
    expect(dialog.getAttribute('aria-labelledby')).toBe(dialog.querySelector('h2')?.id);
    expect(dialog.querySelectorAll('dt').length).toBe(GLOSSARY_TERMS.length);
    expect(dialog.textContent).toContain('Taux de marque');
    expect(dialog.textContent).toContain('Formule — Taux de marque = marge ÷ prix de vente HT × 100');
    expect(document.activeElement?.closest('dialog')).toBe(dialog);

    // A number key inside the dialog stays inside: it must not play a move of the table behind.
    let reached = false;
    const listener = () => (reached = true);
    document.addEventListener('keydown', listener);
    press(document.activeElement as Element, '1');
    expect(reached).toBe(false);

    press(document.activeElement as Element, 'Escape');
    document.removeEventListener('keydown', listener);
    expect(dialog.open).toBe(false);
    expect(document.activeElement).toBe(button);
    entry.remove();
  });

  it('closes with its « Fermer » button too, focus back on the opener', () => {
    const entry = glossaryButton({ lang: 'fr', t });
    document.body.append(entry);
    const button = entry.querySelector('button') as HTMLButtonElement;
    button.focus();
    button.click();
    const close = [...entry.querySelectorAll('dialog button')].find((b) => b.textContent === 'Fermer');
    (close as HTMLButtonElement).click();
    expect(entry.querySelector('dialog')?.open).toBe(false);
    expect(document.activeElement).toBe(button);
    entry.remove();
  });

  it('is reachable from the debrief screen', () => {
    const app = { t, lang: 'fr', show: () => Promise.resolve() } as unknown as App;
    const attempt = { id: 'a1' } as Parameters<typeof debriefActions>[1];
    const actions = debriefActions(app, attempt, { id: 's', version: null, contentHash: 'h' }, () => {
      throw new Error('not needed');
    });
    document.body.append(actions);
    const button = [...actions.querySelectorAll('button')].find((b) => b.textContent === 'Glossaire');
    expect(button).toBeDefined();
    button?.click();
    expect(actions.querySelector('dialog')?.open).toBe(true);
    press(actions.querySelector('dialog') as Element, 'Escape');
    expect(document.activeElement).toBe(button);
    actions.remove();
  });
});
