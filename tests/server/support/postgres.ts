import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL cluster for one test file: initdb in a temporary folder owned by the
 * `postgres` user (initdb refuses root), pg_ctl on a free loopback port, stopped and removed at
 * the end. Debian's binaries (`apt-get install postgresql`, which .ci/run does when missing).
 */
export const PG_BIN = process.env.NEGOSIM_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface TestPostgres {
  /** A connection string to a fresh database of its own (`fresh()` gives another). */
  url: string;
  port: number;
  fresh(): Promise<string>;
  stop(): void;
}

export async function freePort(): Promise<number> {
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

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function run(binary: string, args: string[]): string {
  const command = join(PG_BIN, binary);
  return asRoot
    ? execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8', stdio: 'pipe' })
    : execFileSync(command, args, { encoding: 'utf8', stdio: 'pipe' });
}

/** `durable`: keep fsync on (benchmarks); tests turn it off, they never survive a machine crash. */
export async function startPostgres(options: { durable?: boolean } = {}): Promise<TestPostgres> {
  if (!existsSync(join(PG_BIN, 'initdb')))
    throw new Error(`PostgreSQL is not installed (${PG_BIN}/initdb): run "apt-get install -y postgresql"`);
  const dir = mkdtempSync(join(tmpdir(), 'negosim-pg-'));
  chmodSync(dir, 0o777);
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  run('pg_ctl', [
    '-D',
    data,
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=${options.durable ? 'on' : 'off'} -c max_connections=200`,
    '-l',
    join(dir, 'log'),
    '-w',
    'start',
  ]);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  process.once('exit', stop);
  let n = 0;
  const fresh = async () => {
    const name = `negosim_${process.pid}_${++n}`;
    const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    return `postgres://postgres@127.0.0.1:${port}/${name}`;
  };
  return { url: await fresh(), port, fresh, stop };
}
