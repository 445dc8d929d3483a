import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Migration, type MigrationProvider } from 'kysely';
import pg from 'pg';
import * as m001 from './migrations/001-initial.ts';
import * as m002 from './migrations/002-exam-durations.ts';
import type { Database } from './schema.ts';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface OpenDatabase {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** PostgreSQL only: the connection string, for the LISTEN connection of live updates. */
  url?: string;
}

/** Numbered migrations, in order; the same files for both databases. */
const migrations: Record<string, Migration> = { '001-initial': m001, '002-exam-durations': m002 };
const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

/** BIGINT (oid 20) as a JS number: our values are epoch milliseconds and seeds, far below 2^53. */
const INT8_OID = 20;
const pgTypes = new pg.TypeOverrides();
pgTypes.setTypeParser(INT8_OID, (v: string) => Number(v));

/**
 * Opens the database: PostgreSQL when the URL is `postgres://…` (or `postgresql://…`), else an
 * SQLite file (created with its folder on first start). Migrations run before anything else.
 */
export async function openDatabase(
  target: { url: string } | { file: string },
  options: { poolSize?: number; log?: (message: string) => void } = {},
): Promise<OpenDatabase> {
  let opened: OpenDatabase;
  if ('url' in target) {
    const pool = new pg.Pool({ connectionString: target.url, max: options.poolSize ?? 10, types: pgTypes });
    // An idle connection the database drops (a restart) is replaced on next use; it must not crash the server.
    pool.on('error', (error) => options.log?.(`database: idle connection lost (${error.message})`));
    opened = {
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
      kind: 'postgres',
      url: target.url,
    };
  } else {
    if (target.file !== ':memory:') mkdirSync(dirname(target.file), { recursive: true });
    const sqlite = new BetterSqlite3(target.file);
    // WAL with FULL sync: an upload acknowledged to a browser is on disk, even if the server is killed next.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 5000');
    opened = { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }), kind: 'sqlite' };
  }
  const { error, results } = await new Migrator({ db: opened.db, provider }).migrateToLatest();
  if (error) {
    await opened.db.destroy();
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    throw new Error(
      `database migration ${failed} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
    );
  }
  return opened;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//.test(url);
}
