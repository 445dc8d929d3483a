/**
 * Game benchmark (not a test): `npm run bench:game`. Builds the game and two baselines the
 * same way (Vite, production) — Phaser 4 alone as published, and a plain DOM page that answers
 * a click — serves them, and measures them in headless Chromium, in the same run:
 *   1. initial JS (gzip): what the title needs until it is interactive, plus the drawn stage
 *      that loads behind it, against Phaser alone;
 *   2. time to an interactive title against Phaser alone's first scene (median of runs);
 *   3. frame time during a visit against Phaser alone idling;
 *   4. answer time — click to the next choices — over a bot's visits, each turn followed by
 *      the same click on the plain DOM page (in a second browser);
 *   5. heap growth per visit after GC over the bot's visits in one page, split into JavaScript
 *      objects, V8's compiled code and the browser's side (scripts/lib/bench-heap.ts), against
 *      the plain DOM page over its clicks.
 * Prints each figure beside its baseline, the ratio and the target, and writes the table into
 * docs/performance.md (BENCH_NO_DOCS=1 leaves the file alone). BENCH_RUNS and BENCH_VISITS
 * shorten a run while working on it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';
// The browser tests' way of waiting for the game (locators, which pin nothing in the page's heap).
import { choices, shown, turnOf } from '../tests/e2e/support/play.ts';
import { writePhaserAlonePage, writePlainDomPage } from './lib/bench-pages.ts';
import { heap, perVisit, type Heap } from './lib/bench-heap.ts';
import { kb, median, met, ms, p95, table, writeLastRun, type Row } from './lib/bench-report.ts';

const ROOT = join(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const VISITS = Number(process.env.BENCH_VISITS ?? 30);
const HEAP_BUDGET_KB = 20;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

async function buildAndServe(root: string, outDir: string, configFile: string | false) {
  await build({
    root,
    configFile,
    logLevel: 'error',
    base: './',
    build: { outDir, emptyOutDir: true, manifest: true },
    // The baselines live in a temporary folder: they take Phaser from the project, as published.
    ...(configFile ? {} : { resolve: { alias: { phaser: join(ROOT, 'node_modules', 'phaser') } } }),
  });
  const port = await freePort();
  const server = await preview({
    root,
    configFile,
    logLevel: 'error',
    build: { outDir },
    preview: { port, strictPort: true, host: '127.0.0.1' },
  });
  return { server, url: `http://127.0.0.1:${port}/`, outDir };
}
type Site = Awaited<ReturnType<typeof buildAndServe>>;

const gz = (file: string) => gzipSync(readFileSync(file)).length;

type Manifest = Record<string, { file: string; name?: string; imports?: string[] }>;
const manifestOf = (outDir: string) =>
  JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;

/** The files of a lazy entry (e.g. the stage) and of every chunk it imports, from Vite's build manifest. */
function chunkClosure(manifest: Manifest, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(chunk.file)) return;
    seen.add(chunk.file);
    for (const i of chunk.imports ?? []) visit(i);
  };
  visit(entry);
  return [...seen];
}

/**
 * Counts the frames painted after a click, in every page of the browser: a click listener on
 * the window, capturing (it runs before the page's own), asks for the next animation frame, and
 * a task posted from that frame runs once the frame has been painted. The answer time ends there.
 */
const PAINT_COUNTER = `window.__benchPainted = 0;
addEventListener('click', () => requestAnimationFrame(() => setTimeout(() => { window.__benchPainted++; })), true);`;

async function launch() {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'negosim-bench-')), {
    executablePath: process.env.NEGOSIM_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 720 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--enable-unsafe-swiftshader',
    ],
  });
  await context.addInitScript(PAINT_COUNTER);
  return context;
}

interface Load {
  /** Navigation to the interactive mark. */
  time: number;
  /** JS files the page had requested by then (resource timing). */
  scripts: string[];
  /** Navigation to the drawn stage (the game only). */
  stage: number;
}

async function load(page: Page, url: string, waitForStage: boolean): Promise<Load> {
  await page.goto(url + '?lang=fr');
  await shown(page, 'body[data-ready="true"]');
  if (waitForStage) await shown(page, '#stage[data-ready="true"]');
  return page.evaluate<Load>(`(() => {
    const time = performance.getEntriesByName('negosim:interactive')[0]?.startTime ?? NaN;
    const stage = performance.getEntriesByName('negosim:stage')[0]?.startTime ?? NaN;
    const scripts = performance.getEntriesByType('resource')
      .filter((e) => e.startTime <= time && new URL(e.name).pathname.endsWith('.js'))
      .map((e) => new URL(e.name).pathname.replace(/^\\//, ''));
    return { time, scripts: [...new Set(scripts)], stage };
  })()`);
}

/** Browser frame intervals over `seconds`, measured with requestAnimationFrame. */
async function frames(page: Page, seconds: number): Promise<number[]> {
  // A string, not a function: tsx would add helpers the page does not have.
  return page.evaluate(`new Promise((resolve) => {
    const out = [];
    let last = performance.now();
    const end = last + ${seconds * 1000};
    const tick = (now) => { out.push(now - last); last = now; if (now < end) requestAnimationFrame(tick); else resolve(out); };
    requestAnimationFrame(tick);
  })`);
}

/**
 * One click on the first offered choice, and the time until the next turn is on screen: in the
 * DOM (`data-turn`, or another screen) and painted (PAINT_COUNTER). Work a page puts off until
 * after that paint — the game's drawing and sounds — is not part of it.
 */
async function answer(page: Page): Promise<number> {
  const before = await turnOf(page);
  const painted = await page.evaluate<number>('window.__benchPainted');
  const started = performance.now();
  await choices(page).first().click();
  await page.waitForFunction(
    ([turn, frames]) => {
      const c = document.querySelector('[data-testid="choices"]');
      const answered =
        !c || c.getAttribute('data-turn') !== turn || !!document.querySelector('[data-testid="debrief"]');
      return answered && (window as unknown as { __benchPainted: number }).__benchPainted > frames;
    },
    [before, painted] as const,
    { polling: 4 },
  );
  return performance.now() - started;
}

/**
 * A bot playing like a player from the current briefing to the debrief, always the first
 * choice. Answers are the clicks that bring the client's next line and choices: preparation
 * choices, the start, the answers and moves of the visit. The last click, "see the debrief",
 * opens another screen (the visit replayed and marked under both referentials) and is timed
 * apart. With `plain`, each answer is followed by one click on the plain DOM page, open in a
 * second browser (a second tab of the same browser would be in the background, where Chromium
 * throttles timers and frames): the two are measured turn by turn, under the same load.
 */
async function playToDebrief(
  page: Page,
  plain?: { page: Page; times: number[] },
): Promise<{ answers: number[]; debrief: number[] }> {
  const out = { answers: [] as number[], debrief: [] as number[] };
  for (let turn = 0; turn < 100; turn++) {
    await shown(page, '[data-testid="choices"] button:not([disabled]), [data-testid="debrief"]');
    if (await page.locator('[data-testid="debrief"]').count()) return out;
    const opensDebrief = (await choices(page).first().getAttribute('data-choice')) === 'debrief';
    const time = await answer(page);
    if (opensDebrief) out.debrief.push(time);
    else {
      out.answers.push(time);
      if (plain) plain.times.push(await answer(plain.page));
    }
  }
  throw new Error('bot visit did not end');
}

async function measureLoads(page: Page, game: Site, alone: Site) {
  // Alternating the two pages, so that they share the machine's state.
  const g: Load[] = [];
  const m: Load[] = [];
  for (let i = 0; i < RUNS; i++) {
    await page.context().clearCookies();
    m.push(await load(page, alone.url, false));
    g.push(await load(page, game.url, true));
    await page.evaluate(() => localStorage.clear());
  }
  const manifest = manifestOf(game.outDir);
  const stageFiles = chunkClosure(manifest, 'src/game/stage/phaser-stage.ts');
  // Phaser's own chunk: the `phaser` group of vite.config.ts.
  const phaserFile = Object.values(manifest).find((c) => c.name === 'phaser')?.file;
  const bytes = (site: Site, files: string[]) => files.reduce((s, f) => s + gz(join(site.outDir, f)), 0);
  const titleJs = median(g.map((x) => bytes(game, x.scripts)));
  const initialJs = median(g.map((x) => bytes(game, [...new Set([...x.scripts, ...stageFiles])])));
  const aloneJs = median(m.map((x) => bytes(alone, x.scripts)));
  const phaserJs = phaserFile ? gz(join(game.outDir, phaserFile)) : NaN;
  const title = median(g.map((x) => x.time));
  const stage = median(g.map((x) => x.stage));
  const aloneTime = median(m.map((x) => x.time));
  console.log(`title: ${ms(title)}, stage ${ms(stage)}; Phaser alone ${ms(aloneTime)}`);
  return { titleJs, initialJs, aloneJs, phaserJs, title, stage, aloneTime };
}

async function measureFrames(page: Page, game: Site, alone: Site) {
  await page.goto(alone.url);
  await shown(page, 'body[data-ready="true"]');
  const idle = await frames(page, 3);
  await page.goto(game.url + '?scenario=premiere-visite-imprimante&lang=fr');
  await shown(page, 'body[data-ready="true"]');
  while (!(await page.locator('.screen--visit').count())) {
    await page.locator('[data-testid="choices"] button:not([disabled])').first().click();
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(1000);
  const visit = await frames(page, 3);
  console.log(`frames p95: game ${ms(p95(visit))}, Phaser alone ${ms(p95(idle))}`);
  return { visit, idle };
}

/** 30 visits in one page load: the debrief's "play again" leads to a new briefing. */
async function measureVisits(page: Page, game: Site, plainSite: Site) {
  const other = await launch();
  const plain = { page: other.pages()[0] ?? (await other.newPage()), times: [] as number[] };
  await plain.page.goto(plainSite.url);
  await shown(plain.page, 'body[data-ready="true"]');
  const plainBefore = await heap(plain.page);
  await page.evaluate(() => localStorage.clear());
  await page.goto(game.url + '?scenario=premiere-visite-imprimante&lang=fr');
  await shown(page, 'body[data-ready="true"]');
  await playToDebrief(page);
  const heapBefore = await heap(page);
  const started = Date.now();
  const answers: number[] = [];
  const debrief: number[] = [];
  for (let v = 1; v < VISITS; v++) {
    if (v % 5 === 0) console.log(`visit ${v}/${VISITS}…`);
    await page.getByRole('button', { name: 'Rejouer ce scénario' }).click();
    await shown(page, '.screen--briefing');
    const visit = await playToDebrief(page, plain);
    answers.push(...visit.answers);
    debrief.push(...visit.debrief);
  }
  const heapAfter = await heap(page);
  const plainAfter = await heap(plain.page);
  await other.close();
  return {
    answers,
    debrief,
    plainAnswers: plain.times,
    heap: perVisit(heapBefore, heapAfter, VISITS - 1),
    plainHeap: perVisit(plainBefore, plainAfter, VISITS - 1),
    heapBefore,
    heapAfter,
    elapsed: Date.now() - started,
  };
}

function rows(
  loads: Awaited<ReturnType<typeof measureLoads>>,
  f: Awaited<ReturnType<typeof measureFrames>>,
  answers: number[],
  plain: number[],
  debrief: number[],
  heapGrowth: Heap,
  plainHeap: Heap,
): Row[] {
  const kbPerVisit = (n: number) => `${n.toFixed(1)} KB`;
  const ratio = (a: number, b: number) => a / b;
  return [
    {
      measure: 'Initial JS: the title until interactive + the drawn stage behind it (gzip)',
      game: kb(loads.initialJs),
      baseline: `${kb(loads.aloneJs)} (Phaser alone)`,
      ratio: ratio(loads.initialJs, loads.aloneJs),
      target: { max: 1, label: '≤ 1.0' },
    },
    {
      measure: '— JS until the title is interactive (gzip)',
      game: kb(loads.titleJs),
      baseline: `${kb(loads.aloneJs)} (Phaser alone)`,
      ratio: ratio(loads.titleJs, loads.aloneJs),
    },
    {
      measure: "— of which Phaser's own chunk (gzip)",
      game: kb(loads.phaserJs),
      baseline: `${kb(loads.aloneJs)} (Phaser alone)`,
      ratio: ratio(loads.phaserJs, loads.aloneJs),
    },
    {
      measure: `Time to an interactive title (median of ${RUNS})`,
      game: ms(loads.title),
      baseline: `${ms(loads.aloneTime)} (Phaser alone's first scene)`,
      ratio: ratio(loads.title, loads.aloneTime),
      target: { max: 1, label: '≤ 1.0' },
    },
    {
      measure: `Time until the stage has drawn behind the title (median of ${RUNS})`,
      game: ms(loads.stage),
      baseline: `${ms(loads.aloneTime)} (Phaser alone's first scene)`,
      ratio: ratio(loads.stage, loads.aloneTime),
    },
    {
      measure: 'Frame time p95 (3 s; game: in a visit)',
      game: ms(p95(f.visit)),
      baseline: `${ms(p95(f.idle))} (Phaser alone, idle)`,
      ratio: ratio(p95(f.visit), p95(f.idle)),
    },
    {
      measure: `Answer time, click to the next line and choices painted: median (${answers.length} answers)`,
      game: ms(median(answers)),
      baseline: `${ms(median(plain))} (plain DOM page, a click after each turn)`,
      ratio: ratio(median(answers), median(plain)),
    },
    {
      measure: 'Answer time, click to the next line and choices painted: p95',
      game: ms(p95(answers)),
      baseline: `${ms(p95(plain))} (plain DOM page)`,
      ratio: ratio(p95(answers), p95(plain)),
      target: { max: 1.5, label: '≤ 1.5' },
    },
    {
      measure: `Opening the debrief, click to painted: median / p95 (${debrief.length} visits)`,
      game: `${ms(median(debrief))} / ${ms(p95(debrief))}`,
      baseline: `${ms(median(plain))} / ${ms(p95(plain))} (plain DOM page's answers)`,
      ratio: ratio(p95(debrief), p95(plain)),
    },
    {
      measure: `Heap growth per visit after GC: JavaScript objects (${VISITS - 1} visits in one page)`,
      game: kbPerVisit(heapGrowth.js),
      baseline: `${kbPerVisit(plainHeap.js)} (plain DOM page, its clicks)`,
      ratio: null,
      target: { max: HEAP_BUDGET_KB, absolute: heapGrowth.js, label: `≤ ${HEAP_BUDGET_KB} KB` },
    },
    {
      measure: '— V8 compiled code (JIT warm-up, shed when cold)',
      game: kbPerVisit(heapGrowth.code),
      baseline: `${kbPerVisit(plainHeap.code)} (plain DOM page)`,
      ratio: null,
    },
    {
      measure: '— V8 heap as a whole: objects and code (Runtime.getHeapUsage)',
      game: kbPerVisit(heapGrowth.used),
      baseline: `${kbPerVisit(plainHeap.used)} (plain DOM page)`,
      ratio: null,
    },
    {
      measure: "— the browser's side: DOM, decoded sounds and pictures, timeline buffers",
      game: kbPerVisit(heapGrowth.native),
      baseline: `${kbPerVisit(plainHeap.native)} (plain DOM page)`,
      ratio: null,
    },
    {
      measure: '— DOM nodes and event listeners per visit',
      game: `${heapGrowth.nodes.toFixed(1)} / ${heapGrowth.listeners.toFixed(1)}`,
      baseline: `${plainHeap.nodes.toFixed(1)} / ${plainHeap.listeners.toFixed(1)} (plain DOM page)`,
      ratio: null,
    },
  ];
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'negosim-bench-build-'));
  writePhaserAlonePage(join(work, 'alone-src'));
  writePlainDomPage(join(work, 'plain-src'), readFileSync(join(ROOT, 'src', 'game', 'styles', 'main.css'), 'utf8'));
  const game = await buildAndServe(ROOT, join(work, 'game'), join(ROOT, 'vite.config.ts'));
  const alone = await buildAndServe(join(work, 'alone-src'), join(work, 'alone'), false);
  const plain = await buildAndServe(join(work, 'plain-src'), join(work, 'plain'), false);
  const context = await launch();
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(120_000);
  try {
    const loads = await measureLoads(page, game, alone);
    const f = await measureFrames(page, game, alone);
    const visits = await measureVisits(page, game, plain);
    const { plainAnswers } = visits;
    console.log(`answers: game ${ms(p95(visits.answers))} p95, plain DOM ${ms(p95(plainAnswers))} p95`);
    const result = rows(loads, f, visits.answers, plainAnswers, visits.debrief, visits.heap, visits.plainHeap);
    const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
    const notes = [
      `Run of ${when} UTC: headless Chromium (${context.browser()?.version() ?? 'Debian chromium'}), software rendering, ${VISITS} visits (${(visits.elapsed / 1000).toFixed(0)} s), V8 heap ${(visits.heapBefore.used / 1024).toFixed(1)} → ${(visits.heapAfter.used / 1024).toFixed(1)} MB (JavaScript objects ${(visits.heapBefore.js / 1024).toFixed(1)} → ${(visits.heapAfter.js / 1024).toFixed(1)} MB).`,
      `Targets (issue 15): ${result.every((r) => met(r) !== false) ? 'all met' : 'NOT all met'}.`,
    ];
    const section = `${table(result)}\n\n${notes.join('\n')}`;
    console.log(`\n${section}\n`);
    if (!process.env.BENCH_NO_DOCS) writeLastRun(join(ROOT, 'docs', 'performance.md'), section);
  } finally {
    await context.close();
    for (const s of [game, alone, plain]) await s.server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

void main();
