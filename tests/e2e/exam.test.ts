import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeProblems, openGame, ROOT, type Game } from './support/site.ts';
import { chooseDiploma, playToDebrief, ready, startVisit, openLatestDebrief } from './support/play.ts';
import { clearSave } from './support/save.ts';
import { pdfPages, squeezed } from './support/pdf-text.ts';

/**
 * The exam rehearsal in a real browser (docs/exam.md): fiche-sujet → typed preparation, kept
 * across a reload, with its countdown (shortened by the link) → the timed simulation in exam
 * mode → the debrief, and the time spent in « Mes résultats ».
 */
const SCENARIO = 'premiere-visite-imprimante';
const ndrc = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'referentials', 'ndrc.json'), 'utf8')) as {
  competences: { code: string; title: { fr: string } }[];
};
const BUDGET = 300_000;

let game: Game;
let page: Page;
let browser: BrowserContext;
let url: string;

const seconds = async (): Promise<number> => {
  const text = await page.locator('[data-testid="timer"]').innerText();
  const [m, s] = text.split(':').map(Number);
  return (m ?? 0) * 60 + (s ?? 0);
};

beforeAll(async () => {
  game = await openGame();
  ({ page, browser } = game);
  url = game.site.url;
}, BUDGET);

afterAll(async () => {
  await game?.close();
});

describe('an exam rehearsal', { timeout: BUDGET }, () => {
  it('opens on the fiche-sujet from the library card', async () => {
    await page.goto(url);
    await clearSave(page);
    await page.goto(`${url}?lang=fr`);
    await ready(page);
    await chooseDiploma(page);
    await page.getByRole('button', { name: 'Nouvelle visite' }).click();
    await page.waitForSelector('.screen--library');
    await page
      .locator(`[data-scenario="${SCENARIO}"]`)
      .getByRole('button', { name: /Répétition d.épreuve/ })
      .click();
    await page.waitForSelector('[data-testid="fiche-sujet"]');
    const fiche = await page.locator('[data-testid="fiche-sujet"]').innerText();
    for (const rubric of ["Type d'activité", 'Délimitation de la séquence', 'Historique de la relation', 'Contraintes'])
      expect(fiche).toContain(rubric);
    expect(await page.locator('[data-testid="start-prep"]').innerText()).toBe('Commencer la préparation');
    expect(await page.locator('.exam__intro').innerText()).toContain('40\u00a0min');
    const problems = await axeProblems(page);
    expect(problems, JSON.stringify(problems)).toEqual([]);
  });

  it('goes fiche-sujet → typed preparation → timed simulation → debrief, and files the time spent', async () => {
    await page.goto(`${url}?exam=${SCENARIO}&prep=4&sim=900&lang=fr`);
    await ready(page);
    await page.locator('[data-testid="start-prep"]').click();
    await page.waitForSelector('[data-testid="prep-sheet"]');
    expect(await seconds()).toBeLessThanOrEqual(4);
    await page.getByLabel('Objectif haut').fill('Trois imprimantes et le contrat de maintenance');
    await page.getByLabel('Objections attendues et réponses prévues').fill('Trop cher → coût par page');
    await page.getByLabel('Contreparties à demander').fill('Engagement sur 3 ans');
    expect(await axeProblems(page)).toEqual([]);

    // Nothing typed is lost: a reload comes back to the same sheet, the countdown still running.
    await page.waitForTimeout(500);
    await page.reload();
    await ready(page);
    await page.waitForSelector('[data-testid="prep-sheet"]');
    expect(await page.getByLabel('Objectif haut').inputValue()).toBe('Trois imprimantes et le contrat de maintenance');
    expect(await page.getByLabel('Contreparties à demander').inputValue()).toBe('Engagement sur 3 ans');
    await page.waitForSelector('.timer--over', { timeout: 10_000 });
    expect(await page.locator('[data-testid="timer"]').innerText()).toBe('0:00');

    await startVisit(page);
    await page.waitForSelector('.screen--visit [data-testid="timer"]');
    // The simulation has just begun: nothing says « Visite reprise ».
    expect(await page.locator('.screen--visit .resumed').count()).toBe(0);
    const first = await seconds();
    expect(first).toBeGreaterThan(800);
    await page.waitForTimeout(2100);
    expect(await seconds()).toBeLessThan(first);
    expect(await page.locator('[data-testid="sheet-panel"]').innerText()).toContain('Engagement sur 3 ans');
    expect(await page.locator('.gauges').count()).toBe(0);
    const visitProblems = await axeProblems(page);
    expect(visitProblems, JSON.stringify(visitProblems)).toEqual([]);

    // Then the jury's questions, answered like the visit's turns, and the debrief with them.
    await playToDebrief(page, 'mouse');
    await page.waitForSelector('[data-testid="debrief"]');
    const jury = await page.locator('[data-testid="jury-answers"]').innerText();
    expect(jury).toContain('Questions du jury — analyse réflexive');
    expect(await page.locator('[data-testid="jury-answers"] li').count()).toBe(3);
    expect(jury).toMatch(/\d justifications? attendues? sur 3/);
    await page.locator('.topbar__nav').getByRole('button', { name: 'Résultats' }).click();
    await page.waitForSelector('.screen--results');
    expect(await page.locator('[data-testid="exam-time"]').first().innerText()).toMatch(/épreuve en \d+\u00a0min/);
    expect(game.pageErrors).toEqual([]);
    void browser;
  });

  it('prints the jury grid of the attempt on exactly one A4 page, with the name, every criterion and the mark', async () => {
    await openLatestDebrief(page);
    const mark = await page.locator('[data-testid="debrief"] .mark__value').innerText();
    await page.getByRole('button', { name: 'Grille du jury (A4)' }).click();
    await page.waitForSelector('[data-testid="jury-grid"]');
    await page.getByLabel('Votre nom et prénom (imprimés sur la grille)').fill('Camille Martin');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    expect(await page.locator('[data-testid="student-name"]').innerText()).toBe('Camille Martin');
    expect(await axeProblems(page)).toEqual([]);

    // Asked once: the next grid knows the name, even after a reload.
    await page.reload();
    await ready(page);
    await page.locator('.topbar__nav').getByRole('button', { name: 'Résultats' }).click();
    await openLatestDebrief(page);
    await page.getByRole('button', { name: 'Grille du jury (A4)' }).click();
    await page.waitForSelector('[data-testid="student-name"]');
    expect(await page.locator('#student-name').count()).toBe(0);

    // What prints: the grid's own text in print media, then the A4 PDF itself.
    await page.emulateMedia({ media: 'print' });
    const printed = await page.locator('[data-testid="jury-grid"]').innerText();
    expect(printed).toContain('Camille Martin');
    expect(printed).toContain(`Note\u00a0: ${mark}`);
    for (const c of ndrc.competences) expect(printed).toContain(`${c.code} — ${c.title.fr}`);
    expect(await page.locator('[data-testid="grid-criteria"] tbody tr').count()).toBe(ndrc.competences.length);

    const pages = pdfPages(await page.pdf({ format: 'A4' }));
    await page.emulateMedia({ media: null });
    expect(pages).toHaveLength(1);
    const pdf = squeezed(pages[0] ?? '');
    expect(pdf).toContain(squeezed('Camille Martin'));
    expect(pdf).toContain(squeezed(`Note : ${mark}`));
    for (const c of ndrc.competences) expect(pdf).toContain(squeezed(`${c.code} — ${c.title.fr}`));
    expect(pdf).not.toContain(squeezed('Imprimer la grille'));
  });
});
