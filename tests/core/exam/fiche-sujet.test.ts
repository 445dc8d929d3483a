import { describe, expect, it } from 'vitest';
import { ficheSujet, EXAM_SIMULATION_MINUTES } from '../../../src/core/exam/fiche-sujet.ts';
import { shippedScenarios } from '../../support/shipped-scenarios.ts';

describe('the fiche-sujet of a scenario (candidate side)', () => {
  const shipped = shippedScenarios('all');

  it.each(shipped.map((s) => [s.file, s.index.scenario] as const))('%s fills every rubric', (_file, scenario) => {
    const fiche = ficheSujet(scenario, 'fr');
    expect(fiche.activity).toBe('negotiation');
    expect(fiche.minutes).toBe(EXAM_SIMULATION_MINUTES);
    expect(fiche.object.length).toBeGreaterThan(0);
    expect(fiche.history).toBe(scenario.brief.context.fr);
    expect(fiche.sequence.length).toBeGreaterThan(0);
    expect(fiche.actors[0]?.playedBy).toBe('candidate');
    expect(fiche.actors.some((a) => a.playedBy === 'jury' && a.name === scenario.persona.name)).toBe(true);
    expect(fiche.objectives.high).toBe(scenario.brief.objectives.high.fr);
    expect(fiche.information).toHaveLength(scenario.brief.knownAboutClient.length);
    expect(fiche.tariff).toHaveLength(scenario.brief.offer.items.length);
    if (scenario.phases.closing.negotiation) {
      expect(fiche.mandate?.maxDiscountPercent).toBe(scenario.phases.closing.negotiation.seller.maxDiscountPercent);
      expect(fiche.mandate?.floorPriceHT).toBeGreaterThan(0);
    }
  });

  it('never shows the jury side: motives and freins stay hidden', () => {
    for (const { index } of shipped) {
      const text = JSON.stringify(ficheSujet(index.scenario, 'fr'));
      for (const frein of index.scenario.persona.freins) if (frein.label.fr) expect(text).not.toContain(frein.label.fr);
      expect(text).not.toMatch(/securite|orgueil|sympathie/);
    }
  });

  it('is in the language asked for', () => {
    const scenario = shipped.find((s) => s.index.scenario.meta.languages.includes('en'))?.index.scenario;
    if (!scenario) return;
    expect(ficheSujet(scenario, 'en').history).toBe(scenario.brief.context.en);
  });
});
