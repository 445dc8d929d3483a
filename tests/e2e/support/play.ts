import type { Locator, Page } from 'playwright-core';
import { clearSave } from './save.ts';

/** Waits for an element without keeping a handle that would pin it in the page's heap. */
export async function shown(page: Page, selector: string): Promise<void> {
  await page.locator(selector).first().waitFor();
}

export const choices = (page: Page) => page.locator('[data-testid="choices"] button:not([disabled])');

/** The turn the visit is at (`data-turn`: events taken so far), to see when the game answers. */
export const turnOf = (page: Page) => page.locator('[data-testid="choices"]').getAttribute('data-turn');

/** Waits until the game has answered: new choices, or another screen (e.g. the debrief). */
export async function turnTaken(page: Page, before: string | null): Promise<void> {
  await page.waitForFunction((prev) => {
    const c = document.querySelector('[data-testid="choices"]');
    return !c || c.getAttribute('data-turn') !== prev || document.querySelector('[data-testid="debrief"]') !== null;
  }, before);
}

/**
 * Answers the first launch's question — which BTS the student prepares — with a click, as a
 * student does before their first visit (the title asks until it is answered).
 */
export async function chooseDiploma(page: Page, diploma: 'NDRC' | 'NRC' = 'NDRC'): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^BTS ${diploma}\\b`) }).click();
  await page.locator('.diploma').waitFor({ state: 'detached' });
}

/** Waits until the game has booted and shown its first screen. */
export async function ready(page: Page): Promise<void> {
  await shown(page, 'body[data-ready="true"]');
}

/**
 * Presses Tab until the focused element has this accessible text (and, for a library card's
 * button, belongs to that scenario's card), like a keyboard user.
 */
export async function tabTo(page: Page, text: RegExp, scenario?: string, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return {
        label: el ? (el.getAttribute('aria-label') ?? el.textContent ?? '') : '',
        card: el?.closest<HTMLElement>('[data-scenario]')?.dataset.scenario ?? null,
      };
    });
    if (text.test(focused.label) && (!scenario || focused.card === scenario)) return;
  }
  throw new Error(`no focusable element matching ${text} within ${max} Tab presses`);
}

/**
 * Presses the number key shown on a choice, as a keyboard user reads it. Numbers count every
 * button, disabled ones included (a disabled choice keeps its place and says why), so the
 * second enabled choice is not always key 2. Past 9 there is no key: Tab to it and press Enter.
 */
export async function pressKeyOf(page: Page, button: Locator): Promise<void> {
  const key = await button.getAttribute('aria-keyshortcuts');
  if (key) await page.keyboard.press(key);
  else {
    await button.focus();
    await page.keyboard.press('Enter');
  }
}

/** The « Passer (sans micro) » button of the spoken-answer panel shown before a decision's choices. */
export const SKIP_SPOKEN = '[data-testid="spoken-skip"]:not([disabled])';

/**
 * Spoken answers are on in exam rehearsals: a play that does not speak presses « Passer (sans
 * micro) » when the panel asks, as a student without a microphone does, and waits for the choices.
 */
export async function skipSpokenAnswer(page: Page): Promise<void> {
  await shown(page, `[data-testid="choices"] button:not([disabled]), ${SKIP_SPOKEN}`);
  if (await page.locator(SKIP_SPOKEN).count()) {
    await page.locator(SKIP_SPOKEN).click();
    await shown(page, '[data-testid="choices"] button:not([disabled])');
  }
}

/**
 * Plays until the debrief: each turn presses the number key of a choice (keyboard) or clicks
 * it (mouse). `pick` chooses which of the offered choices, by position among the enabled ones.
 */
export async function playToDebrief(
  page: Page,
  how: 'keys' | 'mouse',
  pick: (count: number, turn: number) => number = () => 0,
): Promise<number> {
  for (let turn = 0; turn < 80; turn++) {
    await shown(page, `[data-testid="choices"] button:not([disabled]), [data-testid="debrief"], ${SKIP_SPOKEN}`);
    if (await page.locator('[data-testid="debrief"]').count()) return turn;
    await skipSpokenAnswer(page);
    const buttons = choices(page);
    const count = await buttons.count();
    const i = Math.min(count - 1, pick(count, turn));
    const before = await turnOf(page);
    if (how === 'keys') await pressKeyOf(page, buttons.nth(i));
    else await buttons.nth(i).click();
    await turnTaken(page, before).catch(async (error: unknown) => {
      const state = await page.evaluate(() => ({
        focus: document.activeElement?.outerHTML.slice(0, 120),
        choices: document.querySelector('[data-testid="choices"]')?.textContent?.slice(0, 300),
        toasts: [...document.querySelectorAll('.toast')].map((t) => t.textContent),
      }));
      throw new Error(`turn ${turn} (${how}, choice ${i + 1} of ${count}) had no effect: ${JSON.stringify(state)}`, {
        cause: error,
      });
    });
  }
  throw new Error('the visit did not reach the debrief in 80 turns');
}

/** From a briefing: makes the preparation choices (the first offered each time), then starts the visit. */
export async function startVisit(page: Page, how: 'keys' | 'mouse' = 'mouse'): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await shown(page, '[data-testid="choices"] button:not([disabled])');
    const isStart = (await page.locator('[data-choice="start"]').count()) > 0;
    const before = await turnOf(page);
    if (how === 'keys') await pressKeyOf(page, choices(page).first());
    else await choices(page).first().click();
    if (isStart) {
      await shown(page, '.screen--visit [data-testid="client-line"]');
      return;
    }
    await turnTaken(page, before);
  }
  throw new Error('the briefing never offered to start the visit');
}

/**
 * Answers the given choices by id, from the briefing on (the start button pressed when it comes),
 * by number key or click, each time waiting until the game has taken the turn. `beforeEach` sees
 * the page before each answer (to read what the student reads there).
 */
export async function answerPath(
  page: Page,
  ids: readonly string[],
  how: 'keys' | 'mouse',
  beforeEach: () => Promise<void> = async () => {},
): Promise<void> {
  for (const id of ids) {
    await shown(page, '[data-testid="choices"] button:not([disabled])');
    const start = page.locator('[data-choice="start"]');
    if (await start.count()) {
      if (how === 'keys') await pressKeyOf(page, start);
      else await start.click();
      await shown(page, '.screen--visit [data-testid="client-line"]');
    }
    await beforeEach();
    const before = await turnOf(page);
    const button = page.locator(`[data-choice="${id}"]`);
    if (how === 'keys') await pressKeyOf(page, button);
    else await button.click();
    await turnTaken(page, before);
  }
}

/** Clicks a button and waits until the game has taken the turn. */
export async function take(page: Page, button: Locator): Promise<void> {
  const before = await turnOf(page);
  await button.click();
  await turnTaken(page, before);
}

/** Clicks the first offered choice and waits for the visit to take the turn. */
export async function chooseFirst(page: Page): Promise<void> {
  await take(page, choices(page).first());
}

/** From the results screen: opens the debrief of the latest attempt (the table's first row), with a click. */
export async function openLatestDebrief(page: Page): Promise<void> {
  await page
    .locator('table.results tbody tr')
    .first()
    .getByRole('button', { name: /Bilan du/ })
    .click();
  await shown(page, '[data-testid="debrief"]');
}

/**
 * A student's first visit to this scenario in a browser with nothing stored: the save cleared,
 * the scenario's briefing opened in French, and the BTS question answered (NDRC) if asked.
 */
export async function freshBriefing(page: Page, siteUrl: string, scenario: string): Promise<void> {
  await page.goto(siteUrl);
  await clearSave(page);
  await page.goto(`${siteUrl}?scenario=${scenario}&lang=fr`);
  await ready(page);
  if (await page.getByRole('button', { name: /^BTS NDRC\b/ }).count()) await chooseDiploma(page);
}
