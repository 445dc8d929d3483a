import { mkdtempSync, readFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { rmSync } from 'node:fs';
import { build, preview, type PreviewServer } from 'vite';

export const ROOT = join(import.meta.dirname, '..', '..', '..');

/** A free local port: the test builds and serves its own copy of the site. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Builds the site for the browser tests into a fresh temporary folder (also served by the classroom server). */
export async function buildSite(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'negosim-e2e-site-'));
  // Vitest sets NODE_ENV=test, and Vite would then build a development bundle (no service
  // worker, development-only code paths): the browser tests must see what players get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: ROOT, mode: 'e2e', logLevel: 'error', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}

/**
 * Builds the static site exactly as `npm run build` does, in `e2e` mode (which adds the test
 * scenarios of tests/fixtures/e2e-scenarios to the library), and serves it with `vite preview`.
 */
export async function startSite(): Promise<{ url: string; server: PreviewServer; outDir: string }> {
  const outDir = await buildSite();
  const port = await freePort();
  const server = await preview({
    root: ROOT,
    mode: 'e2e',
    logLevel: 'error',
    build: { outDir },
    preview: { port, strictPort: true, host: '127.0.0.1', open: false },
  });
  return { url: `http://127.0.0.1:${port}/`, server, outDir };
}

/** Debian's chromium through playwright-core, as docs/../shared/design/stack.md measured it. */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'negosim-e2e-profile-')), {
    executablePath: process.env.NEGOSIM_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 720 },
    locale: 'fr-FR',
    // The drawn stage then sleeps between changes (the game honours prefers-reduced-motion),
    // which leaves the two CPU cores of a CI machine to the test itself.
    reducedMotion: 'reduce',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--enable-unsafe-swiftshader',
      ...extraArgs,
    ],
  });
}

const axeSource = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

export interface AxeProblem {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** axe-core on the current screen; returns the serious and critical violations only. */
export async function axeProblems(page: Page): Promise<AxeProblem[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: unknown,
            o: unknown,
          ): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Screenshots of each screen at 1280×720. Written to docs/screenshots/ when
 * NEGOSIM_SCREENSHOTS=docs (that is how the README's pictures are made), otherwise to
 * test-results/screenshots/ so a plain test run never touches tracked files.
 */
export async function shot(page: Page, name: string): Promise<void> {
  const dir =
    process.env.NEGOSIM_SCREENSHOTS === 'docs'
      ? join(ROOT, 'docs', 'screenshots')
      : join(ROOT, 'test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`) });
}

export interface Game {
  site: { url: string; server: PreviewServer; outDir: string };
  browser: BrowserContext;
  page: Page;
  /** Uncaught errors the page raised. */
  pageErrors: string[];
  close(): Promise<void>;
}

/**
 * The built site served, a browser, and one page on it: what each browser test file starts with.
 * `args` adds Chromium switches (e.g. its fake microphone for the spoken answers).
 */
export async function openGame(opts: { args?: readonly string[] } = {}): Promise<Game> {
  const site = await startSite();
  const browser = await launchBrowser(opts.args);
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.setDefaultTimeout(90_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return {
    site,
    browser,
    page,
    pageErrors,
    async close() {
      await browser.close();
      await site.server.close();
      rmSync(site.outDir, { recursive: true, force: true });
    },
  };
}
