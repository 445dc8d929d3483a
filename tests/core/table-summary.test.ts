import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NegotiationState } from '../../src/core/negotiation/state.ts';
import { loadScenarioText } from '../../src/core/scenario/load.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { sharedResources } from '../../src/i18n/resources.ts';
import { tableSummary } from '../../src/present/negotiation.ts';
import { ROOT } from '../support/fixtures.ts';
import { skills } from '../support/referentials.ts';

const id = 'premiere-visite-imprimante';
const scenario = loadScenarioText(readFileSync(join(ROOT, 'scenarios', `${id}.json`), 'utf8'), skills).scenario;
const spec = scenario?.phases.closing.negotiation;
if (!spec) throw new Error('the example scenario has no negotiation step');
const services = spec.items.flatMap((i) => (i.kind === 'services' ? i.options.map((o) => o.id) : []));
// Only the fields tableSummary reads: the demand, the standing offer.
const at = (sellerTerms: NegotiationState['sellerTerms']) =>
  ({ clientDemand: { discountPercent: 10 }, sellerTerms, targets: {} }) as unknown as NegotiationState;
const fr = createI18n('fr', sharedResources).getFixedT('fr');
const en = createI18n('en', sharedResources).getFixedT('en');

describe("the terminal's table summary (negosim play)", () => {
  it('says nothing of the floor when the offer is above it', () => {
    const lines = tableSummary(spec, at({ discountPercent: 0 }), 'fr', fr);
    expect(lines.join('\n')).not.toContain('sous le prix plancher');
  });

  it('names the net price when it is itself under the floor', () => {
    const last = tableSummary(spec, at({ discountPercent: 15 }), 'fr', fr).at(-1);
    expect(last).toMatch(
      /sous le prix plancher\u00a0: le prix net \(75,65\u00a0€\) est sous le prix plancher \(80,00\u00a0€\)$/,
    );
    expect(tableSummary(spec, at({ discountPercent: 15 }), 'en', en).at(-1)).toMatch(
      /below the floor price: the net price \(€75\.65\) is under the floor price \(€80\.00\)$/,
    );
  });

  it('names the free services and their cost when they take the taux de marque under the minimum', () => {
    const last = tableSummary(spec, at({ discountPercent: 0, services }), 'fr', fr).at(-1);
    expect(last).toMatch(/sous le prix plancher\u00a0: les services offerts coûtent 150,00\u00a0€/);
    expect(last).toContain('sous le minimum de 35\u00a0%');
  });
});
