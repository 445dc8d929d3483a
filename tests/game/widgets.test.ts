// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { gameResources } from '../../src/i18n/game-resources.ts';
import { choiceButtons, keyToChoice } from '../../src/game/widgets/choice-buttons.ts';
import { h } from '../../src/game/dom/h.ts';
import { formats } from '../../src/present/format.ts';
import { skills } from '../support/referentials.ts';
import { loadCatalog } from '../../src/game/catalog/scenario-catalog.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/fixtures.ts';

const t = createI18n('fr', gameResources).getFixedT('fr', 'game');

describe('one intention, one turn', () => {
  const group = (picked: string[]) => {
    const container = h('div', {});
    container.append(
      ...choiceButtons(
        ['a', 'b'].map((id) => ({ id, text: id, disabled: false, reason: '' })),
        t,
        (id) => picked.push(id),
      ),
    );
    return container;
  };

  it('the first click takes the choice and disables the whole group until the next turn is drawn', () => {
    const picked: string[] = [];
    const container = group(picked);
    const [a, b] = container.querySelectorAll('button');
    a?.click();
    a?.click();
    b?.click();
    expect(picked).toEqual(['a']);
    expect([...container.querySelectorAll('button')].every((x) => x.disabled)).toBe(true);
  });

  it('a held number key takes one choice: its repeats are swallowed', () => {
    const picked: string[] = [];
    const container = group(picked);
    expect(keyToChoice(new KeyboardEvent('keydown', { key: '2', repeat: true }), container)).toBe(true);
    expect(picked).toEqual([]);
    keyToChoice(new KeyboardEvent('keydown', { key: '2' }), container);
    keyToChoice(new KeyboardEvent('keydown', { key: '2', repeat: true }), container);
    expect(picked).toEqual(['b']);
  });
});

describe('choices', () => {
  const picked: string[] = [];
  const container = h('div', { 'data-testid': 'choices' });
  container.append(
    ...choiceButtons(
      [
        { id: 'a', text: 'Première', disabled: false, reason: '' },
        { id: 'b', text: 'Deuxième', disabled: true, reason: "il faut d'abord connaître le besoin" },
        { id: 'c', text: 'Troisième <b>pas du HTML</b>', disabled: false, reason: '' },
      ],
      t,
      (id) => picked.push(id),
    ),
  );

  it('are real buttons, numbered 1–9, and the number key presses the matching one', () => {
    const buttons = container.querySelectorAll('button');
    expect(buttons).toHaveLength(3);
    expect(buttons[2]?.getAttribute('aria-keyshortcuts')).toBe('3');
    expect(keyToChoice(new KeyboardEvent('keydown', { key: '3' }), container)).toBe(true);
    expect(picked).toEqual(['c']);
  });

  it('a disabled choice cannot be pressed and says why in words', () => {
    expect(keyToChoice(new KeyboardEvent('keydown', { key: '2' }), container)).toBe(false);
    expect(container.querySelectorAll('button')[1]?.textContent).toContain('Indisponible\u00a0: il faut');
  });

  it('show authored markup as text', () => {
    const third = container.querySelectorAll('button')[2];
    expect(third?.querySelector('b')).toBeNull();
    expect(third?.textContent).toContain('<b>pas du HTML</b>');
  });
});

describe('numbers as a French student reads them', () => {
  it('euros with a narrow no-break space and a comma, marks out of 20', () => {
    expect(formats('fr').euros(1234.5)).toBe('1\u202f234,50\u00a0€');
    expect(formats('fr').mark(14.5)).toBe('14,5/20');
    expect(formats('fr').mark(14)).toBe('14/20');
    expect(formats('en').mark(14.5)).toBe('14.5/20');
  });
});

describe('the scenario library', () => {
  it('shows a broken file as a card with its error while the others load', async () => {
    const good = readFileSync(join(ROOT, 'tests/fixtures/scenarios/mini-visit.json'), 'utf8');
    const entries = await loadCatalog(
      {
        '/scenarios/a.json': () => Promise.resolve(good),
        '/scenarios/b.json': () => Promise.resolve('{ not json'),
        '/scenarios/c.json': () => Promise.reject(new Error('offline')),
      },
      skills,
    );
    expect(entries.map((e) => [e.file, e.ok])).toEqual([
      ['/scenarios/a.json', true],
      ['/scenarios/b.json', false],
      ['/scenarios/c.json', false],
    ]);
    const broken = entries.filter((e) => !e.ok);
    expect(broken.map((e) => (e.ok ? '' : e.diagnostics[0]?.code))).toEqual(['NS003', 'NS001']);
  });

  it('refuses a copy with the same id, naming the file named after the id, which keeps it', async () => {
    const good = readFileSync(join(ROOT, 'tests/fixtures/scenarios/mini-visit.json'), 'utf8');
    const entries = await loadCatalog(
      {
        '/scenarios/a-copy.json': () => Promise.resolve(good),
        '/scenarios/mini-visit.json': () => Promise.resolve(good),
      },
      skills,
    );
    expect(entries[0]).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'NS007', params: { other: '/scenarios/mini-visit.json' } }],
    });
    expect(entries[1]).toMatchObject({ ok: true, id: 'mini-visit' });
  });
});
