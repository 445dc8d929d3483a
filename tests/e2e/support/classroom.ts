import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { startServer, type RunningServer } from '../../../src/server/start.ts';
import { buildSite, ROOT } from './site.ts';

/**
 * A classroom in a real browser: the site built as for the other browser tests, served with
 * the API by the classroom server (SQLite in a temporary folder), and one Chromium with a
 * context per person — the teacher and each student have their own cookies and storage.
 */
export interface Classroom {
  running: RunningServer;
  browser: Browser;
  url: string;
  /**
   * A person's browser context. `axe` lets the test inject axe-core, which the server's
   * Content-Security-Policy (no inline script) otherwise blocks; the others run under it as is.
   */
  person(options?: { axe?: boolean }): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function openClassroom(): Promise<Classroom> {
  const siteDir = await buildSite();
  const dataDir = mkdtempSync(join(tmpdir(), 'negosim-e2e-class-'));
  const running = await startServer({
    host: '127.0.0.1',
    port: 0,
    database: { file: join(dataDir, 'class.sqlite') },
    scenariosDir: join(ROOT, 'scenarios'),
    siteDir,
  });
  const browser = await chromium.launch({
    executablePath: process.env.NEGOSIM_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
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
  return {
    running,
    browser,
    url: running.url,
    person: (options = {}) =>
      browser.newContext({
        viewport: { width: 1280, height: 720 },
        locale: 'fr-FR',
        reducedMotion: 'reduce',
        bypassCSP: options.axe === true,
      }),
    async close() {
      await browser.close();
      await running.close();
      rmSync(siteDir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
