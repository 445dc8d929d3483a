import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NegotiationSpecSchema } from '../../../src/core/negotiation/index.ts';
import type { NegotiationMove } from '../../../src/core/negotiation/moves.ts';
import { loadScenarioText } from '../../../src/core/scenario/load.ts';
import { indexScenario } from '../../../src/core/scenario/scenario-index.ts';
import type { Step } from '../../../src/core/visit/visit-types.ts';
import { createI18n } from '../../../src/i18n/create-i18n.ts';
import { sharedResources } from '../../../src/i18n/resources.ts';
import { feedbackOf } from '../../../src/present/feedback.ts';
import { scriptedTurn, youSaidAtTable } from '../../../src/present/negotiation.ts';
import { gameResources } from '../../../src/i18n/game-resources.ts';
import { ROOT } from '../../support/fixtures.ts';
import { skills } from '../../support/referentials.ts';

const id = 'premiere-visite-imprimante';
const loaded = loadScenarioText(readFileSync(join(ROOT, 'scenarios', `${id}.json`), 'utf8'), skills).scenario;
const base = loaded?.phases.closing.negotiation;
if (!loaded || !base) throw new Error('the example scenario has no negotiation step');
const spec = NegotiationSpecSchema.parse({
  ...base,
  sellerTurns: {
    concede: { line: { fr: 'Si vous vous engagez sur trois ans, je fais un geste.' } },
    'concede-free': {
      line: { fr: 'Bon, je vous fais 5 %.' },
      feedback: { fr: 'Un geste sans contrepartie : le client encaisse et en redemande.' },
    },
  },
});
const index = indexScenario(
  { ...loaded, phases: { ...loaded.phases, closing: { ...loaded.phases.closing, negotiation: spec } } },
  skills,
);
const fr = createI18n('fr', sharedResources).getFixedT('fr');

const free: NegotiationMove = { type: 'concede', item: 'discountPercent', value: 5 };
const traded: NegotiationMove = { ...free, counterpart: { item: 'commitmentMonths', value: 36 } };

describe('scripted negotiation turns', () => {
  it('a concession for nothing takes the "concede-free" turn, a traded one the "concede" turn', () => {
    expect(scriptedTurn(spec, free)?.line?.fr).toBe('Bon, je vous fais 5 %.');
    expect(scriptedTurn(spec, traded)?.line?.fr).toBe('Si vous vous engagez sur trois ans, je fais un geste.');
    expect(scriptedTurn(spec, { type: 'leave' })).toBeUndefined();
  });

  it('the author’s feedback leads the feedback on the move, before the skills it showed', () => {
    const step = {
      kind: 'negotiation',
      stage: 'closing',
      nodeId: spec.id,
      move: free,
      evidence: [{ skill: 'negotiation.concession-without-counterpart', strength: 2 }],
    } as unknown as Step;
    const view = feedbackOf(index, step, 'fr', fr);
    expect(view.lines[0]).toBe('Un geste sans contrepartie : le client encaisse et en redemande.');
    expect(view.lines).toHaveLength(2);
  });

  it('the visit recalls the seller’s line with the move in assisted mode, the move alone in the exam', () => {
    const game = createI18n('fr', gameResources).getFixedT('fr', 'game');
    const assisted = youSaidAtTable(free, spec, true, 'fr', game);
    expect(assisted).toMatch(/^Vous\u00a0: «\u00a0Bon, je vous fais 5 %\.\u00a0» \(.+\)$/);
    expect(youSaidAtTable(free, spec, false, 'fr', game)).not.toContain('Bon, je vous fais');
    expect(youSaidAtTable({ type: 'leave' }, spec, true, 'fr', game)).toMatch(/^Vous\u00a0: /);
  });
});
