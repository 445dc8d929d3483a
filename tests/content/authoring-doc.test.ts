import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/core/check/check-scenario.ts';
import { loadScenarioText } from '../../src/core/scenario/load.ts';
import { indexScenario } from '../../src/core/scenario/scenario-index.ts';
import { ROOT } from '../support/fixtures.ts';
import { refs, skills } from '../support/referentials.ts';
import { prixPlancher, remiseMaximale } from '../../src/core/pricing/index.ts';

/** The teachers' guide promises a minimal complete example that works: here it is held to it. */
const guide = readFileSync(join(ROOT, 'docs', 'authoring.md'), 'utf8');
const example = /```json negosim-minimal\n([\s\S]+?)\n```/.exec(guide)?.[1];

describe('docs/authoring.md', () => {
  it('its minimal example is a valid scenario', () => {
    expect(example).toBeDefined();
    expect(loadScenarioText(example as string, skills).diagnostics).toEqual([]);
  });

  it('its minimal example has no unreachable node or dead end, visits every phase, and its best path scores 20/20', () => {
    const scenario = loadScenarioText(example as string, skills).scenario!;
    for (const pack of refs.packs) {
      const r = checkScenario(indexScenario(scenario, skills), pack);
      expect({
        unreachableNodes: r.unreachableNodes,
        deadEnds: r.deadEnds,
        unreachableEndings: r.unreachableEndings,
        phasesNeverVisited: r.phasesNeverVisited,
      }).toEqual({
        unreachableNodes: [],
        deadEnds: [],
        unreachableEndings: [],
        phasesNeverVisited: [],
      });
      expect(r.bestScore).toBe(20);
    }
  });

  it('the calculator figures it quotes are the calculator’s', () => {
    const floor = prixPlancher({ costHt: 52, minTauxDeMarque: 35 });
    if (!floor.ok) throw new Error('floor');
    const discount = remiseMaximale({ prixPlancher: floor.value, listPriceHt: 89 });
    if (!discount.ok) throw new Error('discount');
    const fr = (d: { toFixed(n: number): string }) => d.toFixed(2).replace('.', ',');
    expect(guide).toContain(`prix plancher ${fr(floor.value)} € ; remise maximale ${fr(discount.value)} %`);
  });
});
