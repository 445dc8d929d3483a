import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fr from '../../src/locales/game/fr.json';
import { openGame, type Game } from './support/site.ts';
import { answerPath, freshBriefing } from './support/play.ts';
import { bestDialogueToTable } from '../support/dialogue-to-table.ts';

/**
 * A woman client on the phone, as a student reads her: the stage directions under her lines
 * never describe a gesture (nobody sees her), and her mood and face are written in the
 * feminine (« intéressée », « a l'air inquiète »).
 */
const SCENARIO = 'teleprospection-fontaines-eau';
const BUDGET = 240_000;
const PATH = bestDialogueToTable(SCENARIO);

const gestureWords = Object.values(fr.gesture).filter((w) => w !== '');
/** The feminine form of each word that has one (« intéressée »), next to the masculine (« intéressé »). */
const genderedForms = (forms: Record<string, string>) =>
  Object.keys(forms)
    .filter((key) => !key.endsWith('_female') && forms[`${key}_female`] !== undefined)
    .map((key) => ({ male: forms[key]!, female: forms[`${key}_female`]! }));
/** Every word a woman's mood can read: the feminine form where there is one. */
const femaleMoods = Object.keys(fr.mood)
  .filter((key) => !key.endsWith('_female'))
  .map((key) => (fr.mood as Record<string, string>)[`${key}_female`] ?? (fr.mood as Record<string, string>)[key]);

let game: Game;
let page: Page;

beforeAll(async () => {
  game = await openGame();
  page = game.page;
}, BUDGET);

afterAll(async () => {
  await game?.close();
});

describe('a woman client on the phone', { timeout: BUDGET }, () => {
  it('shows no gesture and speaks of her in the feminine, all along the best path', async () => {
    await freshBriefing(page, game.site.url, SCENARIO);

    const cues: string[] = [];
    const moods: string[] = [];
    await answerPath(page, PATH, 'keys', async () => {
      if (!(await page.locator('.screen--visit').count())) return;
      cues.push(await page.locator('.dialogue__cue').innerText());
      moods.push((await page.locator('.gauges__mood').innerText()).replace(/^Humeur\s*:\s*/, ''));
    });

    expect(cues.length).toBeGreaterThan(5);
    const spoken = cues.filter((c) => c !== '');
    expect(spoken.length).toBeGreaterThan(5);
    for (const cue of spoken) for (const word of gestureWords) expect(cue).not.toContain(word);
    // « a l'air inquiet » never, « a l'air inquiète » yes (the masculine followed by no "e").
    for (const cue of spoken)
      for (const { male } of genderedForms(fr.expression)) expect(cue).not.toMatch(new RegExp(`${male}(?!e)`));

    // The mood moves along the best path: it reaches a word whose feminine form differs.
    for (const mood of moods) expect(femaleMoods).toContain(mood);
    const distinct = genderedForms(fr.mood).map((f) => f.female);
    expect(moods.some((m) => distinct.includes(m))).toBe(true);
  });
});
