import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClassSync, type KeyValue } from '../../src/game/classroom/class-sync.ts';
import { freePort, startPostgres, type TestPostgres } from './support/postgres.ts';
import { spawnServer, type ServerProcess } from './support/processes.ts';
import { asTeacher, BACKENDS } from './support/server.ts';
import { finishedAttempt } from './support/visits.ts';

/**
 * The server is killed (SIGKILL) while students' browsers are uploading, then restarted on the
 * same address. Each student is the game's own upload queue (ClassSync, the code the browser
 * runs) over its own storage. Nothing the server acknowledged before the kill is lost, and
 * the queues drain afterwards without storing any visit twice.
 */
const STUDENTS = 8;
const VISITS = 5;
const PLAYTHROUGHS = ['best', 'habit-discount', 'habit-catalogue', 'one-mistake-signal', 'habit-pretext'];

function memoryStorage(): KeyValue {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

let dir = '';
let pg: TestPostgres;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'negosim-fault-'));
  pg = await startPostgres();
}, 120_000);
afterAll(() => {
  pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(BACKENDS)('a server killed during uploads (%s)', (backend) => {
  it('loses nothing it acknowledged, and the queues drain without duplicates', { timeout: 240_000 }, async () => {
    const target = backend === 'sqlite' ? join(dir, 'fault.sqlite') : await pg.fresh();
    const port = await freePort();
    let server: ServerProcess = await spawnServer(port, target);
    const created = await fetch(`${server.url}api/sessions`, {
      method: 'POST',
      headers: { ...asTeacher, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Panne',
        scenarios: ['premiere-visite-imprimante'],
        referential: 'nrc',
        mode: 'exam',
      }),
    });
    const { code } = (await created.json()) as { code: string };
    const students = await Promise.all(
      Array.from({ length: STUDENTS }, async (_, i) => {
        const sync = new ClassSync(memoryStorage(), server.url);
        expect(await sync.join(code, `élève ${i + 1}`)).toEqual({ ok: true });
        return sync;
      }),
    );
    // Every student finishes all their visits at once: the queues fill while the server works.
    students.forEach((sync, i) => {
      for (let v = 0; v < VISITS; v++)
        sync.attemptRecorded(
          finishedAttempt('premiere-visite-imprimante', PLAYTHROUGHS[v] ?? 'best', {
            id: `s${i}-v${v}`,
            seed: 100 * i + v,
          }),
        );
    });
    // Kill the server as soon as some, but not all, uploads were acknowledged.
    const acknowledged = () => students.flatMap((s) => s.current?.sent ?? []);
    for (let i = 0; i < 400 && acknowledged().length < 5; i++) await new Promise((r) => setTimeout(r, 10));
    await server.kill('SIGKILL');
    const ackedBeforeKill = new Set(acknowledged());
    expect(ackedBeforeKill.size).toBeGreaterThan(0);
    expect(ackedBeforeKill.size).toBeLessThan(STUDENTS * VISITS);

    server = await spawnServer(port, target);
    try {
      for (let i = 0; i < 120 && students.some((s) => (s.current?.queue.length ?? 0) > 0); i++) {
        await Promise.all(students.map((s) => s.flush()));
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(students.map((s) => s.current?.queue.length)).toEqual(students.map(() => 0));
      expect(students.flatMap((s) => s.current?.refused ?? [])).toEqual([]);

      const doc = (await (
        await fetch(`${server.url}api/sessions/${code}/results.json`, { headers: asTeacher })
      ).json()) as {
        attempts: { id: string }[];
      };
      const stored = doc.attempts.map((a) => a.id);
      expect(new Set(stored).size).toBe(stored.length);
      expect(stored.length).toBe(STUDENTS * VISITS);
      for (const id of ackedBeforeKill) expect(stored).toContain(id);
    } finally {
      students.forEach((s) => s.stop());
      await server.kill();
    }
  });
});
