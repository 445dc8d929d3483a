import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as m001 from '../../src/server/db/migrations/001-initial.ts';
import { asTeacher, BACKENDS, testServer, useDatabases } from './support/server.ts';

/**
 * A class session sets the exam rehearsal's durations (docs/exam.md, docs/classroom.md): the
 * teacher's choice is checked, kept, and handed to the students' games; sessions from before
 * migration 002 read as "the official 40 and 20 minutes".
 */
const databases = useDatabases();
const SCENARIO = 'premiere-visite-imprimante';
type Failure = { error: { code: string; path?: string } };
const base = { title: 'BTS NDRC 2 — épreuve blanche', scenarios: [SCENARIO], referential: 'ndrc', mode: 'exam' };

describe.each(BACKENDS)('the exam durations of a class session on %s', (backend) => {
  it('keeps the preparation and simulation the teacher sets, and gives them to the students', async () => {
    const server = await testServer(await databases.target(backend));
    const inject = server.app.inject.bind(server.app);
    const created = await inject({
      method: 'POST',
      url: '/api/sessions',
      headers: asTeacher,
      payload: { ...base, prepSeconds: 1200, simSeconds: 900 },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { code } = created.json<{ code: string }>();
    const listed = await inject({ url: '/api/sessions', headers: asTeacher });
    expect(listed.json<{ sessions: unknown[] }>().sessions[0]).toMatchObject({ prepSeconds: 1200, simSeconds: 900 });
    const seen = await inject({ url: `/api/sessions/${code}/public` });
    expect(seen.json()).toMatchObject({ mode: 'exam', prepSeconds: 1200, simSeconds: 900 });

    const plain = await inject({ method: 'POST', url: '/api/sessions', headers: asTeacher, payload: base });
    const official = await inject({ url: `/api/sessions/${plain.json<{ code: string }>().code}/public` });
    expect(official.json()).toMatchObject({ prepSeconds: null, simSeconds: null });
    await server.close();
  });

  it('refuses durations that are not whole seconds between 1 s and 2 h, naming the field', async () => {
    const server = await testServer(await databases.target(backend));
    for (const [field, value] of [
      ['prepSeconds', 0],
      ['prepSeconds', 7201],
      ['simSeconds', 90.5],
      ['simSeconds', '600'],
      ['prepSeconds', -60],
    ] as const) {
      const r = await server.app.inject({
        method: 'POST',
        url: '/api/sessions',
        headers: asTeacher,
        payload: { ...base, [field]: value },
      });
      expect(r.statusCode, `${field}=${value}`).toBe(400);
      expect(r.json<Failure>().error).toMatchObject({ code: 'NC001', path: `/${field}` });
    }
    const list = await server.app.inject({ url: '/api/sessions', headers: asTeacher });
    expect(list.json<{ sessions: unknown[] }>().sessions).toEqual([]);
    await server.close();
  });
});

describe('migration 002', () => {
  it('adds the durations to a database of migration 001, whose sessions keep the official times', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'negosim-m002-'));
    const file = join(dir, 'old.sqlite');
    try {
      const old = new Kysely<Record<string, Record<string, unknown>>>({
        dialect: new SqliteDialect({ database: new BetterSqlite3(file) }),
      });
      const provider = { getMigrations: () => Promise.resolve({ '001-initial': m001 }) };
      expect((await new Migrator({ db: old, provider }).migrateToLatest()).error).toBeUndefined();
      await old
        .insertInto('class_sessions')
        .values({
          id: 'old-session',
          code: 'ACDEFG',
          title: 'Avant la migration',
          scenarios: JSON.stringify([SCENARIO]),
          referential: 'ndrc',
          mode: 'exam',
          opens_at: null,
          closes_at: null,
          retention_days: 30,
          created_at: Date.now(),
          delete_after: Date.now() + 86_400_000,
        })
        .execute();
      await old.destroy();

      const server = await testServer({ file });
      const seen = await server.app.inject({ url: '/api/sessions/ACDEFG/public' });
      expect(seen.statusCode, seen.body).toBe(200);
      expect(seen.json()).toMatchObject({ title: 'Avant la migration', prepSeconds: null, simSeconds: null });
      await server.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
