import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { gameResources } from '../../src/i18n/game-resources.ts';
import { faultSentences } from '../../src/present/faults.ts';
import { miniVisit } from '../support/fixtures.ts';

/** The debrief names a negotiation fault with the student's own figures, never a skill code. */
const index = miniVisit();

function sentences(lang: 'fr' | 'en', evidence: Parameters<typeof faultSentences>[1]) {
  const i18n = createI18n(lang, gameResources);
  return faultSentences(index, evidence, lang, i18n.t);
}

describe('fault sentences', () => {
  it('say the step and the mandate of a maximum discount given at once, French figures', () => {
    const [line] = sentences('fr', [
      { skill: 'negotiation.max-discount-at-once', strength: 2, facts: { step: '10.00', mandate: '10' } },
    ]);
    // French typography: a no-break space (plain or narrow) before the percent sign, never a break.
    expect(line).toMatch(/accordé 10[\u00a0\u202f]% d'un coup/);
    expect(line).toMatch(/\(10[\u00a0\u202f]%\)/);
    expect(line).not.toContain('max-discount');
  });

  it('say the net price and the floor in euros when the deal goes below the floor', () => {
    const [line] = sentences('en', [
      {
        skill: 'negotiation.below-floor',
        strength: 3,
        facts: { netUnitPriceHt: '41.5', floorPriceHt: '42', marginHt: '-0.5', tauxDeMarque: '-1.2' },
      },
    ]);
    expect(line).toContain('€41.50');
    expect(line).toContain('€42.00');
  });

  it('leave good moves out: only faults are listed', () => {
    const lines = sentences('fr', [
      { skill: 'negotiation.concession-with-counterpart', strength: 1, facts: { signature: 'yes' } },
    ]);
    expect(lines).toEqual([]);
  });
});
