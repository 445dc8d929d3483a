import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, openGame, shot, type Game } from './support/site.ts';
import { chooseDiploma, ready, startVisit, openLatestDebrief } from './support/play.ts';
import { clearSave } from './support/save.ts';

/**
 * Spoken answers (docs/exam.md, issue 14 item 4) in a real browser, with Chromium's fake
 * microphone (it plays a tone) and its fake permission prompt (it says yes): in an exam
 * rehearsal the student records an answer before the choices appear, hears it again in the
 * debrief next to the best answer, and nothing leaves the browser.
 */
const SCENARIO = 'premiere-visite-imprimante';
const BUDGET = 300_000;
const RECORDINGS_DB = 'negosim-recordings';

let game: Game;
let page: Page;
let origin: string;
/** Every request the browser made, and whether a recording was under way when it left. */
const requests: { url: string; recording: boolean }[] = [];
let recording = false;

const choiceButtons = (p: Page) => p.locator('[data-testid="choices"] button');
/** The choices a student can take (a disabled one keeps its place and says why). */
const offered = (p: Page) => p.locator('[data-testid="choices"] button:not([disabled])');

/** Forgets the recordings too (the save's own clearSave only knows the save's database). */
async function clearRecordings(p: Page): Promise<void> {
  await p.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error ?? new Error('deleteDatabase failed'));
      }),
    RECORDINGS_DB,
  );
}

/** The recordings as stored: which step each answers, its type and how many bytes of audio. */
async function storedRecordings(p: Page): Promise<{ step: number; mime: string; bytes: number }[]> {
  return p.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    try {
      if (!db.objectStoreNames.contains('recordings')) return [];
      const all = db.transaction('recordings').objectStore('recordings').getAll();
      await new Promise((resolve) => (all.onsuccess = resolve));
      return (all.result as { step: number; mime: string; audio: ArrayBuffer }[]).map((r) => ({
        step: r.step,
        mime: r.mime,
        bytes: r.audio.byteLength,
      }));
    } finally {
      db.close();
    }
  }, RECORDINGS_DB);
}

/** Lets Chromium's fake microphone speak for a second (the panel's status counts it). */
async function speakForASecond(p: Page): Promise<void> {
  recording = true;
  await p.waitForSelector('[data-testid="spoken-record"][data-state="recording"]');
  await p.waitForFunction(() =>
    /Enregistrement en cours\u00a0: 0:0[1-9]/.test(
      document.querySelector('[data-testid="spoken-status"]')?.textContent ?? '',
    ),
  );
}

async function stopRecording(p: Page): Promise<void> {
  await p.getByRole('button', { name: 'Arrêter et voir les choix' }).click();
  await p.waitForSelector('[data-testid="choices"] button:not([disabled])');
  recording = false;
}

/**
 * Plays the first choice each turn up to the debrief, skipping the spoken-answer panel, except
 * at the jury's first question, answered aloud.
 */
async function playAnsweringTheJuryAloud(p: Page): Promise<void> {
  let juryRecorded = false;
  for (let turn = 0; turn < 120; turn++) {
    await p
      .locator('[data-testid="choices"] button:not([disabled]), [data-testid="debrief"], [data-testid="spoken"]')
      .first()
      .waitFor();
    if (await p.locator('[data-testid="debrief"]').count()) return;
    if (await p.locator('[data-testid="spoken"]').count()) {
      const jury = ((await p.locator('[data-testid="choices"]').getAttribute('data-turn')) ?? '').startsWith('jury-');
      if (jury && !juryRecorded) {
        await p.getByRole('button', { name: 'Enregistrer ma réponse' }).click();
        await speakForASecond(p);
        await stopRecording(p);
        juryRecorded = true;
      } else {
        await p.getByRole('button', { name: 'Passer (sans micro)' }).click();
        await p.locator('[data-testid="choices"] button:not([disabled])').first().waitFor();
      }
    }
    const before = await p.locator('[data-testid="choices"]').getAttribute('data-turn');
    await offered(p).first().click();
    await p.waitForFunction((prev) => {
      const c = document.querySelector('[data-testid="choices"]');
      return !c || c.getAttribute('data-turn') !== prev || document.querySelector('[data-testid="debrief"]') !== null;
    }, before);
  }
  throw new Error('the visit did not reach the debrief in 120 turns');
}

beforeAll(async () => {
  game = await openGame({ args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'] });
  page = game.page;
  origin = new URL(game.site.url).origin;
  await game.browser.grantPermissions(['microphone'], { origin });
  game.browser.on('request', (r: Request) => requests.push({ url: r.url(), recording }));
}, BUDGET);

afterAll(async () => {
  await game?.close();
});

describe('spoken answers', { timeout: BUDGET }, () => {
  it('records an answer before the choices appear, plays it in the debrief, and sends nothing anywhere', async () => {
    await page.goto(game.site.url);
    await clearSave(page);
    await clearRecordings(page);
    await page.goto(`${game.site.url}?lang=fr`);
    await ready(page);
    await chooseDiploma(page);
    await page.goto(`${game.site.url}?exam=${SCENARIO}&prep=1&sim=900&lang=fr`);
    await ready(page);
    await page.locator('[data-testid="start-prep"]').click();
    await page.waitForSelector('[data-testid="prep-sheet"]');
    await startVisit(page);

    // The first decision: the client has spoken, the choices are held back behind the record panel.
    await page.waitForSelector('[data-testid="spoken"]');
    expect(await choiceButtons(page).count()).toBe(0);
    const record = page.getByRole('button', { name: 'Enregistrer ma réponse' });
    const problems = await axeProblems(page);
    expect(problems, JSON.stringify(problems)).toEqual([]);
    // The site is fully loaded and cached before the microphone opens: what follows is the recording alone.
    await page.evaluate(async () => {
      if (await navigator.serviceWorker.getRegistration()) await navigator.serviceWorker.ready;
    });

    await record.focus();
    await page.keyboard.press('Enter');
    await speakForASecond(page);
    await shot(page, 'spoken-answer');
    expect(await choiceButtons(page).count()).toBe(0);
    await stopRecording(page);
    expect(await page.locator('[data-testid="spoken"]').count()).toBe(0);
    expect(await page.locator('.spoken__saved').innerText()).toMatch(/^Réponse enregistrée \(0:0\d\)/);
    // The choice taken, the next decision's panel has the keyboard, on its record button.
    await offered(page).first().click();
    await page.waitForSelector('[data-testid="spoken"]');
    expect(await choiceButtons(page).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('spoken-record');

    // The rest of the visit is played without speaking (each panel skipped); the jury's first
    // question is answered aloud too; then the debrief.
    await playAnsweringTheJuryAloud(page);
    await page.waitForSelector('[data-testid="spoken-answers"] audio');
    const section = page.locator('[data-testid="spoken-answers"]');
    expect(await section.locator('h2').innerText()).toBe('Vos réponses à voix haute');
    expect(await section.locator('li').count()).toBe(2);
    expect(await section.getByLabel('Votre réponse à voix haute, question du jury 1').count()).toBe(1);
    expect(await section.innerText()).toMatch(/Justification attendue\u00a0: |Meilleure réponse\u00a0: celle que vous/);
    expect(await section.innerText()).toMatch(/Meilleure réponse\u00a0: /);
    const audio = section.getByLabel('Votre réponse à voix haute, décision 1');
    expect(await audio.getAttribute('src')).toMatch(/^blob:/);
    expect(await audio.getAttribute('controls')).not.toBeNull();
    const media = await audio.evaluate(
      (el: HTMLAudioElement) =>
        new Promise<{ duration: number; error: number | null; state: number }>((resolve) => {
          const done = () => resolve({ duration: el.duration, error: el.error?.code ?? null, state: el.readyState });
          if (el.readyState >= 1) return done();
          el.addEventListener('loadedmetadata', done, { once: true });
          el.addEventListener('error', done, { once: true });
        }),
    );
    expect(media.error).toBeNull();
    expect(media.state).toBeGreaterThanOrEqual(1);
    expect(media.duration).toBeGreaterThan(0);
    const stored = await storedRecordings(page);
    expect(stored).toHaveLength(2);
    expect(stored.every((r) => r.bytes > 0 && r.mime.startsWith('audio/'))).toBe(true);
    await section.scrollIntoViewIfNeeded();
    await shot(page, 'spoken-debrief');
    const debriefProblems = await axeProblems(page);
    expect(debriefProblems, JSON.stringify(debriefProblems)).toEqual([]);

    // Nothing went anywhere: every request was to this site, and none at all while recording.
    const network = requests.filter((r) => /^(https?|wss?):/.test(r.url));
    expect(network.length).toBeGreaterThan(0);
    expect(network.filter((r) => new URL(r.url).origin !== origin).map((r) => r.url)).toEqual([]);
    expect(network.filter((r) => r.recording).map((r) => r.url)).toEqual([]);
    expect(game.pageErrors).toEqual([]);
  });

  it('lists the recordings in the settings and deletes them all', async () => {
    await page.locator('.topbar__nav').getByRole('button', { name: 'Réglages' }).click();
    await page.waitForSelector('.settings');
    expect(await page.getByLabel('Réponses à voix haute').inputValue()).toBe('exam');
    await page.waitForSelector('[data-testid="recordings-count"]:has-text("2 enregistrements")');
    await page.getByRole('button', { name: 'Supprimer tous mes enregistrements' }).click();
    await page.waitForSelector('[data-testid="recordings-count"]:has-text("0 enregistrement")');
    expect(await storedRecordings(page)).toEqual([]);
    // The debrief then has nothing to play.
    await page.locator('.topbar__nav').getByRole('button', { name: 'Résultats' }).click();
    await openLatestDebrief(page);
    expect(await page.locator('[data-testid="spoken-answers"]').isHidden()).toBe(true);
    expect(await page.locator('[data-testid="spoken-answers"] audio').count()).toBe(0);
  });
});
