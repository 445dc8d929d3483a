import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startPostgres, type TestPostgres } from './support/postgres.ts';
import { spawnServer, type ServerProcess } from './support/processes.ts';
import { asTeacher } from './support/server.ts';
import { finishedAttempt, resultsDoc } from './support/visits.ts';

/**
 * Two server instances on loopback share one PostgreSQL: a student uploads through one, and the
 * board open on the other hears it (LISTEN/NOTIFY) and shows the attempt.
 */
let pg: TestPostgres;
let a: ServerProcess;
let b: ServerProcess;

beforeAll(async () => {
  pg = await startPostgres();
  a = await spawnServer(await freePort(), pg.url);
  b = await spawnServer(await freePort(), pg.url);
}, 120_000);

afterAll(async () => {
  await a?.kill();
  await b?.kill();
  pg?.stop();
});

/** Reads a server-sent-event stream until `event: change` arrives; resolves with the time it did. */
async function nextChange(
  url: string,
  signal: AbortSignal,
): Promise<{ ready: Promise<void>; change: Promise<number> }> {
  const response = await fetch(url, { headers: asTeacher, signal });
  const reader = response.body?.getReader();
  if (!reader) throw new Error('no stream');
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => (markReady = r));
  const change = (async () => {
    let text = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('stream closed');
      text += new TextDecoder().decode(value);
      if (text.includes('event: ready')) markReady();
      if (text.includes('event: change')) return Date.now();
    }
  })();
  return { ready, change };
}

describe('several instances on one PostgreSQL', () => {
  it('an upload through one instance reaches the live board of the other', async () => {
    const created = await fetch(`${a.url}api/sessions`, {
      method: 'POST',
      headers: { ...asTeacher, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Deux serveurs',
        scenarios: ['premiere-visite-imprimante'],
        referential: 'nrc',
        mode: 'assisted',
      }),
    });
    const { code } = (await created.json()) as { code: string };
    const abort = new AbortController();
    const stream = await nextChange(`${b.url}api/sessions/${code}/events`, abort.signal);
    await stream.ready;

    const attempt = finishedAttempt('premiere-visite-imprimante', 'best');
    const upload = await fetch(`${a.url}api/sessions/${code}/attempts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ student: 'Léa', results: resultsDoc([attempt]) }),
    });
    expect(((await upload.json()) as { accepted: string[] }).accepted).toEqual([attempt.id]);
    // Instance B learns of it only through PostgreSQL (the delay is measured by npm run bench:class).
    await stream.change;
    abort.abort();

    const board = (await (await fetch(`${b.url}api/sessions/${code}/board`, { headers: asTeacher })).json()) as {
      students: { pseudonym: string; latest: { attemptId: string } | null }[];
    };
    expect(board.students.map((s) => [s.pseudonym, s.latest?.attemptId])).toEqual([['Léa', attempt.id]]);
  });
});
