// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { h, replaceIfChanged } from '../../src/game/dom/h.ts';

describe('a region redrawn every turn', () => {
  it('keeps its nodes when it reads the same, so the browser lays nothing out again', () => {
    const notebook = h('div', {}, h('ul', {}, h('li', {}, 'Imprime en A3')));
    const shown = notebook.firstChild;
    replaceIfChanged(notebook, h('ul', {}, h('li', {}, 'Imprime en A3')));
    expect(notebook.firstChild).toBe(shown);
  });

  it('shows the new content as soon as anything differs, a number or an attribute', () => {
    const gauges = h('div', {}, h('span', { class: 'gauge', 'aria-valuenow': 40 }, '40'));
    replaceIfChanged(gauges, h('span', { class: 'gauge', 'aria-valuenow': 45 }, '40'));
    expect(gauges.innerHTML).toBe('<span class="gauge" aria-valuenow="45">40</span>');
    replaceIfChanged(gauges, h('span', { class: 'gauge', 'aria-valuenow': 45 }, '45'), h('p', {}, 'Humeur'));
    expect(gauges.textContent).toBe('45Humeur');
  });
});
