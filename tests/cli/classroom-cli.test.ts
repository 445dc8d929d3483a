import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { negosim } from '../support/run-cli.ts';
import { ROOT } from '../support/fixtures.ts';
import { startPostgres, type TestPostgres } from '../server/support/postgres.ts';
import { asTeacher, testServer } from '../server/support/server.ts';
import { shipped } from '../server/support/visits.ts';

/** `negosim serve` and `negosim play --export`, run as a teacher would from a terminal. */
let dir = '';
let pg: TestPostgres;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'negosim-cli-class-'));
  pg = await startPostgres();
}, 120_000);
afterAll(() => {
  pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `negosim serve`, collects what it prints until the "Ctrl+C" line, then stops it. */
async function serve(args: string[], env: Record<string, string> = {}) {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin', 'negosim.js'), 'serve', '--port', '0', '--no-build', ...args],
    {
      cwd: dir,
      env: { ...process.env, LANG: 'fr_FR.UTF-8', NEGOSIM_LANG: '', DATABASE_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed nothing useful: ${out} ${err}`)), 60_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Ctrl+C')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', () => reject(new Error(`serve stopped: ${out} ${err}`)));
  });
  const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out)?.[0] ?? '';
  const health = (await (await fetch(`${url}api/health`)).json()) as { database: string };
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  return { out, url, health, code: await exited };
}

describe('negosim serve', () => {
  it('starts with no configuration on SQLite in ./data, prints the one-time teacher link, and stops on Ctrl+C', async () => {
    const first = await serve([]);
    expect(first.health.database).toBe('sqlite');
    expect(first.out).toContain(`Données\u00a0: SQLite, ${join(dir, 'data', 'negosim.sqlite')}`);
    expect(first.out).toMatch(/Première connexion .*teacher\.html#setup=[\w-]{20,}/);
    expect(first.out).toContain('--host 0.0.0.0');
    expect(first.code).toBe(0);
    expect(existsSync(join(dir, 'data', 'negosim.sqlite'))).toBe(true);
  });

  it('runs on PostgreSQL when DATABASE_URL says so', async () => {
    const run = await serve([], { DATABASE_URL: await pg.fresh() });
    expect(run.health.database).toBe('postgres');
    expect(run.out).toContain('PostgreSQL (DATABASE_URL)');
  });
});

describe('negosim play --export', () => {
  it('writes the visit as a negosim-results document that a class session takes with the same marks', async () => {
    const out = join(dir, 'visit.json');
    const path = shipped('premiere-visite-imprimante').paths.get('one-mistake-catalogue') ?? [];
    const run = negosim([
      'play',
      'scenarios/premiere-visite-imprimante.json',
      '--choices',
      JSON.stringify(path),
      '--seed',
      '42',
      '--export',
      out,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('negosim-results');
    const doc = JSON.parse(readFileSync(out, 'utf8')) as {
      kind: string;
      attempts: { id: string; seed: number; marks: Record<string, number>; log: unknown[] }[];
    };
    expect(doc.kind).toBe('negosim-results');
    expect(doc.attempts).toHaveLength(1);
    const attempt = doc.attempts[0];
    expect(attempt?.seed).toBe(42);
    // The terminal's mark (NDRC by default: today's BTS) is the file's.
    expect(run.stdout).toContain(`${String(attempt?.marks.ndrc).replace('.', ',')}/20`);

    const server = await testServer({ file: join(dir, 'export.sqlite') });
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/sessions',
      headers: asTeacher,
      payload: { title: 'Script', scenarios: ['premiere-visite-imprimante'], referential: 'nrc', mode: 'assisted' },
    });
    const { code } = created.json<{ code: string }>();
    const upload = await server.app.inject({
      method: 'POST',
      url: `/api/sessions/${code}/attempts`,
      payload: { student: 'script', results: doc },
    });
    expect(upload.json()).toMatchObject({ accepted: [attempt?.id], rejected: [] });
    const stored = (await server.app.inject({ url: `/api/sessions/${code}/results.json`, headers: asTeacher })).json<{
      attempts: { marks: Record<string, number> }[];
    }>();
    expect(stored.attempts[0]?.marks).toEqual(attempt?.marks);
    await server.close();
  });

  it('writes nothing for a visit that does not reach its end (--json plays the path alone)', () => {
    const out = join(dir, 'unfinished.json');
    const path = shipped('premiere-visite-imprimante').paths.get('best') ?? [];
    const run = negosim(
      [
        'play',
        'scenarios/premiere-visite-imprimante.json',
        '--choices',
        JSON.stringify(path.slice(0, 5)),
        '--json',
        '--export',
        out,
      ],
      {
        input: '',
      },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Rien d’écrit');
    expect(existsSync(out)).toBe(false);
  });
});
