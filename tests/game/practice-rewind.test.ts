// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { gameResources } from '../../src/i18n/game-resources.ts';
import { practiceRewind } from '../../src/game/screens/visit/practice-rewind.ts';
import type { VisitEvent } from '../../src/core/visit/visit-types.ts';
import { miniVisit, play, MINI_BEST } from '../support/fixtures.ts';

/** « Rejouer à partir d'un moment » in the DOM: training only, one button a decision, two presses to go back. */
const t = createI18n('fr', gameResources).getFixedT('fr', 'game');
const index = miniVisit();
const log = play(index, MINI_BEST.slice(0, 4), 3).context().log;

function panel(mode: 'assisted' | 'exam', seen: VisitEvent[][] = []) {
  return practiceRewind({ index, seed: 3, mode, log, t, lang: 'fr', onRewind: (l) => seen.push(l) });
}

describe('the practice list of a visit', () => {
  it('lists the start and each decision taken, saying what the student answered there', () => {
    const list = panel('assisted');
    const buttons = [...(list?.querySelectorAll('button') ?? [])];
    expect(buttons.map((b) => b.textContent?.split(' — ')[0])).toEqual([
      'Depuis le début de la visite',
      'Prise de contact',
      'Découverte',
      'Découverte',
    ]);
    const said = index.choices.get(MINI_BEST[1] ?? '')?.choice.text.fr ?? '';
    expect(buttons[1]?.textContent).toBe(`Prise de contact — vous\u00a0: «\u00a0${said}\u00a0»`);
    expect(list?.querySelector('summary')?.textContent).toBe("Rejouer à partir d'un moment");
  });

  it('asks first, then hands over the log cut before that decision', () => {
    const seen: VisitEvent[][] = [];
    const buttons = [...(panel('assisted', seen)?.querySelectorAll('button') ?? [])];
    const second = buttons[2];
    second?.click();
    expect(seen).toEqual([]);
    expect(second?.textContent).toContain('Confirmer');
    // Pressing another point moves the question there; the first one reads as before.
    buttons[3]?.click();
    expect(second?.textContent).not.toContain('Confirmer');
    second?.click();
    second?.click();
    expect(seen).toHaveLength(1);
    const at = log.findIndex((e) => e.type === 'player.choose' && e.choiceId === MINI_BEST[2]);
    expect(seen[0]).toEqual(log.slice(0, at));
  });

  it('is not there in an exam', () => {
    expect(panel('exam')).toBeNull();
  });
});
