/**
 * A tiny element builder. Children given as strings become text nodes: authored scenario text
 * is plain text and is never parsed as HTML anywhere in the game (no innerHTML).
 */
export type Child = Node | string | number | null | undefined | false;
type Listener = (event: Event) => void;
export type Attrs = Record<string, string | number | boolean | null | undefined | Listener>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'class') {
      el.className = String(value);
    } else if (key === 'text') {
      el.textContent = String(value);
    } else if (typeof value !== 'function') {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replaces an element's children. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** SVG icon from our own sprite-free set: decorative, hidden from assistive technology. */
export function icon(name: string): HTMLSpanElement {
  return h('span', { class: `icon icon--${name}`, 'aria-hidden': 'true' });
}

/**
 * Replaces an element's children unless the new ones read exactly the same. For regions that
 * are redrawn every turn but change now and then (the phase track, the notebook, the gauges):
 * an unchanged region then costs the browser no style, layout or text shaping. Only for
 * children without event listeners — markup equality cannot see those.
 */
export function replaceIfChanged(parent: Element, ...children: Child[]): void {
  const next = document.createElement('div');
  append(next, children);
  if (next.innerHTML === parent.innerHTML) return;
  parent.replaceChildren(...next.childNodes);
}
