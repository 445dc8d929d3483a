// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NegotiationMove } from '../../src/core/negotiation/moves.ts';
import type { NegotiationState } from '../../src/core/negotiation/state.ts';
import { loadScenarioText } from '../../src/core/scenario/load.ts';
import { indexScenario } from '../../src/core/scenario/scenario-index.ts';
import { openVisit } from '../../src/core/visit/visit-session.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { gameResources } from '../../src/i18n/game-resources.ts';
import { h } from '../../src/game/dom/h.ts';
import { offerPanel } from '../../src/game/widgets/offer-panel.ts';
import { keyToChoice } from '../../src/game/widgets/choice-buttons.ts';
import { feedbackOf } from '../../src/present/feedback.ts';
import { ROOT } from '../support/fixtures.ts';
import { skills } from '../support/referentials.ts';

/** The example scenario, played along its "best" playthrough up to the negotiation table. */
function atTheTable() {
  const id = 'premiere-visite-imprimante';
  const scenario = loadScenarioText(readFileSync(join(ROOT, 'scenarios', `${id}.json`), 'utf8'), skills).scenario;
  if (!scenario?.phases.closing.negotiation) throw new Error('the example scenario has no negotiation step');
  const index = indexScenario(scenario, skills);
  const best = (
    JSON.parse(readFileSync(join(ROOT, 'scenarios', `${id}.playthroughs.json`), 'utf8')) as {
      playthroughs: { id: string; path: (string | object)[] }[];
    }
  ).playthroughs.find((p) => p.id === 'best');
  const session = openVisit(index, { seed: 1 });
  for (const step of best?.path ?? []) {
    if (typeof step !== 'string') break;
    if (session.context().cursor.kind === 'ready') session.send({ type: 'player.start' });
    session.send({ type: 'player.choose', choiceId: step });
  }
  return {
    spec: scenario.phases.closing.negotiation,
    state: session.context().negotiation as NegotiationState,
    cursor: session.context().cursor.kind,
    session,
    index,
  };
}

const t = createI18n('fr', gameResources).getFixedT('fr', 'game');

describe('the offer panel', () => {
  const { spec, state, cursor } = atTheTable();
  const moves: NegotiationMove[] = [];
  const choices = h('div', { 'data-testid': 'choices' });
  const panel = offerPanel({ spec, state, lang: 'fr', t, assisted: true, choices, onMove: (m) => moves.push(m) });
  document.body.append(panel, choices);

  it('opens at the negotiation table with one field per negotiable item', () => {
    expect(cursor).toBe('negotiation');
    expect(panel.querySelector('#offer-discountPercent')).not.toBeNull();
    expect(panel.querySelector('#offer-commitmentMonths')).not.toBeNull();
    expect(panel.querySelectorAll('.offer__services input[type=checkbox]').length).toBe(2);
  });

  it('offers the glossary beside the figures, in a dialog', () => {
    const open = [...panel.querySelectorAll('button')].find((b) => b.textContent === 'Glossaire');
    expect(open?.getAttribute('aria-haspopup')).toBe('dialog');
    expect(panel.querySelector('dialog.glossary')).not.toBeNull();
  });

  it("shows the client's whole demand beside the offer, services included, each row asked or not", () => {
    const rows = [...panel.querySelectorAll('.offer__demand tbody tr')].map((r) =>
      [...r.children].map((c) => c.textContent),
    );
    expect(panel.querySelector('.offer__demand caption')?.textContent).toBe('Ce que le client demande');
    expect(rows).toContainEqual(['Remise', '10\u00a0%', 'demandé']);
    expect(rows).toContainEqual(["Installation et formation d'une heure", 'à inclure', 'demandé']);
    expect(rows).toContainEqual(["Formation de toute l'équipe (une demi-journée)", '—', 'non demandé']);
    expect(rows.map((r) => r[0])).toContain("Durée d'engagement");
  });

  it('shows the live figures in euros, and warns in words when a discount breaks the floor', () => {
    expect(panel.querySelector('.offer__figures')?.textContent).toMatch(/Prix plancher HT\d[\d\u202f]*,\d\d\u00a0€/);
    expect(panel.querySelector('.offer__status')?.textContent).toContain('Dans votre marge de manœuvre');
    const discount = panel.querySelector<HTMLInputElement>('#offer-discountPercent');
    if (!discount) throw new Error('no discount field');
    discount.value = '19';
    discount.dispatchEvent(new Event('input'));
    expect(panel.querySelector('.offer__status')?.textContent).toMatch(/Sous le prix plancher|Hors de votre mandat/);
  });

  it('starts the concession empty, offers only what each side can give, and says why « Concéder » waits', () => {
    const give = panel.querySelector<HTMLSelectElement>('#concede-item');
    const get = panel.querySelector<HTMLSelectElement>('#counterpart-item');
    const value = panel.querySelector<HTMLInputElement>('#concede-value');
    const getValue = panel.querySelector<HTMLInputElement>('#counterpart-value');
    if (!give || !get || !value || !getValue) throw new Error('no trade fields');
    expect(give.value).toBe('');
    expect(value.value).toBe('');
    expect(getValue.value).toBe('');
    const labels = (s: HTMLSelectElement) => [...s.options].map((o) => o.textContent);
    // The seller gives the discount or a service; the client gives its commitment — never a discount.
    expect(labels(give)).toEqual(['(choisissez)', 'Remise', 'Services inclus']);
    expect(labels(get)).toEqual(['(rien en échange)', "Durée d'engagement"]);
    const concede = [...choices.querySelectorAll('button')].find((b) => b.textContent?.includes('Concéder'));
    expect(concede?.disabled).toBe(true);
    expect(concede?.textContent).toContain('Indisponible\u00a0: choisissez ce que vous accordez');
    give.value = 'discountPercent';
    give.dispatchEvent(new Event('change'));
    expect(value.value).toBe('');
    expect(concede?.textContent).toContain('indiquez la valeur accordée');
    expect(panel.querySelector('#concede-standing')?.textContent).toBe('Actuellement\u00a0: 0\u00a0%');
    value.value = '3';
    value.dispatchEvent(new Event('input'));
    expect(concede?.disabled).toBe(false);
  });

  it('puts its moves in the choices group, and a concession can name its counterpart', () => {
    const buttons = [...choices.querySelectorAll('button')];
    expect(buttons.length).toBeGreaterThanOrEqual(5);
    const give = panel.querySelector<HTMLSelectElement>('#concede-item');
    const value = panel.querySelector<HTMLInputElement>('#concede-value');
    const get = panel.querySelector<HTMLSelectElement>('#counterpart-item');
    const getValue = panel.querySelector<HTMLInputElement>('#counterpart-value');
    if (!give || !value || !get || !getValue) throw new Error('no trade fields');
    give.value = 'discountPercent';
    give.dispatchEvent(new Event('change'));
    value.value = '2';
    value.dispatchEvent(new Event('input'));
    get.value = 'commitmentMonths';
    get.dispatchEvent(new Event('change'));
    getValue.value = '36';
    getValue.dispatchEvent(new Event('input'));
    buttons.find((b) => b.textContent?.includes('Concéder'))?.click();
    expect(moves.at(-1)).toEqual({
      type: 'concede',
      item: 'discountPercent',
      value: 2,
      counterpart: { item: 'commitmentMonths', value: 36 },
    });
    buttons.find((b) => b.textContent?.includes('Rompre'))?.click();
    expect(moves.at(-1)).toEqual({ type: 'leave' });
  });
});

describe('below the floor', () => {
  const { spec, state } = atTheTable();
  const choices = h('div', { 'data-testid': 'choices' });
  const panel = offerPanel({ spec, state, lang: 'fr', t, assisted: true, choices, onMove: () => undefined });
  const status = () => panel.querySelector('.offer__status')?.textContent ?? '';
  const set = (selector: string, apply: (el: HTMLInputElement) => void, event: string) => {
    const el = panel.querySelector<HTMLInputElement>(selector);
    if (!el) throw new Error(`no ${selector}`);
    apply(el);
    el.dispatchEvent(new Event(event));
  };

  it('names the free services and their cost when they take the taux de marque under the minimum', () => {
    panel.querySelectorAll<HTMLInputElement>('.offer__services input[type=checkbox]').forEach((box) => {
      box.checked = true;
      box.dispatchEvent(new Event('change'));
    });
    // 89 € × 24 months, no discount: the price is above the 80 € floor, the 150 € of services are not.
    expect(panel.querySelector('.offer__figures')?.textContent).toContain('89,00');
    expect(status()).toMatch(/Sous le prix plancher\u00a0: les services offerts coûtent 150,00\u00a0€/);
    expect(status()).toContain('sous le minimum de 35\u00a0%');
  });

  it('names the price when the net price itself is under the floor', () => {
    set('#offer-discountPercent', (el) => (el.value = '15'), 'input');
    expect(status()).toMatch(/le prix net \(75,65\u00a0€\) est sous le prix plancher \(80,00\u00a0€\)/);
  });
});

describe('a concession for nothing', () => {
  const { spec, state } = atTheTable();
  const table = (assisted: boolean) => {
    const moves: NegotiationMove[] = [];
    const choices = h('div', { 'data-testid': 'choices' });
    const panel = offerPanel({ spec, state, lang: 'fr', t, assisted, choices, onMove: (m) => moves.push(m) });
    document.body.replaceChildren(panel, choices);
    const give = panel.querySelector<HTMLSelectElement>('#concede-item');
    const value = panel.querySelector<HTMLInputElement>('#concede-value');
    if (!give || !value) throw new Error('no trade fields');
    give.value = 'discountPercent';
    give.dispatchEvent(new Event('change'));
    value.value = '3';
    value.dispatchEvent(new Event('input'));
    const concede = [...choices.querySelectorAll('button')].find((b) => b.textContent?.includes('Concéder'));
    if (!concede) throw new Error('no concede button');
    return { moves, panel, concede, dialog: () => panel.querySelector<HTMLDialogElement>('dialog.offer__confirm') };
  };

  it('asks first in assisted mode: the first button goes back to ask for a counterpart', () => {
    const { moves, concede, dialog } = table(true);
    concede.click();
    expect(moves).toEqual([]);
    expect(dialog()?.open).toBe(true);
    expect(dialog()?.textContent).toContain('Rien en échange\u00a0?');
    const [back, anyway] = [...(dialog()?.querySelectorAll('button') ?? [])];
    expect(back?.textContent).toBe('Demander une contrepartie');
    expect(document.activeElement).toBe(back);
    back?.click();
    expect(dialog()?.open).toBe(false);
    expect(document.activeElement?.id).toBe('counterpart-item');
    expect(moves).toEqual([]);
    concede.click();
    [...(dialog()?.querySelectorAll('button') ?? [])][1]?.click();
    expect(anyway).toBeDefined();
    expect(moves).toEqual([{ type: 'concede', item: 'discountPercent', value: 3 }]);
  });

  it('is played at once in exam mode', () => {
    const { moves, concede, dialog } = table(false);
    concede.click();
    expect(dialog()?.open).toBe(false);
    expect(moves).toEqual([{ type: 'concede', item: 'discountPercent', value: 3 }]);
  });
});

describe('moves after the price is presented', () => {
  const { spec, session, index } = atTheTable();
  session.send({ type: 'nego.move', move: { type: 'present-price', technique: 'fractioning' } });
  const state = session.context().negotiation as NegotiationState;
  const moves: NegotiationMove[] = [];
  const choices = h('div', { 'data-testid': 'choices' });
  const panel = offerPanel({ spec, state, lang: 'fr', t, assisted: true, choices, onMove: (m) => moves.push(m) });

  it('keep their number keys: the price move stays in place, disabled, and says why', () => {
    document.body.replaceChildren(panel, choices);
    const buttons = [...choices.querySelectorAll('button')];
    const keyed = buttons.map((b) => [
      b.getAttribute('aria-keyshortcuts'),
      b.querySelector('.choice__text')?.textContent,
    ]);
    expect(keyed.slice(0, 4)).toEqual([
      ['1', 'Présenter le prix'],
      ['2', 'Proposer ces conditions'],
      ['3', 'Concéder\u00a0: «\u00a0si vous…, alors je…\u00a0»'],
      ['4', "Conclure\u00a0: «\u00a0si vous signez aujourd'hui…\u00a0»"],
    ]);
    expect(buttons[0]?.disabled).toBe(true);
    expect(buttons[0]?.textContent).toContain('Indisponible\u00a0: le prix est déjà présenté');
    expect(keyToChoice(new KeyboardEvent('keydown', { key: '1' }), choices)).toBe(false);
    expect(keyToChoice(new KeyboardEvent('keydown', { key: '2' }), choices)).toBe(true);
    expect(moves.at(-1)?.type).toBe('offer');
  });

  it('each have their own word in assisted mode, never the last dialogue feedback', () => {
    const step = session.context().steps.at(-1);
    if (!step) throw new Error('no step');
    expect(step.kind).toBe('negotiation');
    const feedback = feedbackOf(index, step, 'fr', t);
    expect(feedback.lines.length).toBeGreaterThan(0);
    const dialogue = session.context().steps.at(-2);
    const said = dialogue?.kind === 'choice' ? index.choices.get(dialogue.choiceId)?.choice.feedback : undefined;
    expect(feedback.lines.join(' ')).not.toContain(said?.fr ?? '@');
  });
});
