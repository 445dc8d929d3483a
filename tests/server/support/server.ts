import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { buildServer, type ClassroomServer, type ServerOptions } from '../../../src/server/app.ts';
import { startPostgres, type TestPostgres } from './postgres.ts';
import { SCENARIOS_DIR } from './visits.ts';

export const TEACHER_TOKEN = 'test-teacher-token-0123456789';
export type Backend = 'sqlite' | 'postgres';
export const BACKENDS: Backend[] = ['sqlite', 'postgres'];

/**
 * Databases for one test file: a temporary folder for SQLite files and one PostgreSQL cluster
 * (started once, each server gets a fresh database in it). Both are removed at the end.
 */
export function useDatabases(): { target(backend: Backend): Promise<ServerOptions['database']> } {
  let dir = '';
  let pg: TestPostgres | null = null;
  let n = 0;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'negosim-sqlite-'));
    pg = await startPostgres();
  });
  afterAll(() => {
    pg?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return {
    async target(backend) {
      if (backend === 'postgres') {
        if (!pg) throw new Error('PostgreSQL did not start');
        return { url: await pg.fresh() };
      }
      return { file: join(dir, `class-${++n}.sqlite`) };
    },
  };
}

export async function testServer(
  database: ServerOptions['database'],
  options: Partial<ServerOptions> = {},
): Promise<ClassroomServer> {
  return buildServer({ database, scenariosDir: SCENARIOS_DIR, teacherToken: TEACHER_TOKEN, ...options });
}

export const asTeacher = { authorization: `Bearer ${TEACHER_TOKEN}` };
