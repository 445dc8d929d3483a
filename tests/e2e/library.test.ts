import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PathStep } from '../../src/core/playthroughs/path.ts';
import { evaluateVisit } from '../../src/core/scoring/evaluate.ts';
import { pack } from '../support/referentials.ts';
import { replayVisit } from '../../src/core/visit/visit-session.ts';
import type { VisitEvent } from '../../src/core/visit/visit-types.ts';
import { negosim } from '../support/run-cli.ts';
import { shippedScenarios } from '../support/shipped-scenarios.ts';
import { choices, ready, take } from './support/play.ts';
import { clearSave, savedRecords } from './support/save.ts';
import { openGame, type Game } from './support/site.ts';

/**
 * Every scenario of the library, played in the browser to its debrief through the DOM only,
 * as a student following the scenario's best path would: the dialogue choices of its "best"
 * playthrough are clicked by id; at the negotiation table (whose moves are typed in the offer
 * panel) and wherever the path has nothing to say, the first offered button is clicked.
 * Half the scenarios are played in English. The mark the debrief shows must be the one the
 * core gives when it replays the event log the game saved: what the student reads is what the
 * rules decide.
 */
const BUDGET = 240_000;
const library = shippedScenarios();

let game: Game;
let page: Page;

beforeAll(async () => {
  game = await openGame();
  page = game.page;
}, BUDGET);

afterAll(async () => {
  await game?.close();
});

/** Plays to the debrief; returns how many dialogue choices of the path were clicked by id. */
async function playBestPath(path: readonly PathStep[]): Promise<number> {
  const wanted = path.filter((t): t is string => typeof t === 'string');
  let next = 0;
  for (let turn = 0; turn < 120; turn++) {
    await page.waitForSelector('[data-testid="choices"] button:not([disabled]), [data-testid="debrief"]');
    if (await page.locator('[data-testid="debrief"]').count()) return next;
    const start = page.locator('[data-choice="start"]');
    if (await start.count()) {
      await start.click();
      await page.waitForSelector('.screen--visit [data-testid="client-line"]');
      continue;
    }
    const byId =
      next < wanted.length
        ? page.locator(`[data-testid="choices"] button[data-choice="${wanted[next]}"]:not([disabled])`)
        : null;
    if (byId && (await byId.count())) {
      await take(page, byId);
      next++;
    } else {
      await take(page, choices(page).first());
    }
  }
  throw new Error('the visit did not reach the debrief in 120 turns');
}

interface SavedAttempt {
  scenarioId: string;
  seed: number;
  log: VisitEvent[];
  pack: string;
  marks: Record<string, number>;
}

describe('every scenario of the library plays to a debrief in the browser', { timeout: BUDGET }, () => {
  library.forEach((scenario, i) => {
    const id = scenario.index.scenario.meta.id;
    const lang = i % 2 === 0 ? 'fr' : 'en';
    it(`${id} (${lang})`, async () => {
      await page.goto(game.site.url);
      await clearSave(page);
      await page.goto(`${game.site.url}?scenario=${id}&lang=${lang}`);
      await ready(page);
      await page.waitForSelector('.screen--briefing');
      const best = scenario.playthroughs?.playthroughs.find((p) => p.kind === 'best');
      expect(best, `${id} ships a best playthrough`).toBeDefined();

      const followed = await playBestPath(best?.path ?? []);
      expect(followed).toBeGreaterThan(10);
      const debrief = page.locator('[data-testid="debrief"]');
      expect(await page.locator('h1').innerText()).toContain(lang === 'fr' ? 'Bilan' : 'debrief');
      const shown = await debrief.locator('.mark__value').innerText();
      expect(shown).toMatch(/^\d{1,2}([,.]5)?\/20$/);
      expect(await page.locator('.timeline__item').count()).toBeGreaterThan(10);

      // The save holds the event log; the core replays it to the same mark.
      const attempts = (await savedRecords(page, 'attempts')).map((r) => r.value as SavedAttempt);
      expect(attempts).toHaveLength(1);
      const attempt = attempts[0] as SavedAttempt;
      expect(attempt.scenarioId).toBe(id);
      const { session, refused } = replayVisit(scenario.index, { seed: attempt.seed }, attempt.log);
      expect(refused).toEqual([]);
      expect(session.context().cursor.kind).toBe('ended');
      // The debrief opens under the attempt's referential: today's diploma unless the student chose another.
      expect(attempt.pack).toBe('ndrc');
      const mark = evaluateVisit(scenario.index, pack(attempt.pack), session.context()).mark;
      expect(attempt.marks[attempt.pack]).toBe(mark);
      const written = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 }).format(
        mark,
      );
      expect(shown).toBe(`${written}/20`);

      // The command line, given the same seed and path, prints the same moves and the same mark.
      const path = attempt.log.flatMap((e): PathStep[] =>
        e.type === 'player.choose' ? [e.choiceId] : e.type === 'nego.move' ? [{ nego: e.move }] : [],
      );
      const file = `scenarios/${scenario.file}`;
      const args = ['play', file, '--seed', String(attempt.seed), '--choices', JSON.stringify(path)];
      const cli = negosim([...args, '--lang', lang, '--referential', attempt.pack]);
      expect(cli.code, cli.stderr).toBe(0);
      const moves = await debrief.locator('.timeline__item[data-kind="negotiation"] .timeline__choice').allInnerTexts();
      for (const move of moves) expect(cli.stdout).toContain(`> ${move.replace(/^[^:]+:\s*/, '')}`);
      expect(cli.stdout).toContain(`${written}/20`);
    });
  });

  it('raised no error in the page', () => {
    expect(game.pageErrors).toEqual([]);
  });
});
