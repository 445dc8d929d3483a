import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, openGame, shot, type Game } from './support/site.ts';
import { clearSave } from './support/save.ts';
import { chooseDiploma, chooseFirst, playToDebrief, ready, startVisit, take } from './support/play.ts';

/**
 * A library holding hostile or broken scenarios (tests/fixtures/e2e-scenarios, built into the
 * e2e site only): a condition nested 5,000 deep, a valid scenario with a dead end, and labels of
 * 4,000 characters without a space. Each bad file is one card saying why; the others play.
 */
const BUDGET = 240_000;
let game: Game;
let page: Page;

beforeAll(async () => {
  game = await openGame();
  page = game.page;
}, BUDGET);

afterAll(async () => {
  await game?.close();
});

async function openLibrary(): Promise<void> {
  await page.goto(game.site.url);
  // A fresh profile each time: the save (settings included) is cleared, so the title asks the BTS.
  await clearSave(page);
  await page.goto(`${game.site.url}?lang=fr`);
  await ready(page);
  await chooseDiploma(page);
  await page.getByRole('button', { name: 'Nouvelle visite' }).click();
  await page.locator('.screen--library').waitFor();
}

/** Nothing is wider than the window: no horizontal scrolling. */
const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('a library with hostile scenario files', { timeout: BUDGET }, () => {
  it('shows the 5,000-deep scenario as one card with its code and JSON path', async () => {
    await openLibrary();
    const deep = page.locator('[data-scenario="deep-condition"]');
    const text = await deep.innerText();
    expect(text).toContain('Scénario illisible');
    expect(text).toContain('NS050');
    expect(text).toContain('/phases/prospection/nodes/0/choices/0/condition/when/not/not');
    expect(await deep.locator('button').count()).toBe(0);
  });

  it('shows a scenario a student could not finish as a card with its title and NS102, and does not offer it', async () => {
    const stuck = page.locator('[data-scenario="dead-end"]');
    const text = await stuck.innerText();
    expect(text).toContain('Scénario impossible à terminer');
    expect(text).toContain('«\u00a0Visite sans issue\u00a0»');
    expect(text).toContain('NS102');
    // Where, by ids as negosim check says it, not by position in the file.
    expect(text).toContain('/phases/closing/nodes[c-stuck]');
    expect(await stuck.locator('button').count()).toBe(0);
    // A link to it lands on the library, with a notice, not on a visit that cannot end.
    await page.goto(`${game.site.url}?scenario=dead-end&lang=fr`);
    await ready(page);
    await page.locator('.screen--library').waitFor();
    expect(await page.locator('.notice--warning').innerText()).toContain('dead-end');
  });

  it('passes axe with these cards, and a 4,000-character summary does not widen the page', async () => {
    await openLibrary();
    // A playable card offers its two ways in: prepare the visit, or rehearse it as the exam.
    const card = page.locator('[data-scenario="long-label"]');
    expect(await card.getByRole('button', { name: /^Préparer/ }).count()).toBe(1);
    expect(await card.getByRole('button', { name: /Répétition d'épreuve/ }).count()).toBe(1);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.locator('[data-scenario="deep-condition"]').scrollIntoViewIfNeeded();
    await shot(page, 'library-hostile-files');
    const problems = await axeProblems(page);
    expect(problems, JSON.stringify(problems)).toEqual([]);
  });

  it('plays the others: a 4,000-character choice wraps inside the window and can be taken', async () => {
    await page.goto(`${game.site.url}?scenario=long-label&lang=fr`);
    await ready(page);
    await startVisit(page);
    const long = page.locator('[data-testid="choices"] button[data-choice="p1-agenda"]');
    const box = await long.boundingBox();
    expect(box?.width).toBeLessThanOrEqual(await page.evaluate(() => window.innerWidth));
    expect(await overflow()).toBeLessThanOrEqual(0);
    await shot(page, 'visit-long-label');
    await take(page, long);
    await page.locator('.feedback').waitFor();
  });

  it('plays a shipped scenario to its debrief alongside the broken files', async () => {
    await page.goto(`${game.site.url}?scenario=premiere-visite-imprimante&lang=fr`);
    await ready(page);
    await startVisit(page);
    await chooseFirst(page);
    await playToDebrief(page, 'mouse');
    expect(await page.locator('[data-testid="debrief"] .mark__value').innerText()).toMatch(/^\d{1,2}([,.]5)?\/20$/);
  });

  it('raised no error in the page', () => {
    expect(game.pageErrors).toEqual([]);
  });
});
