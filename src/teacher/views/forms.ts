import { h } from '../../game/dom/h.ts';

let next = 0;
/** A labelled field: the label is tied to its control, so screen readers name it. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || `f${++next}`;
  control.id = id;
  if (hint) control.setAttribute('aria-describedby', `${id}-hint`);
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
    control,
  );
}

export function alertBox(): HTMLParagraphElement {
  return h('p', { class: 'error', role: 'alert' });
}
