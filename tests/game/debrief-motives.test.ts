// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { motivesSection } from '../../src/game/screens/debrief/debrief-motives.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { gameResources } from '../../src/i18n/game-resources.ts';
import { miniVisit, play } from '../support/fixtures.ts';

const t = createI18n('fr', gameResources).getFixedT('fr', 'game');

describe('the debrief screen’s motives section', () => {
  it('lists found and missed facts under their own headings (never colour alone), and what the argument aimed at', () => {
    const index = miniVisit();
    const ctx = play(index, ['prep-plan', 'p1-agenda', 'd1-open', 'd2-skip', 'a1-cap']).context();
    const section = motivesSection(index, ctx, 'fr', t);
    document.body.append(section);
    const headings = [...section.querySelectorAll('h2, h3')].map((e) => e.textContent);
    expect(headings).toEqual([
      'Les mobiles du client',
      '✓ Ce que vous avez découvert',
      "✗ Ce que vous n'avez pas découvert",
      'Vos arguments',
    ]);
    expect(section.querySelector('[data-testid="motives-found"]')?.textContent).toContain('Confort');
    expect(section.querySelector('[data-testid="motives-missed"]')?.textContent).toContain('Budget');
    expect(section.querySelector('.motives__arguments')?.textContent).toContain('Visait le mobile Confort');
  });
});
