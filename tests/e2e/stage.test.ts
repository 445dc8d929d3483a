import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openGame, type Game } from './support/site.ts';
import { chooseDiploma, choices, ready, shown, startVisit, turnOf, turnTaken } from './support/play.ts';
import { savedRecords } from './support/save.ts';

/**
 * The drawn stage on a school computer without a GPU (the browser draws in software): the
 * title does not wait for it, it comes in behind the screens, and a click's answer is on the
 * page before the stage does any of its work. Clicks like a student; page.evaluate only reads
 * (or listens).
 */
const SCENARIO = 'premiere-visite-imprimante';
const BUDGET = 240_000;

let game: Game;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  game = await openGame();
  page = game.page;
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
}, BUDGET);

afterAll(async () => {
  await game?.close();
});

/** The colours of a few points of the stage's canvas, where the client stands in a visit. */
const stagePixels = () =>
  page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('#stage canvas');
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return null;
    const points = [0.72, 0.78, 0.84].flatMap((x) => [0.35, 0.55].map((y) => [x, y] as const));
    return points.map(([x, y]) =>
      Array.from(ctx.getImageData(canvas.width * x, canvas.height * y, 1, 1).data).join(','),
    );
  });

describe('the drawn stage', { timeout: BUDGET }, () => {
  it('shows a working title while Phaser is still loading, then fades the stage in behind it', async () => {
    // Phaser and the stage's code are held back until the title has been used.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const hold = async (route: Route) => {
      await held;
      await route.continue();
    };
    await page.route(/\/assets\/phaser[^/]*\.js$/, hold);
    await page.goto(game.site.url + '?lang=fr');
    await ready(page);
    expect(await page.locator('#stage canvas').count()).toBe(0);
    await chooseDiploma(page);
    await page.getByRole('button', { name: 'Nouvelle visite' }).click();
    await shown(page, '.screen--library');
    expect(await page.locator('#stage canvas').count()).toBe(0);

    release();
    await shown(page, '#stage[data-ready="true"] canvas');
    await page.unroute(/\/assets\/phaser[^/]*\.js$/, hold);
    expect(consoleErrors.filter((e) => /stage/i.test(e))).toEqual([]);
  });

  it('draws the visit in place of the menu backdrop, and answers a click within the click itself', async () => {
    await page.goto(game.site.url + `?scenario=${SCENARIO}&lang=fr`);
    await ready(page);
    await shown(page, '#stage[data-ready="true"] canvas');
    const menu = await stagePixels();
    await startVisit(page);
    // The setting and the client come in once their pictures have loaded.
    await page.waitForFunction(
      (before) => {
        const canvas = document.querySelector<HTMLCanvasElement>('#stage canvas');
        const ctx = canvas?.getContext('2d');
        if (!canvas || !ctx) return false;
        const now = [0.72, 0.78, 0.84]
          .flatMap((x) => [0.35, 0.55].map((y) => [x, y] as const))
          .map(([x, y]) => Array.from(ctx.getImageData(canvas.width * x, canvas.height * y, 1, 1).data).join(','));
        return JSON.stringify(now) !== JSON.stringify(before);
      },
      menu,
      { polling: 200 },
    );
    expect(await stagePixels()).not.toEqual(menu);

    // Capturing on the window runs before the button's own listener, bubbling on it after: one task.
    await page.evaluate(() => {
      const w = window as unknown as { answeredInClick?: boolean };
      const turn = () => document.querySelector('[data-testid="choices"]')?.getAttribute('data-turn');
      let before: string | null | undefined;
      window.addEventListener('click', () => (before = turn()), { capture: true, once: true });
      window.addEventListener('click', () => (w.answeredInClick = turn() !== before), { once: true });
    });
    const before = await turnOf(page);
    await choices(page).first().click();
    await turnTaken(page, before);
    expect(await page.evaluate(() => (window as unknown as { answeredInClick?: boolean }).answeredInClick)).toBe(true);
  });

  it('remembers the low graphics choice after a reload', async () => {
    await page.goto(game.site.url + '?lang=fr');
    await ready(page);
    await page.getByRole('button', { name: 'Réglages' }).click();
    await shown(page, '.screen--settings');
    expect(await page.getByLabel('Graphismes allégés').inputValue()).toBe('auto');
    await page.getByLabel('Graphismes allégés').selectOption('off');
    // Stored a few milliseconds later in IndexedDB: a reload before that would abort the write.
    await expect
      .poll(async () => (await savedRecords(page, 'state')).find((r) => r.key === 'settings')?.value)
      .toMatchObject({ lowGraphics: 'off' });
    await page.reload();
    await ready(page);
    await page.getByRole('button', { name: 'Réglages' }).click();
    expect(await page.getByLabel('Graphismes allégés').inputValue()).toBe('off');
  });
});
