import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, openGame, shot, type Game } from './support/site.ts';
import {
  answerPath,
  chooseDiploma,
  chooseFirst,
  choices,
  playToDebrief,
  pressKeyOf,
  ready,
  startVisit,
  tabTo,
  openLatestDebrief,
} from './support/play.ts';
import { clearSave, savedRecords } from './support/save.ts';
import { bestDialogueToTable } from '../support/dialogue-to-table.ts';

/**
 * The game in a real browser (Debian's chromium): one build, one browser and one page for the
 * whole file. Play goes through the DOM only — clicks and keys, like a student; page.evaluate
 * only reads or prepares storage, never plays.
 */
const MARK = /^\d{1,2}([,.]5)?\/20$/;
const SCENARIO = 'premiere-visite-imprimante';
/** Generous: CI machines have two cores, and software WebGL shares them with the test. */
const TURN_BUDGET = 240_000;

let game: Game;
let site: Game['site'];
let browser: BrowserContext;
let page: Page;
const outsideRequests: string[] = [];

async function fresh(path: string): Promise<void> {
  await page.goto(site.url);
  await clearSave(page);
  await page.goto(site.url + path);
  await ready(page);
}

async function expectAccessible(name: string): Promise<void> {
  await shot(page, name);
  const problems = await axeProblems(page);
  expect(problems, `axe on the ${name} screen: ${JSON.stringify(problems)}`).toEqual([]);
}

const markText = () => page.locator('[data-testid="debrief"] .mark__value').innerText();

beforeAll(async () => {
  game = await openGame();
  ({ site, browser, page } = game);
  const origin = new URL(site.url).origin;
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) outsideRequests.push(u);
  });
}, TURN_BUDGET);

afterAll(async () => {
  await game?.close();
});

describe('a student at the keyboard', { timeout: TURN_BUDGET }, () => {
  it('goes from the title to a debrief with the keyboard alone, and every screen passes axe', async () => {
    await fresh('?lang=fr');
    expect(await page.locator('h1').innerText()).toContain('NegoSim');
    // No sound library before the first gesture: howler is only fetched once the player acts.
    expect(await page.evaluate(() => typeof (window as unknown as { Howler?: unknown }).Howler)).toBe('undefined');
    await expectAccessible('title');

    // The first launch asks which BTS: a new visit waits for the answer, and says so.
    await tabTo(page, /^Nouvelle visite$/);
    await page.keyboard.press('Enter');
    expect(await page.getByRole('status').filter({ hasText: 'Choisissez d’abord votre BTS' }).count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Quel BTS préparez-vous\u00a0?');
    await tabTo(page, /^BTS NDRC/);
    await page.keyboard.press('Enter');
    await page.locator('.diploma').waitFor({ state: 'detached' });
    await tabTo(page, /^Nouvelle visite$/);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.screen--library');
    await expectAccessible('library');

    await tabTo(page, /^Préparer la visite$/, SCENARIO);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.screen--briefing');
    expect(await page.locator('h1').innerText()).toContain('Fiche de préparation');
    await expectAccessible('briefing');

    // Preparation choices and the start button answer to the number keys too.
    await startVisit(page, 'keys');
    expect((await page.locator('[data-testid="client-line"]').innerText()).length).toBeGreaterThan(10);
    expect(await page.locator('[data-testid="client-line"]').getAttribute('aria-live')).toBe('polite');
    await pressKeyOf(page, choices(page).first());
    await page.waitForSelector('.feedback');
    await expectAccessible('visit');
    expect(await page.evaluate(() => typeof (window as unknown as { Howler?: unknown }).Howler)).toBe('object');

    await playToDebrief(page, 'keys', (n) => n - 1);
    await page.waitForSelector('[data-testid="debrief"]');
    expect(await markText()).toMatch(MARK);
    expect(await page.locator('[data-testid="debrief"]').innerText()).toMatch(/\d{1,2}(,5)?\/20/);
    await expectAccessible('debrief');
  });

  it('switches the debrief between the NDRC and NRC referentials, with levels written in words', async () => {
    // The debrief opens under today's diploma, NDRC, unless the student chose the earlier one.
    const ndrc = await page.locator('.debrief__pack-title').innerText();
    expect(ndrc).toContain('NDRC');
    await page.getByLabel('NRC', { exact: true }).check();
    await page.waitForFunction(
      (before) => document.querySelector('.debrief__pack-title')?.textContent !== before,
      ndrc,
    );
    expect(await page.locator('.debrief__pack-title').innerText()).toContain('NRC');
    expect(await markText()).toMatch(MARK);
    const levels = await page.locator('.bar__level strong').allInnerTexts();
    expect(levels.length).toBeGreaterThan(0);
    for (const l of levels) expect(l).toMatch(/acquis|cours|maîtris/i);
    expect(await page.locator('.timeline__item').count()).toBeGreaterThan(3);
  });

  it('lists the attempt in the results, reopens its debrief, and the best mark shows on the library card', async () => {
    await page.getByRole('button', { name: 'Résultats' }).click();
    await page.waitForSelector('.screen--results');
    expect(await page.locator('table.results tbody tr').count()).toBe(1);
    await expectAccessible('results');
    await openLatestDebrief(page);
    expect(await markText()).toMatch(MARK);
    await page.getByRole('button', { name: 'Scénarios' }).click();
    await page.waitForSelector('.screen--library');
    expect(await page.locator(`[data-scenario="${SCENARIO}"] .card__best`).innerText()).toMatch(
      /Meilleure note NDRC\u00a0: \d/,
    );
  });
});

describe('a student with the mouse, in English, who reloads mid-visit', { timeout: TURN_BUDGET }, () => {
  it('goes from the title to a debrief with the mouse alone', async () => {
    await fresh('?lang=fr');
    await chooseDiploma(page);
    await page.getByRole('button', { name: 'Nouvelle visite' }).click();
    await page.waitForSelector('.screen--library');
    await page
      .locator(`[data-scenario="${SCENARIO}"]`)
      .getByRole('button', { name: /Préparer/ })
      .click();
    await page.waitForSelector('.screen--briefing');
    await startVisit(page, 'mouse');
    await playToDebrief(page, 'mouse', (n, turn) => turn % n);
    expect(await markText()).toMatch(MARK);
  });

  it('opens a shared link in English, reloads in the middle of the visit and resumes where it stopped', async () => {
    await fresh(`?scenario=${SCENARIO}&lang=en`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').innerText()).toContain('Preparation sheet');
    await startVisit(page);
    await chooseFirst(page);
    await chooseFirst(page);
    const line = await page.locator('[data-testid="client-line"]').innerText();
    const turn = await page.locator('[data-testid="choices"]').getAttribute('data-turn');

    await page.reload();
    await ready(page);
    await page.waitForSelector('.screen--visit');
    expect(await page.locator('[data-testid="client-line"]').innerText()).toBe(line);
    expect(await page.locator('[data-testid="choices"]').getAttribute('data-turn')).toBe(turn);
    expect(await page.locator('.dialogue .resumed').innerText()).toContain('resumed');

    await playToDebrief(page, 'mouse');
    expect(await markText()).toMatch(MARK);
    expect(await page.locator('h1').innerText()).toContain('Visit debrief');
  });

  it('hides the gauges and the feedback in exam-like mode until the debrief', async () => {
    await fresh(`?scenario=${SCENARIO}&lang=fr`);
    await page.getByLabel(/Comme à l'examen/).check();
    await startVisit(page);
    await chooseFirst(page);
    expect(await page.locator('.gauges').count()).toBe(0);
    expect(await page.locator('.feedback').count()).toBe(0);
    expect(await page.locator('.visit__side').innerText()).toContain('Mode examen');
    await expectAccessible('visit-exam');
    await playToDebrief(page, 'mouse');
    expect(await page.locator('.timeline__item').count()).toBeGreaterThan(3);
  });
});

describe('a student at the negotiation table', { timeout: TURN_BUDGET }, () => {
  it('trades concessions in the offer panel, sees live figures, and gets the margin in the debrief', async () => {
    await fresh(`?scenario=${SCENARIO}&lang=fr`);
    // The scenario's own "best" playthrough gives the dialogue choices up to the table.
    await answerPath(page, bestDialogueToTable(SCENARIO), 'mouse');
    await page.waitForSelector('.offer');
    expect(await page.locator('.offer__figures').innerText()).toMatch(/Taux de marque\s+\d+(,\d+)?[\u00a0\u202f]%/);
    // Only the view: the panel's heading at the top of the window for the picture.
    await page.locator('#offer-heading').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(page, 'negotiation');
    expect(await axeProblems(page)).toEqual([]);

    const move = async (button: RegExp) => {
      const before = await page.locator('[data-testid="choices"]').getAttribute('data-turn');
      await page.locator('[data-testid="choices"] button').filter({ hasText: button }).click();
      await page.waitForFunction(
        (prev) => document.querySelector('[data-testid="choices"]')?.getAttribute('data-turn') !== prev,
        before,
      );
    };
    await page.getByLabel('Technique').selectOption('fractioning');
    await move(/Présenter le prix/);
    await page.getByLabel('Je vous accorde').selectOption('discountPercent');
    await page.locator('#concede-value').fill('2');
    await page.getByLabel("si vous m'accordez").selectOption('commitmentMonths');
    await page.locator('#counterpart-value').fill('36');
    await move(/Concéder/);
    expect(await page.locator('#offer-heading').innerText()).toContain('Tour 3');
    await page.locator('#offer-discountPercent').fill('2');
    await page.locator('#offer-commitmentMonths').fill('36');
    await move(/Conclure/);
    await playToDebrief(page, 'mouse');
    const outcome = await page.locator('.debrief__outcome').innerText();
    expect(outcome).toContain('Objectif de taux de marque');
    expect(outcome).toMatch(/Concessions\s+\d/);
    expect(await page.locator('.timeline__item').filter({ hasText: 'Votre coup' }).count()).toBeGreaterThanOrEqual(3);
  });
});

describe('content and saves never break the game', { timeout: TURN_BUDGET }, () => {
  it('shows HTML and <script> written in a scenario as plain text, never as markup', async () => {
    await fresh('?scenario=html-injection&lang=fr');
    expect(await page.locator('h1').innerText()).toContain('<script>window.__pwned=2</script>');
    await startVisit(page);
    expect(await page.locator('[data-testid="client-line"]').innerText()).toBe(
      'Bonjour <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> fin',
    );
    expect(await page.locator('#ui img, #ui script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('lists a broken scenario file as a card with its error, and the others still load', async () => {
    await fresh('?lang=fr');
    await chooseDiploma(page);
    await page.getByRole('button', { name: 'Nouvelle visite' }).click();
    await page.waitForSelector('.screen--library');
    const broken = page.locator('[data-scenario="broken-file"]');
    expect(await broken.innerText()).toContain('NS020');
    // A playable card opens its briefing or an exam rehearsal (docs/exam.md).
    expect(await page.locator(`[data-scenario="${SCENARIO}"] button`).count()).toBe(2);
  });

  it('recovers from a corrupted save: it is set aside with a message and the game starts', async () => {
    // A save of an older NegoSim (localStorage), damaged: it is kept, untouched, in the database.
    await page.evaluate(() => localStorage.setItem('negosim.save', '{"kind":"negosim-save","saveVersion":2, broken'));
    await page.goto(site.url + '?lang=fr');
    await ready(page);
    expect(await page.locator('.toast--warning').innerText()).toMatch(/illisible.*mise de côté/);
    const kept = await savedRecords(page, 'setAside');
    expect(kept.find((r) => r.key.startsWith('negosim.save.set-aside.'))?.value).toMatchObject({
      original: '{"kind":"negosim-save","saveVersion":2, broken',
    });
    await page.getByRole('button', { name: 'Nouvelle visite' }).click();
    await page.waitForSelector('.screen--library');
  });

  it('keeps settings: text size, sound and language are remembered after a reload', async () => {
    await page.goto(site.url + '?lang=fr');
    await ready(page);
    await page.getByRole('button', { name: 'Réglages' }).click();
    await page.waitForSelector('.screen--settings');
    await expectAccessible('settings');
    await page.getByLabel('Taille du texte').selectOption('large');
    await page.getByLabel('Couper le son').check();
    // Stored a few milliseconds later, in one IndexedDB transaction (nothing is said saved before).
    await expect
      .poll(async () => (await savedRecords(page, 'state')).find((r) => r.key === 'settings')?.value)
      .toMatchObject({ textSize: 'large', muted: true });
    await page.reload();
    await ready(page);
    expect(await page.locator('html').getAttribute('data-text-size')).toBe('large');
    await page.getByRole('button', { name: 'Réglages' }).click();
    expect(await page.getByLabel('Couper le son').isChecked()).toBe(true);
    // The BTS is changeable here and remembered: the title then no longer asks.
    await page.getByLabel('Référentiel de notation').selectOption('nrc');
    await expect
      .poll(async () => (await savedRecords(page, 'state')).find((r) => r.key === 'settings')?.value)
      .toMatchObject({ pack: 'nrc' });
    await page.reload();
    await ready(page);
    await page.getByRole('button', { name: 'Réglages' }).click();
    expect(await page.getByLabel('Référentiel de notation').inputValue()).toBe('nrc');
    await page.getByRole('button', { name: '← Retour' }).click();
    await page.waitForSelector('.screen--title');
    expect(await page.locator('.diploma').count()).toBe(0);
  });

  it('keeps working offline once loaded: a scenario in a setting never opened online plays with its art', async () => {
    await fresh('?lang=fr');
    // The service worker caches the whole site at install, then takes control of the page.
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null);
    // The title reads the scenarios in the background: let it finish, or leaving the page would
    // abort those requests and count them as failures of the offline game.
    await page.waitForLoadState('networkidle');
    const failed: string[] = [];
    const onFailed = (r: { url(): string }) => failed.push(r.url());
    page.on('requestfailed', onFailed);
    await browser.setOffline(true);
    try {
      await page.goto(`${site.url}?scenario=teleprospection-fontaines-eau&lang=fr`);
      await ready(page);
      await startVisit(page);
      expect((await page.locator('[data-testid="client-line"]').innerText()).length).toBeGreaterThan(10);
      await chooseFirst(page);
      expect(failed).toEqual([]);
    } finally {
      page.off('requestfailed', onFailed);
      await browser.setOffline(false);
    }
  });

  it('asked nothing of any other origin, and raised no error', () => {
    expect(outsideRequests).toEqual([]);
    expect(game.pageErrors).toEqual([]);
  });
});
