/**
 * Game benchmark (not a test): `npm run bench:game`. Builds the game and a minimal Phaser 4
 * page the same way (Vite, production), serves both, and measures in headless Chromium:
 *   1. initial JS (gzip) — what is fetched until the title is interactive — against Phaser alone;
 *   2. time to an interactive title against the minimal page's first scene (median of runs);
 *   3. frame time p95 during a visit against the minimal page idling;
 *   4. heap growth after 30 visits played by a bot (clicks in the DOM) against the minimal
 *      page left running.
 * Prints a Markdown table; docs/performance.md keeps the last run's numbers.
 */
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';
// The browser tests' way of waiting for the game (locators, which pin nothing in the page's heap).
import { choices, shown, turnOf, turnTaken } from '../tests/e2e/support/play.ts';

const ROOT = join(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const VISITS = Number(process.env.BENCH_VISITS ?? 30);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** The baseline: Phaser 4 alone, one scene drawing a few shapes, built like the game. */
function writeMinimalPhaserPage(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><title>Phaser alone</title></head><body style="margin:0"><div id="stage"></div><script type="module" src="./main.js"></script></body></html>`,
  );
  writeFileSync(
    join(dir, 'main.js'),
    `import Phaser from 'phaser';
class S extends Phaser.Scene {
  create() {
    this.add.rectangle(640, 360, 400, 200, 0x1d3557);
    this.add.circle(900, 300, 80, 0xf4d35e);
    performance.mark('negosim:interactive');
    document.body.dataset.ready = 'true';
  }
}
new Phaser.Game({ type: Phaser.AUTO, parent: 'stage', width: 1280, height: 720, banner: false, audio: { noAudio: true }, scene: S });
`,
  );
}

async function buildAndServe(root: string, outDir: string, configFile: string | false) {
  await build({
    root,
    configFile,
    logLevel: 'error',
    base: './',
    build: { outDir, emptyOutDir: true },
    resolve: { alias: { phaser: join(ROOT, 'node_modules', 'phaser') } },
  });
  const port = await freePort();
  const server = await preview({
    root,
    configFile,
    logLevel: 'error',
    build: { outDir },
    preview: { port, strictPort: true, host: '127.0.0.1' },
  });
  return { server, url: `http://127.0.0.1:${port}/` };
}

function gz(file: string): number {
  return gzipSync(readFileSync(file)).length;
}
function jsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js'))
    .map((f) => join(dir, f));
}
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? NaN;

async function launch() {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'negosim-bench-')), {
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
}

/** JS the page had requested when it said it was interactive (resource timing), gzip-measured on the built files. */
async function interactive(page: Page, url: string, outDir: string): Promise<{ time: number; jsGzip: number }> {
  await page.goto(url + '?lang=fr');
  await shown(page, 'body[data-ready="true"]');
  const { time, scripts } = await page.evaluate<{ time: number; scripts: string[] }>(`(() => {
    const time = performance.getEntriesByName('negosim:interactive')[0]?.startTime ?? NaN;
    const scripts = performance.getEntriesByType('resource').filter((e) => e.startTime <= time && new URL(e.name).pathname.endsWith('.js')).map((e) => new URL(e.name).pathname);
    return { time, scripts };
  })()`);
  const jsGzip = [...new Set(scripts)].reduce((s, p) => s + gz(join(outDir, p.replace(/^\//, ''))), 0);
  return { time, jsGzip };
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

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

/**
 * A bot playing like a player from the current briefing to the debrief, always the first
 * choice. Returns each turn's answer time: from the click to the next choices on screen.
 */
async function playToDebrief(page: Page): Promise<number[]> {
  const turns: number[] = [];
  for (let turn = 0; turn < 100; turn++) {
    await shown(page, '[data-testid="choices"] button:not([disabled]), [data-testid="debrief"]');
    if (await page.locator('[data-testid="debrief"]').count()) return turns;
    const before = await turnOf(page);
    const started = performance.now();
    await choices(page).first().click();
    await turnTaken(page, before);
    turns.push(performance.now() - started);
  }
  throw new Error('bot visit did not end');
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'negosim-bench-build-'));
  const gameOut = join(work, 'game');
  const minimalSrc = join(work, 'minimal-src');
  const minimalOut = join(work, 'minimal');
  writeMinimalPhaserPage(minimalSrc);
  const game = await buildAndServe(ROOT, gameOut, join(ROOT, 'vite.config.ts'));
  const minimal = await buildAndServe(minimalSrc, minimalOut, false);
  const phaserChunk = jsFiles(gameOut).find((f) => /phaser-[\w-]+\.js$/.test(f));
  const context = await launch();
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(120_000);
  try {
    // 1–2. Interactive title, alternating the two pages so they share the machine's state.
    const g: { time: number; jsGzip: number }[] = [];
    const m: { time: number; jsGzip: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      await context.clearCookies();
      m.push(await interactive(page, minimal.url, minimalOut));
      g.push(await interactive(page, game.url, gameOut));
      await page.evaluate(() => localStorage.clear());
    }
    console.log(
      `title: game ${ms(median(g.map((x) => x.time)))} / ${kb(median(g.map((x) => x.jsGzip)))}, Phaser alone ${ms(median(m.map((x) => x.time)))} / ${kb(median(m.map((x) => x.jsGzip)))}`,
    );
    // 3. Frames: the minimal page idling, then the game in a visit (briefing → first client line).
    await page.goto(minimal.url);
    await shown(page, 'body[data-ready="true"]');
    const minimalFrames = await frames(page, 3);
    await page.goto(game.url + '?scenario=premiere-visite-imprimante&lang=fr');
    await shown(page, 'body[data-ready="true"]');
    while (!(await page.locator('.screen--visit').count())) {
      await page.locator('[data-testid="choices"] button:not([disabled])').first().click();
      await page.waitForTimeout(100);
    }
    await page.waitForTimeout(1000);
    const visitFrames = await frames(page, 3);
    console.log(`frames p95: game ${ms(p95(visitFrames))}, Phaser alone ${ms(p95(minimalFrames))}`);
    // 4. Heap: 30 bot visits, against the minimal page left running as long.
    await page.evaluate(() => localStorage.clear());
    await page.goto(game.url + '?scenario=premiere-visite-imprimante&lang=fr');
    await shown(page, 'body[data-ready="true"]');
    await playToDebrief(page);
    const heapBefore = await heapMB(page);
    const started = Date.now();
    const answers: number[] = [];
    // Visits within one page load: the debrief's "play again" leads to a new briefing.
    for (let v = 1; v < VISITS; v++) {
      if (v % 5 === 0) console.log(`visit ${v}/${VISITS}…`);
      await page.getByRole('button', { name: 'Rejouer ce scénario' }).click();
      await shown(page, '.screen--briefing');
      answers.push(...(await playToDebrief(page)));
    }
    const heapAfter = await heapMB(page);
    const elapsed = Date.now() - started;
    await page.goto(minimal.url);
    await shown(page, 'body[data-ready="true"]');
    const minimalHeapBefore = await heapMB(page);
    await page.waitForTimeout(Math.min(elapsed, 120_000));
    const minimalHeapAfter = await heapMB(page);

    const rows = [
      [
        'Initial JS until the title is interactive (gzip)',
        kb(median(g.map((x) => x.jsGzip))),
        kb(median(m.map((x) => x.jsGzip))),
      ],
      ['  of which Phaser (gzip)', phaserChunk ? kb(gz(phaserChunk)) : '—', kb(median(m.map((x) => x.jsGzip)))],
      [
        `Time to an interactive title (median of ${RUNS})`,
        ms(median(g.map((x) => x.time))),
        ms(median(m.map((x) => x.time))),
      ],
      ['Frame time p95 (3 s; game: in a visit)', ms(p95(visitFrames)), ms(p95(minimalFrames))],
      ['Frame time median', ms(median(visitFrames)), ms(median(minimalFrames))],
      [
        `Answer time: click to the next choices, median / p95 (${answers.length} turns)`,
        `${ms(median(answers))} / ${ms(p95(answers))}`,
        '—',
      ],
      [
        `Heap after GC: growth over ${VISITS} bot visits (minimal page: same wall time idle)`,
        `${(heapAfter - heapBefore).toFixed(1)} MB (${heapBefore.toFixed(1)} → ${heapAfter.toFixed(1)} MB)`,
        `${(minimalHeapAfter - minimalHeapBefore).toFixed(1)} MB (${minimalHeapBefore.toFixed(1)} → ${minimalHeapAfter.toFixed(1)} MB)`,
      ],
    ];
    const table = [
      '| measure | NegoSim | Phaser alone |',
      '|---|---|---|',
      ...rows.map((r) => `| ${r.join(' | ')} |`),
    ].join('\n');
    console.log(`\n${table}\n`);
    console.log(
      `(${VISITS} visits took ${(elapsed / 1000).toFixed(0)} s; built files in ${relative(ROOT, work) || work}; ${statSync(gameOut).isDirectory() ? 'ok' : ''})`,
    );
  } finally {
    await context.close();
    await game.server.close();
    await minimal.server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

void main();
