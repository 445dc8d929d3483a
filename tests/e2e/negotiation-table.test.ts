import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, openGame, shot, type Game } from './support/site.ts';
import { answerPath, freshBriefing, tabTo, turnOf, turnTaken } from './support/play.ts';
import { bestDialogueToTable } from '../support/dialogue-to-table.ts';

/**
 * The negotiation table with the keyboard alone, at 1280×720: number keys that never shift, the
 * focus back on the table after each move, the client's reply always on screen, and — in
 * assisted mode — a question before a concession for nothing.
 */
const SCENARIO = 'premiere-visite-imprimante';
const BUDGET = 240_000;
/** The scenario's "best" playthrough up to the table. */
const PATH = bestDialogueToTable(SCENARIO);

let game: Game;
let page: Page;

beforeAll(async () => {
  game = await openGame();
  page = game.page;
}, BUDGET);

afterAll(async () => {
  await game?.close();
});

/** Each move button's number key and words, as a keyboard user reads them. */
const keyedMoves = () =>
  page.locator('[data-testid="choices"] button').evaluateAll((buttons) =>
    buttons.map((b) => ({
      key: b.getAttribute('aria-keyshortcuts'),
      text: b.querySelector('.choice__text')?.textContent ?? '',
      disabled: (b as HTMLButtonElement).disabled,
    })),
  );

/** The client's reply is inside the window and the page has nothing to scroll. */
async function replyInView(): Promise<void> {
  const seen = await page.evaluate(() => {
    const line = document.querySelector('[data-testid="client-line"]')?.getBoundingClientRect();
    return {
      top: line?.top ?? -1,
      bottom: line?.bottom ?? Infinity,
      height: window.innerHeight,
      pageHeight: document.documentElement.scrollHeight,
      scrolled: window.scrollY,
    };
  });
  expect(seen.top).toBeGreaterThanOrEqual(0);
  expect(seen.bottom).toBeLessThanOrEqual(seen.height);
  expect(seen.scrolled).toBe(0);
  expect(seen.pageHeight).toBeLessThanOrEqual(seen.height);
}

const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');

/** Presses Tab until the element with this id has the focus, like a keyboard user. */
async function tabToId(id: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if ((await focusedId()) === id) return;
  }
  throw new Error(`#${id} never got the focus within ${max} Tab presses`);
}

/** Presses a key and waits for the game to take the move. */
async function played(press: () => Promise<void>): Promise<void> {
  const before = await turnOf(page);
  await press();
  await turnTaken(page, before);
}

describe('the negotiation table at the keyboard', { timeout: BUDGET }, () => {
  it('keeps number keys, brings the focus back, keeps the reply in view, and asks before a free concession', async () => {
    await freshBriefing(page, game.site.url, SCENARIO);
    await answerPath(page, PATH, 'keys');
    await page.waitForSelector('.offer');
    await shot(page, 'negotiation-table');
    await replyInView();
    expect(await axeProblems(page)).toEqual([]);

    const before = await keyedMoves();
    expect(before.slice(0, 4).map((m) => [m.key, m.text.split('\u00a0')[0]])).toEqual([
      ['1', 'Présenter le prix'],
      ['2', 'Proposer ces conditions'],
      ['3', 'Concéder'],
      ['4', 'Conclure'],
    ]);

    // Key 1 presents the price: its button stays, disabled, and every other move keeps its key.
    await played(() => page.keyboard.press('1'));
    expect(await focusedId()).toBe('offer-heading');
    await replyInView();
    const after = await keyedMoves();
    expect(after.map((m) => [m.key, m.text])).toEqual(before.map((m) => [m.key, m.text]));
    expect(after[0]?.disabled).toBe(true);
    expect(await page.locator('[data-testid="choices"] button').first().innerText()).toContain(
      'le prix est déjà présenté',
    );
    // Its own feedback, in assisted mode, and what was played.
    expect(await page.locator('.dialogue__you').innerText()).toContain('Présentation du prix');
    expect(await page.locator('.feedback').count()).toBe(1);

    // A concession for nothing: 3 % off, « (rien en échange) ».
    await tabToId('concede-item');
    await page.keyboard.type('Remise');
    await tabToId('concede-value');
    await page.keyboard.type('3');
    await tabTo(page, /Concéder/);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('Rien en échange\u00a0?');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Demander une contrepartie');
    await shot(page, 'negotiation-free-concession');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focusedId()).toBe('counterpart-item');

    // … traded instead for 36 months: no question, the move is played with a key press on its button.
    await page.keyboard.type('Durée');
    await tabToId('counterpart-value');
    await page.keyboard.type('36');
    await tabTo(page, /Concéder/);
    await played(() => page.keyboard.press('Enter'));
    expect(await dialog.count()).toBe(0);
    expect(await focusedId()).toBe('offer-heading');
    expect(await page.locator('#offer-heading').innerText()).toContain('Tour 3');
    expect(await page.locator('.dialogue__you').innerText()).toContain('alors Remise → 3');
    await replyInView();
    expect((await keyedMoves()).map((m) => m.key)).toEqual(before.map((m) => m.key));

    // A smaller laptop (1024×768): the reply still stays on screen.
    await page.setViewportSize({ width: 1024, height: 768 });
    await shot(page, 'negotiation-table-1024');
    await replyInView();
    await page.setViewportSize({ width: 1280, height: 720 });

    // From the heading, a number key plays again: 2 proposes the terms on the table.
    await played(() => page.keyboard.press('2'));
    expect(await page.locator('.dialogue__you').innerText()).toContain('Proposition');
  });

  it('shows a declared cascade step by step with its equivalent rate, the reply still in view', async () => {
    const id = 'referencement-grande-surface';
    await freshBriefing(page, game.site.url, id);
    await answerPath(page, bestDialogueToTable(id), 'keys');
    await page.waitForSelector('.offer__cascade');
    await replyInView();
    // 4 % then 2 % with a 2 % RFA, typed at the keyboard: 7,8 %, not 8 %.
    for (const [n, rate] of [
      [1, '4'],
      [2, '2'],
      [3, '2'],
    ] as const) {
      await tabToId(`offer-discountPercent-${n}`);
      await page.keyboard.press('Control+A');
      await page.keyboard.type(rate);
    }
    expect(await page.locator('#offer-discount-equivalent').innerText()).toBe('Taux équivalent\u00a0: 7,8\u00a0%');
    await shot(page, 'negotiation-table-cascade');
    await replyInView();
    expect(await axeProblems(page)).toEqual([]);
  });
});
