import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openClassroom, type Classroom } from './support/classroom.ts';
import { playToDebrief, ready, shown, startVisit } from './support/play.ts';
import { axeProblems, shot } from './support/site.ts';

/**
 * A class session in real browsers: the teacher sets up the server and a session and projects
 * the board; two students join from their own browser contexts and play; the board follows
 * them live with the per-choice distribution; the CSV carries the marks the students saw; a
 * student who loses the network mid-visit finishes, and the visit arrives exactly once.
 */
const SCENARIO = 'premiere-visite-imprimante';
const BUDGET = 480_000;

let room: Classroom;
let teacher: Page;
const outside: string[] = [];

async function personPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(90_000);
  const origin = new URL(room.url).origin;
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) outside.push(u);
  });
  return page;
}

async function expectAccessible(page: Page, name: string): Promise<void> {
  await shot(page, name);
  const problems = await axeProblems(page);
  expect(problems, `axe on ${name}: ${JSON.stringify(problems)}`).toEqual([]);
}

/** The student's mark as their debrief shows it, e.g. "14,5/20". */
const debriefMark = (page: Page) => page.locator('[data-testid="debrief"] .mark__value').innerText();

async function join(page: Page, code: string, pseudonym: string): Promise<void> {
  await page.goto(`${room.url}?class=${code}`);
  await ready(page);
  await shown(page, '#class-pseudonym');
  expect(await page.locator('#class-code').inputValue()).toBe(code);
  await page.locator('#class-pseudonym').fill(pseudonym);
  await page.getByRole('button', { name: 'Rejoindre' }).click();
  await shown(page, '[data-testid="class-title"]');
}

async function startClassVisit(page: Page): Promise<void> {
  await page.locator(`[data-scenario="${SCENARIO}"] button`).click();
  await shown(page, '.screen--briefing');
  // The session locks the mode: the briefing's mode choice is shown but cannot be changed.
  expect(await page.locator('.prep__mode input:not([disabled])').count()).toBe(0);
  await startVisit(page);
}

const boardRow = (name: string) => teacher.locator(`[data-testid="board-students"] tr[data-student="${name}"]`);

beforeAll(async () => {
  room = await openClassroom();
  teacher = await personPage(await room.person({ axe: true }));
}, BUDGET);

afterAll(async () => {
  await room?.close();
});

describe('a class session', { timeout: BUDGET }, () => {
  let code = '';

  it('lets the teacher create the account from the printed link, then a session with a code and a QR code', async () => {
    expect(room.running.setupUrl).toMatch(/teacher\.html#setup=/);
    await teacher.goto(room.running.setupUrl ?? '');
    await shown(teacher, 'input[type="password"]');
    await expectAccessible(teacher, 'teacher-setup');
    const passwords = teacher.locator('input[type="password"]');
    await passwords.nth(0).fill('correct horse battery');
    await passwords.nth(1).fill('correct horse battery');
    await teacher.getByRole('button', { name: 'Créer le compte' }).click();
    await shown(teacher, '#create-heading');
    expect(teacher.url()).not.toContain('setup=');
    await teacher.getByLabel('Titre de la séance').fill('BTS NDRC 1 — <b>groupe B</b>');
    await teacher.locator(`input[name="scenario"][value="${SCENARIO}"]`).check();
    await teacher.getByLabel('Référentiel').selectOption('ndrc');
    await expectAccessible(teacher, 'teacher-sessions');
    await teacher.getByRole('button', { name: 'Créer la séance' }).click();
    await shown(teacher, '[data-testid="join-code"]');
    code = await teacher.locator('[data-testid="join-code"]').innerText();
    expect(code).toMatch(/^[34679ACDEFGHJKMNPQRTWXY]{6}$/);
    // A title with markup is shown as text.
    expect(await teacher.locator('h1').innerText()).toBe('BTS NDRC 1 — <b>groupe B</b>');
    expect(await teacher.locator('h1 b').count()).toBe(0);
    expect(await teacher.locator('[data-testid="join-link"]').innerText()).toBe(`${room.url}?class=${code}`);
    await teacher.waitForFunction(() =>
      document.querySelector<HTMLImageElement>('img.qr')?.src.startsWith('data:image/png'),
    );
    await teacher.getByRole('button', { name: 'Projeter le tableau' }).click();
    await teacher.setViewportSize({ width: 1920, height: 1080 });
    await expectAccessible(teacher, 'teacher-board-empty');
  });

  it('follows two students live, shows how the class chose, and exports the marks they saw', async () => {
    const lea = await personPage(await room.person({ axe: true }));
    const tom = await personPage(await room.person());
    await join(lea, code, 'Léa B.');
    await expectAccessible(lea, 'classroom-joined');
    await join(tom, code, 'Tom');
    await boardRow('Tom').waitFor();

    await startClassVisit(lea);
    await expect
      .poll(() => boardRow('Léa B.').locator('[data-testid="phase"]').innerText(), { timeout: 10_000 })
      .not.toBe('—');
    await playToDebrief(lea, 'mouse', () => 0);
    const leaMark = await debriefMark(lea);
    await expect
      .poll(() => boardRow('Léa B.').locator('[data-testid="mark"]').innerText(), { timeout: 10_000 })
      .toBe(leaMark);

    await startClassVisit(tom);
    await expect
      .poll(() => boardRow('Tom').locator('[data-testid="phase"]').innerText(), { timeout: 10_000 })
      .toMatch(/Prise de contact|Découverte/);
    await playToDebrief(tom, 'mouse', (n) => n - 1);
    const tomMark = await debriefMark(tom);
    await expect
      .poll(() => boardRow('Tom').locator('[data-testid="mark"]').innerText(), { timeout: 10_000 })
      .toBe(tomMark);

    // Per decision point: two students went through the first dialogue node, and the counts add up.
    const first = teacher.locator('.decision').filter({ hasText: 'Prise de contact' }).first();
    const counts = await first
      .locator('.pick')
      .evaluateAll((items) => items.map((i) => Number(i.getAttribute('data-count'))));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2);
    expect(await first.locator('.pick__count').first().innerText()).toMatch(/sur 2$/);
    await expectAccessible(teacher, 'teacher-board');

    const csv = await teacher.evaluate(async (c) => (await fetch(`/api/sessions/${c}/results.csv`)).text(), code);
    const rows = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((r) => r.split(';'));
    const header = rows[0] ?? [];
    const ndrc = header.indexOf('note NDRC');
    const byName = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect(byName.get('Léa B.')?.[ndrc]).toBe(leaMark.replace('/20', ''));
    expect(byName.get('Tom')?.[ndrc]).toBe(tomMark.replace('/20', ''));

    // The teacher opens Léa's debrief, rebuilt on the server from her log.
    await boardRow('Léa B.').getByRole('link').click();
    await shown(teacher, '[data-testid="debrief-mark"]');
    expect(await teacher.locator('[data-testid="debrief-mark"]').innerText()).toContain(leaMark.replace('/20', ''));
    // What she found out about the client, under its own heading (axe reads it too).
    expect(await teacher.getByRole('heading', { name: 'Ce que l’élève a découvert du client' }).count()).toBe(1);
    // Her path is the first choice shown at each turn, and the order is shuffled by a seed drawn
    // at the start: what she found varies, but every motive of the persona is listed on one side.
    const listed = await teacher.locator('[data-testid^="motives-"] li').count();
    await expectAccessible(teacher, 'teacher-debrief');
    await teacher.goBack();
    expect(listed).toBeGreaterThan(0);
    await lea.context().close();
    await tom.context().close();
  });

  it('keeps a visit played offline and sends it exactly once when the network is back', async () => {
    const context = await room.person();
    const noe = await personPage(context);
    await join(noe, code, 'Noé');
    await startClassVisit(noe);
    await boardRow('Noé').waitFor();
    await context.setOffline(true);
    await playToDebrief(noe, 'mouse', (n) => Math.floor(n / 2));
    const noeAttempts = async () => {
      const doc = await teacher.evaluate(
        async (c) =>
          (await (await fetch(`/api/sessions/${c}/results.json`)).json()) as {
            classroom: { attempts: { pseudonym: string }[] };
          },
        code,
      );
      return doc.classroom.attempts.filter((a) => a.pseudonym === 'Noé').length;
    };
    expect(await noeAttempts()).toBe(0);
    // Still offline, inside the game: the class screen says the visit is waiting.
    await noe.getByRole('button', { name: 'Accueil' }).first().click();
    await noe.getByRole('button', { name: 'Rejoindre une classe' }).click();
    await shown(noe, '[data-testid="class-pending"]');
    expect(await noe.locator('[data-testid="class-pending"]').innerText()).toMatch(/^1 visite en attente d’envoi/);
    await context.setOffline(false);
    await expect
      .poll(() => noe.locator('[data-testid="class-pending"]').innerText(), { timeout: 60_000 })
      .toBe('Toutes vos visites terminées sont envoyées.');
    // Sending again (and the page's own retries) adds nothing: the server keeps the visit once.
    await noe.getByRole('button', { name: 'Envoyer maintenant' }).click();
    expect(await noeAttempts()).toBe(1);
    await expect
      .poll(() => boardRow('Noé').locator('[data-testid="mark"]').innerText(), { timeout: 10_000 })
      .toMatch(/\/20/);
    expect(outside).toEqual([]);
  });
});
