import { describe, expect, it } from 'vitest';
import { loadScenarioDocument } from '../../src/core/scenario/load.ts';
import { baseScenario } from '../support/error-examples.ts';
import { applyPatch } from '../support/json-patch.ts';
import { skills } from '../support/referentials.ts';

/** Floor: 20 / (1 − 25 %) = 26.67 € HT, list 30 € HT. */
function negotiation(priceItem: object, target: object) {
  return {
    id: 'nego',
    items: [priceItem],
    seller: {
      listPriceHt: 30,
      unitCostHt: 20,
      vatPercent: 20,
      quantity: 20,
      maxDiscountPercent: 5,
      minTauxDeMarquePercent: 25,
    },
    client: { patience: 4, concessionStyle: 'steady', targets: target },
    outcomes: { deal: 'f1', noDeal: 'f2', walkAway: 'end-lost' },
  };
}
const load = (nego: object) =>
  loadScenarioDocument(
    applyPatch(baseScenario(), [{ op: 'add', path: '/phases/closing/negotiation', value: nego }]),
    skills,
  );

describe('NS046: the client’s reservation past the seller’s floor', () => {
  it('a discount the client insists on that takes the price under the floor is a warning, not an error', () => {
    const r = load(
      negotiation(
        { kind: 'discountPercent', max: 15 },
        { discountPercent: { opening: 15, reservation: 12, weight: 1 } },
      ),
    );
    expect(r.scenario).toBeDefined();
    expect(r.diagnostics).toEqual([
      {
        code: 'NS046',
        severity: 'warning',
        path: '/phases/closing/negotiation/client/targets/discountPercent/reservation',
        params: { price: 26.4, floor: 26.67 },
      },
    ]);
  });

  it('a reservation at or above the floor is silent', () => {
    const r = load(
      negotiation(
        { kind: 'discountPercent', max: 15 },
        { discountPercent: { opening: 10, reservation: 3, weight: 1 } },
      ),
    );
    expect(r.diagnostics).toEqual([]);
  });

  it('a unit price the client will not exceed under the floor is reported too', () => {
    const below = load(
      negotiation({ kind: 'unitPrice', min: 20 }, { unitPrice: { opening: 24, reservation: 26, weight: 1 } }),
    );
    expect(below.diagnostics.map((d) => `${d.path} ${d.code}`)).toEqual([
      '/phases/closing/negotiation/client/targets/unitPrice/reservation NS046',
    ]);
    const above = load(
      negotiation({ kind: 'unitPrice', min: 20 }, { unitPrice: { opening: 26, reservation: 27, weight: 1 } }),
    );
    expect(above.diagnostics).toEqual([]);
  });
});
