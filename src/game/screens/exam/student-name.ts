import type { App } from '../../app/app.ts';
import { h, replace } from '../../dom/h.ts';

const MAX_NAME = 80;

/**
 * The student's name on what is printed (the jury grid, the fiche-sujet, the preparation sheets):
 * asked once with `askLabel`, kept in the settings (`studentName`, this browser only), shown with
 * a way to change it. The question and the button never print.
 */
export function studentNameSlot(app: App, askLabel: string): HTMLElement {
  const t = app.t;
  const slot = h('div', { class: 'grid__name' });
  const draw = () => {
    const name = app.save.settings.studentName.trim();
    if (!name) return ask('');
    replace(
      slot,
      h('p', {}, h('strong', {}, `${t('grid.name')} `), h('span', { 'data-testid': 'student-name' }, name)),
      h(
        'button',
        { type: 'button', class: 'btn btn--ghost btn--small no-print', onclick: () => ask('') },
        t('grid.changeName'),
      ),
    );
  };
  const ask = (value: string) => {
    const input = h('input', { id: 'student-name', type: 'text', maxlength: MAX_NAME, autocomplete: 'name', value });
    const save = (e: Event) => {
      e.preventDefault();
      const name = input.value.trim().slice(0, MAX_NAME);
      if (!name) return;
      app.update((s) => ({ ...s, settings: { ...s.settings, studentName: name } }));
      draw();
    };
    replace(
      slot,
      h(
        'form',
        { class: 'grid__ask no-print', onsubmit: save },
        h('label', { for: 'student-name' }, askLabel),
        input,
        h('button', { type: 'submit', class: 'btn btn--primary btn--small' }, t('grid.saveName')),
        h('p', { class: 'hint' }, t('grid.nameKept')),
      ),
    );
  };
  draw();
  return slot;
}
