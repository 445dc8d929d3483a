import { describe, expect, it } from 'vitest';
import { economicsOf } from '../../../src/core/negotiation/economics.ts';
import {
  applyNegotiationMove,
  bestNegotiator,
  evaluateTerms,
  type NegotiationSpecInput,
  NegotiationSpecSchema,
  startNegotiation,
} from '../../../src/core/negotiation/index.ts';
import { marginEvidence } from '../../../src/core/negotiation/proposal-evidence.ts';
import { seedRng } from '../../../src/core/random.ts';
import { createI18n } from '../../../src/i18n/create-i18n.ts';
import { sharedResources } from '../../../src/i18n/resources.ts';
import { describeMove, describeTerms } from '../../../src/present/negotiation.ts';
import { copierInput, warmClient } from './fixtures.ts';

/**
 * The copier rental of the fixtures (2 copiers at 200 € HT a month, 12 months: 4 800 € at list
 * price), where the client may also grant a regional exclusivity worth 200 € to the seller, and
 * where the scenario names the commitment « Durée du contrat de location ».
 */
const input: NegotiationSpecInput = {
  ...copierInput,
  items: [
    ...copierInput.items.map((item) =>
      item.kind === 'commitmentMonths'
        ? { ...item, label: { fr: 'Durée du contrat de location', en: 'Rental term' } }
        : item,
    ),
    {
      kind: 'counterparts',
      options: [
        { id: 'exclusivity', label: { fr: 'Exclusivité régionale', en: 'Regional exclusivity' }, valueHt: 200 },
      ],
    },
  ],
};
const spec = NegotiationSpecSchema.parse(input);
const fr = createI18n('fr', sharedResources).getFixedT('fr');

function concedeFor(discount: number) {
  const { state, rng } = startNegotiation(spec, warmClient, seedRng(1));
  const outcome = applyNegotiationMove(
    spec,
    state,
    {
      type: 'concede',
      item: 'discountPercent',
      value: discount,
      counterpart: { item: 'counterparts', value: ['exclusivity'] },
    },
    rng,
  );
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.reason));
  return outcome.evidence.find((e) => e.skill === 'negotiation.concession-with-counterpart');
}

describe('a counterpart valued in euros', () => {
  it('counts in the deal’s value and in the margin kept, not in the invoiced margin', () => {
    const r = evaluateTerms(spec, { counterparts: ['exclusivity'] });
    if (!r.ok) throw new Error('terms refused');
    // 4 800 € of revenue, 2 880 € of cost: 1 920 € of margin (40 %), plus the exclusivity's 200 €.
    expect(r.value.marginHt).toBe('1920.00');
    expect(r.value.counterpartsValueHt).toBe('200.00');
    expect(r.value.dealValueHt).toBe('2120.00');
    expect(r.value.keptMarginPercent).toBe('44.17');
    expect(r.value.tauxDeMarque).toBe('40.00');
  });

  it('pays in full for a concession that costs less than it is worth (1 % off: 48 € of margin)', () => {
    expect(concedeFor(1)).toEqual({
      skill: 'negotiation.concession-with-counterpart',
      strength: 3,
      facts: { counterpartValueHt: '200.00', concessionCostHt: '48.00' },
    });
  });

  it('is graded a notch lower when the concession costs more than it is worth (10 % off: 480 €)', () => {
    expect(concedeFor(10)).toMatchObject({ strength: 2, facts: { concessionCostHt: '480.00' } });
  });

  it('lifts the margin graded at the deal: 30 % of marque plus 200 € on 4 320 € reaches the 35 % objective', () => {
    const without = economicsOf(spec, { discountPercent: 10, commitmentMonths: 12, counterparts: [] });
    const withIt = economicsOf(spec, { discountPercent: 10, commitmentMonths: 12, counterparts: ['exclusivity'] });
    expect(marginEvidence(spec, without)[0]?.strength).toBe(2);
    expect(marginEvidence(spec, withIt)[0]).toMatchObject({
      strength: 3,
      facts: { tauxDeMarque: '37.96', counterpartsValueHt: '200.00' },
    });
  });

  it('is what the best negotiator asks for in return', () => {
    const game = bestNegotiator(spec, warmClient, 1);
    const asked = game.moves.flatMap((m) => (m.type === 'concede' && m.counterpart ? [m.counterpart.item] : []));
    expect(asked).toContain('counterparts');
  });
});

describe('custom labels of negotiation items', () => {
  it('the scenario’s name for an item replaces the interface’s in terms and moves', () => {
    expect(describeTerms({ commitmentMonths: 24, counterparts: ['exclusivity'] }, 'fr', fr, spec)).toBe(
      'Durée du contrat de location 24\u00a0mois · Contreparties du client Exclusivité régionale',
    );
    expect(
      describeMove(
        { type: 'concede', item: 'discountPercent', value: 2, counterpart: { item: 'commitmentMonths', value: 24 } },
        'fr',
        fr,
        spec,
      ),
    ).toContain('Durée du contrat de location');
  });
});
