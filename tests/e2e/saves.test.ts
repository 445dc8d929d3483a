import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../src/core/save/index.ts';
import { axeProblems, openGame, ROOT, type Game } from './support/site.ts';
import { chooseDiploma, choices, playToDebrief, ready, shown, startVisit, turnOf, turnTaken } from './support/play.ts';
import { clearSave, savedRecords, SAVE_DB } from './support/save.ts';

/**
 * Saves in a real browser: hostile saves boot, two tabs keep each other's results, a full disk
 * is shown with an export, imported marks are the core's, and one intention takes one turn.
 * Play goes through clicks and keys; page.evaluate only prepares or reads storage (and, once,
 * dispatches keys inside a screen change, where no real key can be placed on purpose).
 */
const SCENARIO = 'premiere-visite-imprimante';
const BUDGET = 300_000;
const scenarioText = readFileSync(join(ROOT, 'scenarios', `${SCENARIO}.json`), 'utf8');

let game: Game;
let site: Game['site'];
let browser: BrowserContext;
let page: Page;

async function fresh(path: string, on: Page = page): Promise<void> {
  await on.goto(site.url + '?lang=fr');
  await ready(on);
  await clearSave(on);
  await on.goto(site.url + path);
  await ready(on);
}

/** A finished attempt as an older NegoSim stored it, for a scenario id chosen by the test. */
const oldAttempt = (id: string, scenarioId: string) => ({
  id,
  scenarioId,
  contentHash: contentHash(scenarioText),
  seed: 1,
  pack: 'nrc',
  mode: 'assisted',
  lang: 'fr',
  startedAt: 1_700_000_000_000,
  endedAt: 1_700_000_600_000,
  endingId: 'end-sale',
  marks: { nrc: 20, ndrc: 20 },
  log: [{ type: 'player.start' }],
});

beforeAll(async () => {
  game = await openGame();
  ({ site, browser, page } = game);
}, BUDGET);

afterAll(async () => {
  await game?.close();
});

describe('hostile saves', { timeout: BUDGET }, () => {
  it('a save with "__proto__", "constructor" and "prototype" as ids boots to the title and plays', async () => {
    await fresh('?lang=fr');
    const attempts = ['__proto__', 'constructor', 'prototype'].map((id) => JSON.stringify(oldAttempt(id, id)));
    // Keys written by hand: JSON.stringify would not write "__proto__" as a key.
    const hostile =
      '{"kind":"negosim-save","saveVersion":2,' +
      '"settings":{"__proto__":{"nrc":20},"constructor":{"prototype":{"nrc":20}},"volume":0.4},' +
      `"attempts":[${attempts.join(',')}],` +
      '"best":{"__proto__":{"nrc":20},"constructor":{"nrc":20},"prototype":{"nrc":20}},' +
      '"current":{"__proto__":{"id":"x"},"id":"__proto__"}}';
    await page.evaluate((text) => localStorage.setItem('negosim.save', text), hostile);
    // And records in the database that this game never wrote.
    await page.evaluate(async (name) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name, 1);
        request.onupgradeneeded = () => {
          for (const store of ['attempts', 'state', 'setAside']) request.result.createObjectStore(store);
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
      const tx = db.transaction('attempts', 'readwrite');
      tx.objectStore('attempts').put(JSON.parse('{"__proto__":{"nrc":20},"id":"__proto__"}'), '__proto__');
      tx.objectStore('attempts').put({ id: 'prototype', marks: { constructor: 20 } }, 'prototype-record');
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    }, SAVE_DB);

    await page.goto(site.url + '?lang=fr');
    await ready(page);
    expect(await page.locator('h1').innerText()).toContain('NegoSim');
    expect(await page.locator('.toast--warning').first().innerText()).toContain('abîmée');
    expect(await page.evaluate(() => (Object.prototype as Record<string, unknown>).nrc)).toBeUndefined();
    const kept = (await savedRecords(page, 'attempts')).map((r) => r.key).sort();
    expect(kept).toEqual(['constructor', 'prototype']);

    await chooseDiploma(page);
    await page.getByRole('button', { name: 'Nouvelle visite' }).click();
    await shown(page, '.screen--library');
    await page
      .locator(`[data-scenario="${SCENARIO}"]`)
      .getByRole('button', { name: /Préparer/ })
      .click();
    await startVisit(page);
    await playToDebrief(page, 'mouse');
    await page.getByRole('button', { name: 'Résultats' }).click();
    await shown(page, '.screen--results');
    expect(await page.locator('table.results tbody tr').count()).toBe(3);
    expect(await page.locator('table.results').innerText()).toContain('Scénario retiré (constructor)');
    expect(game.pageErrors).toEqual([]);
  });
});

describe('two tabs', { timeout: BUDGET }, () => {
  it('finishing visits at once keep both attempts; a stale third tab changing the language keeps them too', async () => {
    await fresh(`?scenario=${SCENARIO}&lang=fr`);
    const second = await browser.newPage();
    const third = await browser.newPage();
    try {
      for (const p of [second, third]) p.setDefaultTimeout(90_000);
      await second.goto(`${site.url}?scenario=${SCENARIO}&lang=fr`);
      await third.goto(`${site.url}?lang=fr`);
      await Promise.all([ready(second), ready(third)]);
      await startVisit(page);
      await startVisit(second);
      await Promise.all([playToDebrief(page, 'mouse'), playToDebrief(second, 'mouse', (n) => n - 1)]);

      // Both on disk, and each tab heard of the other's without a reload.
      await expect.poll(async () => (await savedRecords(page, 'attempts')).length).toBe(2);
      await page.getByRole('button', { name: 'Résultats' }).click();
      await shown(page, '.screen--results');
      expect(await page.locator('table.results tbody tr').count()).toBe(2);

      // The third tab never saw either visit; it changes the language, which used to write its
      // empty picture over both.
      await third.getByRole('button', { name: 'English' }).click();
      await third.waitForFunction(() => document.documentElement.lang === 'en');
      await third.getByRole('button', { name: 'My results' }).click();
      await shown(third, '.screen--results');
      expect(await third.locator('table.results tbody tr').count()).toBe(2);
      await page.reload();
      await ready(page);
      expect((await savedRecords(page, 'attempts')).length).toBe(2);
      expect(await page.locator('html').getAttribute('lang')).toBe('fr'); // ?lang=fr in the address wins
    } finally {
      await second.close();
      await third.close();
    }
  });
});

/**
 * A full disk, simulated in the page: while the flag is set, every IndexedDB write fails with
 * the QuotaExceededError a full disk gives. (Chromium's own quota override, through the
 * DevTools protocol, did not make IndexedDB refuse writes on this machine.)
 */
const DISK_FULL = 'negosim-test.disk-full';
function simulateDiskFull(flag: string) {
  for (const method of ['put', 'add'] as const) {
    const original = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, method)?.value as IDBObjectStore['put'];
    IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
      if (sessionStorage.getItem(flag) === '1')
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    };
  }
}
const setDiskFull = (full: boolean) =>
  page.evaluate(([flag, on]) => (on ? sessionStorage.setItem(flag, '1') : sessionStorage.removeItem(flag)), [
    DISK_FULL,
    full,
  ] as const);

describe('a full disk', { timeout: BUDGET }, () => {
  it('shows a visible error with a one-click export, and stores the attempt once there is room again', async () => {
    await page.addInitScript(simulateDiskFull, DISK_FULL);
    await fresh(`?scenario=${SCENARIO}&lang=fr`);
    await startVisit(page);
    try {
      await setDiskFull(true);
      await playToDebrief(page, 'mouse');
      const alert = page.locator('[data-testid="storage-alert"]');
      await alert.waitFor();
      expect(await alert.getAttribute('role')).toBe('alert');
      expect(await alert.innerText()).toContain('le stockage de ce navigateur est plein');
      expect(await axeProblems(page)).toEqual([]);
      const download = page.waitForEvent('download');
      await alert.getByRole('button', { name: 'Exporter mes résultats' }).click();
      const file = JSON.parse(readFileSync((await (await download).path()) ?? '', 'utf8')) as {
        kind: string;
        attempts: { scenarioId: string }[];
      };
      expect(file.kind).toBe('negosim-results');
      expect(file.attempts.map((a) => a.scenarioId)).toEqual([SCENARIO]);
      expect(await savedRecords(page, 'attempts')).toEqual([]);
    } finally {
      await setDiskFull(false);
    }
    // Room again: the next change (here, a setting) also stores the attempt that waited in memory.
    await page.getByRole('button', { name: 'Réglages' }).click();
    await shown(page, '.screen--settings');
    await page.getByLabel('Couper le son').check();
    await page.locator('[data-testid="storage-alert"]').waitFor({ state: 'detached' });
    const stored = await savedRecords(page, 'attempts');
    expect(stored.map((r) => (r.value as { scenarioId: string }).scenarioId)).toEqual([SCENARIO]);
    await page.goto(site.url + '?lang=fr');
    await ready(page);
    await page.getByRole('button', { name: 'Mes résultats' }).click();
    await shown(page, '.screen--results');
    expect(await page.locator('table.results tbody tr').count()).toBe(1);
  });
});

describe('imports', { timeout: BUDGET }, () => {
  it('marks imported attempts by replaying them: a forged 20/20 never shows, and the toast says what was stored', async () => {
    await fresh('?lang=fr');
    const forged = { ...oldAttempt('forged-one', SCENARIO), log: [{ type: 'player.choose', choiceId: 'nope' }] };
    const unknown = oldAttempt('elsewhere-one', 'pas-dans-cette-bibliotheque');
    const file = JSON.stringify({
      kind: 'negosim-results',
      saveVersion: 3,
      exportedAt: 0,
      attempts: [forged, unknown, forged, { id: 'broken' }],
    });
    await page.getByRole('button', { name: 'Mes résultats' }).click();
    await shown(page, '.screen--results');
    await page.setInputFiles('#import-file', {
      name: 'resultats.json',
      mimeType: 'application/json',
      buffer: Buffer.from(file),
    });
    await shown(page, 'table.results');
    const toast = await page.locator('.toast').last().innerText();
    expect(toast).toContain('2 tentatives importées et enregistrées');
    expect(toast).toContain('Dont 2 non vérifiées');
    expect(toast).toMatch(/2 ignorées\u00a0: 1 déjà présente, 1 illisible/);
    const table = await page.locator('table.results').innerText();
    expect(table).not.toContain('20/20');
    expect(table).toContain('Non vérifiée (parcours refusé par le scénario)');
    await page.getByRole('button', { name: 'Scénarios' }).click();
    await shown(page, '.screen--library');
    expect(await page.locator(`[data-scenario="${SCENARIO}"] .card__best`).innerText()).not.toContain('Meilleure');
  });
});

describe('one intention, one turn', { timeout: BUDGET }, () => {
  /** Does something, then reads how many turns it took once the page has drawn a frame. */
  async function turnsTakenBy(action: () => Promise<void>): Promise<number> {
    await shown(page, '[data-testid="choices"] button:not([disabled])');
    const before = Number(await turnOf(page));
    await action();
    await turnTaken(page, String(before));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    return Number(await turnOf(page)) - before;
  }

  it('a double click, a triple click, a held number key and a held Enter each take one turn', async () => {
    await fresh(`?scenario=${SCENARIO}&lang=fr`);
    await startVisit(page);
    expect(await turnsTakenBy(() => choices(page).first().dblclick())).toBe(1);
    expect(await turnsTakenBy(() => choices(page).first().click({ clickCount: 3 }))).toBe(1);
    // Where the second click of a double click lands depends on the layout of the next turn;
    // when a choice is drawn under the pointer, the browser reports that click as the second
    // of the pair (detail 2) on the new button. That is the click that used to be scored.
    expect(
      await turnsTakenBy(async () => {
        const before = await turnOf(page);
        await choices(page).first().click();
        await turnTaken(page, before);
        const box = await choices(page).first().boundingBox();
        if (!box) throw new Error('no choice drawn');
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.down({ clickCount: 2 });
        await page.mouse.up({ clickCount: 2 });
      }),
    ).toBe(1);
    const held = async (key: string) => {
      for (let i = 0; i < 6; i++) await page.keyboard.down(key); // the 2nd to 6th are key repeats
      await page.keyboard.up(key);
    };
    const key = (await choices(page).first().getAttribute('aria-keyshortcuts')) ?? '1';
    expect(await turnsTakenBy(() => held(key))).toBe(1);
    expect(
      await turnsTakenBy(async () => {
        await choices(page).first().focus();
        await held('Enter');
      }),
    ).toBe(1);
  });

  it('keys pressed while the briefing gives way to the visit are dropped', async () => {
    await fresh(`?scenario=${SCENARIO}&lang=fr`);
    for (let i = 0; i < 20 && !(await page.locator('[data-choice="start"]').count()); i++) {
      const before = await turnOf(page);
      await choices(page).first().click();
      await turnTaken(page, before);
    }
    // With a plan written, the start takes two turns (the note, then the start). Keys taken by
    // the briefing on its way out would press its start button again, and file the note again.
    await page.locator('#plan').fill('Découvrir le besoin, puis proposer.');
    const startTurn = Number(await turnOf(page)) + 2;
    // The start button, then three number keys at once, before the visit screen is drawn.
    await page.evaluate(() => {
      document.querySelector<HTMLButtonElement>('[data-choice="start"]')?.click();
      for (let i = 0; i < 3; i++) document.dispatchEvent(new KeyboardEvent('keydown', { key: '1', bubbles: true }));
    });
    await shown(page, '.screen--visit [data-testid="choices"] button:not([disabled])');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(Number(await turnOf(page))).toBe(startTurn);
    expect(game.pageErrors).toEqual([]);
  });
});
