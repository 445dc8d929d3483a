// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { runPlaythrough } from '../../src/core/playthroughs/run-playthrough.ts';
import { openVisit } from '../../src/core/visit/visit-session.ts';
import { eventOfStep } from '../../src/core/playthroughs/path.ts';
import { evaluateVisit } from '../../src/core/scoring/evaluate.ts';
import { outcomeSection } from '../../src/game/screens/debrief/debrief-sections.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { gameResources } from '../../src/i18n/game-resources.ts';
import { pack, refs } from '../support/referentials.ts';
import { shippedScenarios } from '../support/shipped-scenarios.ts';

/** The debrief's outcome says the ending as the student read it: filled from the deal just signed. */
const t = createI18n('fr', gameResources).getFixedT('fr', 'game');

describe('the debrief outcome', () => {
  const scenario = shippedScenarios('all').find((s) => s.file.startsWith('premiere-visite-imprimante'));
  const best = scenario?.playthroughs?.playthroughs.find((p) => p.kind === 'best');

  it('shows the sale ending with the months and discount agreed, never a placeholder', () => {
    if (!scenario || !best) throw new Error('premiere-visite-imprimante and its best playthrough are shipped');
    expect(runPlaythrough(scenario.index, best, refs.packs).endingId).toBe('end-sale');
    const session = openVisit(scenario.index, { seed: best.seed ?? 1, shuffle: false });
    for (const step of best.path) {
      if (session.context().cursor.kind === 'ready') session.send({ type: 'player.start' });
      session.send(eventOfStep(step));
    }
    const ctx = session.context();
    const months = ctx.negotiation?.agreedTerms?.commitmentMonths;
    expect(months).toBeGreaterThan(0);
    const text = outcomeSection(evaluateVisit(scenario.index, pack('ndrc'), ctx), scenario.index, 'fr', t).textContent;
    expect(text).not.toContain('{{');
    expect(text).toMatch(new RegExp(`location de ${months}[\\u00a0\\u202f ]mois`));
    expect(text).toContain('Conditions signées');
    expect(text).toMatch(new RegExp(`Location du copieur pendant ${months}[\\u00a0\\u202f ]mois`));
  });
});
