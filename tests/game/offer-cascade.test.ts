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
import { briefSheet } from '../../src/game/screens/briefing/brief-sheet.ts';
import { outcomeSection } from '../../src/game/screens/debrief/debrief-sections.ts';
import { bestNegotiatorFrom, negotiationResult } from '../../src/core/negotiation/index.ts';
import { seedRng } from '../../src/core/random.ts';
import type { Evaluation } from '../../src/core/scoring/evaluate.ts';
import { bestDialogueToTable } from '../support/dialogue-to-table.ts';
import { ROOT } from '../support/fixtures.ts';
import { skills } from '../support/referentials.ts';

/** A shipped scenario played along its best dialogue up to the negotiation table. */
function atTheTable(id: string) {
  const scenario = loadScenarioText(readFileSync(join(ROOT, 'scenarios', `${id}.json`), 'utf8'), skills).scenario;
  if (!scenario?.phases.closing.negotiation) throw new Error(`${id} has no negotiation step`);
  const session = openVisit(indexScenario(scenario, skills), { seed: 1 });
  for (const step of bestDialogueToTable(id)) {
    if (session.context().cursor.kind === 'ready') session.send({ type: 'player.start' });
    session.send({ type: 'player.choose', choiceId: step });
  }
  return { spec: scenario.phases.closing.negotiation, state: session.context().negotiation as NegotiationState };
}

const t = createI18n('fr', gameResources).getFixedT('fr', 'game');

function typeInto(input: HTMLInputElement | HTMLSelectElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
}

describe('the référencement table: a cascade of two named discounts and a year-end rebate', () => {
  const { spec, state } = atTheTable('referencement-grande-surface');
  const moves: NegotiationMove[] = [];
  const choices = h('div', { 'data-testid': 'choices' });
  const panel = offerPanel({ spec, state, lang: 'fr', t, assisted: true, choices, onMove: (m) => moves.push(m) });
  document.body.append(panel, choices);
  const field = (n: number) => panel.querySelector<HTMLInputElement>(`#offer-discountPercent-${n}`);

  it('shows one labelled field per step, the RFA last, and the equivalent single rate', () => {
    const labels = [...panel.querySelectorAll('.offer__cascade label')].map((l) => l.textContent);
    expect(labels).toEqual(['Remise de référencement', 'Remise logistique', 'RFA']);
    expect(panel.querySelector('.offer__cascade legend')?.textContent).toBe('Remises en cascade');
    expect(panel.querySelector('#offer-discount-equivalent')?.textContent).toBe('Taux équivalent\u00a0: 0\u00a0%');
  });

  it('4 % then 2 % with a 2 % RFA shows 7,8 % — not 8 % — and the rebate paid by credit note', () => {
    const [a, b, c] = [field(1), field(2), field(3)];
    if (!a || !b || !c) throw new Error('cascade fields missing');
    typeInto(a, '4');
    typeInto(b, '2');
    typeInto(c, '2');
    expect(panel.querySelector('#offer-discount-equivalent')?.textContent).toBe('Taux équivalent\u00a0: 7,8\u00a0%');
    const figures = panel.querySelector('.offer__figures')?.textContent ?? '';
    // 4,20 € × 0,96 × 0,98 = 3,95 € on the invoice; the RFA is 2 % of the invoiced turnover.
    expect(figures).toContain('Prix facturé HT (avant RFA)3,95\u00a0€');
    expect(figures).toMatch(/RFA versée en fin d’année HT\d[\d\u202f]*,\d\d\u00a0€/);
  });

  it('the client’s demand reads as a cascade with its equivalent rate', () => {
    const row = panel.querySelector('.offer__demand tr[data-item="discountPercent"]');
    expect(row?.textContent).toContain(
      '8\u00a0% (Remise de référencement) puis 3\u00a0% (Remise logistique) puis 2\u00a0% (RFA), soit 12,54\u00a0%',
    );
  });

  it('each step can be conceded on its own, the others kept', () => {
    const give = panel.querySelector<HTMLSelectElement>('#concede-item');
    const value = panel.querySelector<HTMLInputElement>('#concede-value');
    const get = panel.querySelector<HTMLSelectElement>('#counterpart-item');
    const getValue = panel.querySelector<HTMLInputElement>('#counterpart-value');
    if (!give || !value || !get || !getValue) throw new Error('trade fields missing');
    expect([...give.options].map((o) => o.textContent)).toContain('RFA');
    typeInto(give, 'discountPercent:2');
    typeInto(value, '1.5');
    typeInto(get, 'commitmentMonths');
    typeInto(getValue, '24');
    const concede = [...choices.querySelectorAll('button')].find((b) => b.textContent?.includes('si vous…'));
    concede?.click();
    expect(moves.at(-1)).toEqual({
      type: 'concede',
      item: 'discountPercent',
      value: [0, 0, 1.5],
      counterpart: { item: 'commitmentMonths', value: 24 },
    });
  });
});

describe('the heat-pump table: a private buyer is shown TTC prices, computed HT', () => {
  const { spec, state } = atTheTable('vente-domicile-pompe-a-chaleur');
  const choices = h('div', { 'data-testid': 'choices' });
  const panel = offerPanel({ spec, state, lang: 'fr', t, assisted: true, choices, onMove: () => undefined });

  it('leads with the net price TTC — 12 000 € HT at 5,5 % VAT is 12 660 € TTC — and keeps the margin HT', () => {
    const terms = [...panel.querySelectorAll('.offer__figures dt')].map((d) => d.textContent);
    const values = [...panel.querySelectorAll('.offer__figures dd')].map((d) => d.textContent);
    expect(terms[0]).toBe('Prix net unitaire TTC');
    expect(values[0]).toBe('12\u202f660,00\u00a0€');
    expect(terms).toContain('Marge HT');
    expect(terms).toContain('Prix plancher TTC');
  });
});

describe('the heat-pump briefing: the tariff a private buyer hears first', () => {
  const scenario = loadScenarioText(
    readFileSync(join(ROOT, 'scenarios', 'vente-domicile-pompe-a-chaleur.json'), 'utf8'),
    skills,
  ).scenario;
  if (!scenario) throw new Error('the heat-pump scenario does not load');
  const sheet = briefSheet(scenario, 'fr', t);

  it('puts the TTC column before the HT one and states the floor TTC, HT beside it', () => {
    const head = [...sheet.querySelectorAll('.tariff thead th')].map((th) => th.textContent);
    expect(head.slice(1).map((c) => c?.includes('TTC'))).toEqual([true, false]);
    // 7 800 € / (1 − 30 %) = 11 142,86 € HT, i.e. 11 755,72 € TTC at 5,5 %.
    expect(sheet.textContent).toContain('Prix plancher\u00a0: 11\u202f755,72\u00a0€ TTC (11\u202f142,86\u00a0€ HT');
  });
});

describe('the debrief of a référencement deal', () => {
  const { spec, state } = atTheTable('referencement-grande-surface');
  const scenario = loadScenarioText(
    readFileSync(join(ROOT, 'scenarios', 'referencement-grande-surface.json'), 'utf8'),
    skills,
  ).scenario;
  if (!scenario) throw new Error('référencement does not load');
  const game = bestNegotiatorFrom(spec, state, seedRng(1));
  const nego = negotiationResult(spec, game.state);
  const outcome = {
    endingId: 'end-sale',
    deal: true,
    revenueHT: Number(nego.revenueHt),
    marge: Number(nego.marginHt),
    tauxDeMarque: Number(nego.tauxDeMarque),
    negotiation: nego,
    needsDiscovered: 7,
    needsTotal: 7,
    trust: 80,
    interest: 80,
    irritation: 10,
  };
  const section = outcomeSection({ outcome } as unknown as Evaluation, indexScenario(scenario, skills), 'fr', t);

  it('states the signed cascade step by step with its equivalent rate, and the RFA paid by credit note', () => {
    const text = section.textContent ?? '';
    expect(nego.status).toBe('deal');
    expect(text).toContain('Conditions signées');
    expect(text).toMatch(
      /Remises en cascade [\d,]+\u00a0% \(Remise de référencement\) puis .+ \(RFA\), soit [\d,]+\u00a0%/,
    );
    expect(text).toContain('RFA versée en fin d’année (HT)');
  });
});
