import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeProblems, openGame, ROOT, type Game } from './support/site.ts';
import {
  answerPath,
  chooseDiploma,
  choices,
  ready,
  skipSpokenAnswer,
  startVisit,
  turnOf,
  turnTaken,
} from './support/play.ts';
import { clearSave, savedRecords } from './support/save.ts';
import { pdfPages, squeezed } from './support/pdf-text.ts';
import { bestDialogueToTable } from '../support/dialogue-to-table.ts';

/**
 * The paper of an exam rehearsal and the practice freedom of training (docs/exam.md): the
 * fiche-sujet, the blank preparation sheet and the student's filled one, each printed to A4 with
 * the name and the date; then a training visit taken back to an earlier decision, and an exam
 * rehearsal that offers no such thing.
 */
const SCENARIO = 'premiere-visite-imprimante';
const BUDGET = 300_000;
interface Node {
  choices?: { id: string; text: { fr: string } }[];
}
const scenario = JSON.parse(readFileSync(join(ROOT, 'scenarios', `${SCENARIO}.json`), 'utf8')) as {
  phases: Record<string, { nodes?: Node[] }>;
  preparation?: { nodes: Node[] };
};
const choiceTexts = [
  ...(scenario.preparation?.nodes ?? []),
  ...Object.values(scenario.phases).flatMap((p) => p.nodes ?? []),
]
  .flatMap((n) => n.choices ?? [])
  .map((c) => squeezed(c.text.fr))
  .filter((text) => text.length > 12);
/** The briefing's own decisions, answered before the visit starts. */
const preparationChoices = new Set(
  (scenario.preparation?.nodes ?? []).flatMap((n) => n.choices ?? []).map((c) => c.id),
);

let game: Game;
let page: Page;
let url: string;

/** The printout of the screen shown: text of each A4 page. */
async function printed(): Promise<string[]> {
  await page.emulateMedia({ media: 'print' });
  const pages = pdfPages(await page.pdf({ format: 'A4' })).map(squeezed);
  await page.emulateMedia({ media: null });
  return pages;
}

/** Opens a paper from its « Imprimer … » button and checks that its own « Imprimer » prints. */
async function openPaper(button: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.waitForSelector('[data-testid="paper"]');
  await page.evaluate(() => {
    const w = window as unknown as { printed: number };
    w.printed = 0;
    window.print = () => {
      w.printed += 1;
    };
  });
  await page.getByRole('button', { name: 'Imprimer', exact: true }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
}

beforeAll(async () => {
  game = await openGame();
  ({ page } = game);
  url = game.site.url;
}, BUDGET);

afterAll(async () => {
  await game?.close();
});

describe('the paper of an exam rehearsal', { timeout: BUDGET }, () => {
  it('prints the fiche-sujet with the name (asked once) and the date', async () => {
    await page.goto(url);
    await clearSave(page);
    await page.goto(`${url}?exam=${SCENARIO}&prep=600&sim=900&lang=fr`);
    await ready(page);
    await page.waitForSelector('[data-testid="fiche-sujet"]');
    await openPaper('Imprimer la fiche-sujet');
    await page.getByLabel('Votre nom et prénom (imprimés sur la feuille)').fill('Camille Martin');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    expect(await axeProblems(page)).toEqual([]);
    const pages = await printed();
    const all = pages.join('');
    expect(all).toContain(squeezed('Camille Martin'));
    expect(all).toMatch(/Date:\d{1,2}\S+20\d\d/);
    for (const rubric of ['Fiche-sujet', "Type d'activité", 'Historique de la relation', 'Contraintes'])
      expect(all).toContain(squeezed(rubric));
    expect(all).not.toContain(squeezed('Imprimer'));
  });

  it('prints a blank preparation sheet: every heading, and no answer nor price in it', async () => {
    await page.getByRole('button', { name: 'Retour', exact: true }).click();
    await page.waitForSelector('[data-testid="start-prep"]');
    await openPaper('Imprimer une fiche de préparation vierge');
    // Asked once: the name is known now.
    expect(await page.locator('#student-name').count()).toBe(0);
    const all = (await printed()).join('');
    expect(all).toContain(squeezed('Camille Martin'));
    for (const heading of ['Ma fiche de préparation', 'Objectif haut', 'Objectif de repli', 'Prix plancher'])
      expect(all).toContain(squeezed(heading));
    expect(all).not.toContain('€');
    expect(all).not.toMatch(/\d+,\d\d/);
    for (const text of choiceTexts) expect(all).not.toContain(text);
  });

  it("prints the student's own sheet as typed, and the preparation goes on where it was", async () => {
    await page.getByRole('button', { name: 'Retour', exact: true }).click();
    await page.locator('[data-testid="start-prep"]').click();
    await page.waitForSelector('[data-testid="prep-sheet"]');
    // The link's 10 minutes, not the scenario's 40: going to the paper and back kept them.
    const [minutes] = (await page.locator('[data-testid="timer"]').innerText()).split(':').map(Number);
    expect(minutes).toBeLessThanOrEqual(10);
    await page.getByLabel('Objectif haut').fill('Trois imprimantes et la maintenance');
    await page.getByLabel('Contreparties à demander').fill('Engagement sur trois ans');
    await openPaper('Imprimer ma fiche de préparation');
    const all = (await printed()).join('');
    expect(all).toContain(squeezed('Trois imprimantes et la maintenance'));
    expect(all).toContain(squeezed('Engagement sur trois ans'));
    expect(all).toContain(squeezed('Camille Martin'));
    await page.getByRole('button', { name: 'Retour', exact: true }).click();
    await page.waitForSelector('[data-testid="prep-sheet"]');
    expect(await page.getByLabel('Objectif haut').inputValue()).toBe('Trois imprimantes et la maintenance');
    await page.locator('[data-testid="timer"]').waitFor();
  });

  it('offers no way back to an earlier decision in the simulation', async () => {
    await startVisit(page);
    await skipSpokenAnswer(page);
    const before = await turnOf(page);
    await choices(page).first().click();
    await turnTaken(page, before);
    await skipSpokenAnswer(page);
    expect(await page.locator('[data-testid="rewind"]').count()).toBe(0);
    expect(game.pageErrors).toEqual([]);
  });
});

describe('practice freedom in training', { timeout: BUDGET }, () => {
  it('goes back to an earlier decision with the keyboard, and the abandoned branch is not filed', async () => {
    await clearSave(page);
    await page.goto(`${url}?scenario=${SCENARIO}&lang=fr`);
    await ready(page);
    // Choices are shuffled by a seed drawn at the start: picking by position could walk out of
    // the visit in three turns. The best playthrough's choices keep it going.
    const path = bestDialogueToTable(SCENARIO);
    await answerPath(
      page,
      path.filter((id) => preparationChoices.has(id)),
      'mouse',
    );
    const lines: string[] = [];
    await answerPath(page, path.filter((id) => !preparationChoices.has(id)).slice(0, 3), 'mouse', async () => {
      lines.push(await page.locator('[data-testid="client-line"]').innerText());
    });
    const rewind = page.locator('[data-testid="rewind"]');
    await rewind.locator('summary').focus();
    await page.keyboard.press('Enter');
    const points = rewind.locator('button');
    expect(await points.count()).toBe(4);
    expect(await points.first().innerText()).toBe('Depuis le début de la visite');
    expect(await points.nth(2).innerText()).toContain('vous\u00a0: «');
    expect(await axeProblems(page)).toEqual([]);

    // The second decision: the first Enter asks, the second goes back to it.
    await points.nth(2).focus();
    await page.keyboard.press('Enter');
    expect(await points.nth(2).innerText()).toContain('Confirmer');
    await points.nth(2).press('Enter');
    await page.waitForSelector('.toast');
    await page.waitForFunction(
      (line) => document.querySelector('[data-testid="client-line"]')?.textContent === line,
      lines[1],
    );
    expect(await page.locator('[data-testid="rewind"] button').count()).toBe(2);

    // Nothing was filed, and the visit kept is the shortened one, even after a reload.
    expect(await savedRecords(page, 'attempts')).toEqual([]);
    await page.reload();
    await ready(page);
    expect(await page.locator('[data-testid="client-line"]').innerText()).toBe(lines[1]);
    expect(game.pageErrors).toEqual([]);
  });
});

describe('an exam class', { timeout: BUDGET }, () => {
  it('offers its scenarios as an exam rehearsal only, timed as the teacher set it', async () => {
    await clearSave(page);
    const session = { code: 'ACDEFG', title: 'BTS NDRC 2', scenarios: [SCENARIO], referential: 'ndrc', mode: 'exam' };
    await page.evaluate((state) => localStorage.setItem('negosim.classroom', JSON.stringify(state)), {
      session: { ...session, prepSeconds: 1200, simSeconds: 300 },
      pseudonym: 'Camille',
      key: 'k'.repeat(20),
    });
    await page.goto(`${url}?lang=fr`);
    await ready(page);
    await chooseDiploma(page);
    await page.getByRole('button', { name: 'Nouvelle visite' }).click();
    const card = page.locator(`[data-scenario="${SCENARIO}"]`);
    await card.waitFor();
    expect(await card.getByRole('button').allInnerTexts()).toEqual(["Répétition d'épreuve"]);
    expect(await card.innerText()).toContain('Votre classe joue ce scénario en répétition');
    await card.getByRole('button', { name: "Répétition d'épreuve" }).click();
    const intro = await page.locator('.exam__intro').innerText();
    expect(intro).toContain('20\u00a0min');
    expect(intro).toContain('5\u00a0min');
    await page.evaluate(() => localStorage.removeItem('negosim.classroom'));
  });
});
