/**
 * Classroom benchmark (not a test): `npm run bench:class`. A class of 35 students each uploads
 * 10 finished visits (one visit's phase, then the visit, one after the other, as the game's
 * queue does; all students at once) to a server running in its own process, on loopback, with
 * the teacher's board open on the live stream — once on SQLite, once on PostgreSQL.
 * Measures: upload latency p50/p95, the board's update delay, the server's CPU time and peak
 * memory, and attempts stored against attempts sent (they must be equal).
 * Prints a Markdown table; docs/performance.md keeps the last run's numbers.
 */
import { readFileSync, mkdtempSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startPostgres } from '../tests/server/support/postgres.ts';
import { spawnServer, type ServerProcess } from '../tests/server/support/processes.ts';
import { asTeacher } from '../tests/server/support/server.ts';
import { finishedAttempt, resultsDoc } from '../tests/server/support/visits.ts';
import type { Attempt } from '../src/core/save/index.ts';

const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 35);
const VISITS = Number(process.env.BENCH_VISITS ?? 10);
/** 0: every student uploads as fast as the server answers (a burst); else the mean pause (ms) between a student's visits. */
const PACE = Number(process.env.BENCH_PACE ?? 0);
const ROOT = join(import.meta.dirname, '..');

/** Every shipped scenario with expected playthroughs, and their paths: the visits students upload. */
function visitsFor(student: number): Attempt[] {
  const ids = readdirSync(join(ROOT, 'scenarios'))
    .filter((f) => f.endsWith('.playthroughs.json'))
    .map((f) => f.replace('.playthroughs.json', ''));
  const out: Attempt[] = [];
  for (let v = 0; v < VISITS; v++) {
    const scenario = ids[(student + v) % ids.length] ?? '';
    const file = JSON.parse(readFileSync(join(ROOT, 'scenarios', `${scenario}.playthroughs.json`), 'utf8')) as {
      playthroughs: { id: string }[];
    };
    const pt = file.playthroughs[(student * 7 + v) % file.playthroughs.length]?.id ?? 'best';
    out.push(finishedAttempt(scenario, pt, { id: `s${student}-v${v}`, seed: 1000 * student + v }));
  }
  return out;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** CPU seconds (user + system) and peak resident memory of a process, from /proc. */
function processUsage(pid: number): { cpu: number; peakMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticks = Number(stat[11]) + Number(stat[12]);
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return { cpu: ticks / 100, peakMb: Number(hwm) / 1024 };
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const r = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

interface Run {
  backend: string;
  sent: number;
  stored: number;
  p50: number;
  p95: number;
  boardP50: number;
  boardP95: number;
  boardFetches: number;
  cpu: number;
  peakMb: number;
  wall: number;
}

async function runClass(backend: string, server: ServerProcess, classVisits: Attempt[][]): Promise<Run> {
  const base = server.url;
  const created = await post(
    `${base}api/sessions`,
    {
      title: 'Bench',
      scenarios: [...new Set(classVisits.flat().map((a) => a.scenarioId))],
      referential: 'nrc',
      mode: 'exam',
    },
    asTeacher,
  );
  const code = String(created.body.code);
  for (let s = 0; s < STUDENTS; s++)
    await post(`${base}api/sessions/${code}/students`, { pseudonym: `élève ${s + 1}` });

  // The teacher's board: on each change, fetch the board again (one fetch at a time, like the page).
  const boards: { at: number; count: number }[] = [];
  const abort = new AbortController();
  const stream = await fetch(`${base}api/sessions/${code}/events`, { headers: asTeacher, signal: abort.signal });
  const reader = stream.body?.getReader();
  let fetching: Promise<void> | null = null;
  let again = false;
  const fetchBoard = async (): Promise<void> => {
    do {
      again = false;
      const board = (await (await fetch(`${base}api/sessions/${code}/board`, { headers: asTeacher })).json()) as {
        attemptsCount: number;
      };
      boards.push({ at: performance.now(), count: board.attemptsCount });
    } while (again);
  };
  const listening = (async () => {
    const decoder = new TextDecoder();
    for (;;) {
      const { value, done } = (await reader?.read().catch(() => ({ value: undefined, done: true }))) ?? {
        done: true,
        value: undefined,
      };
      if (done) return;
      if (!decoder.decode(value).includes('event: change')) continue;
      if (fetching) again = true;
      else fetching = fetchBoard().finally(() => (fetching = null));
    }
  })();

  const before = processUsage(server.child.pid ?? 0);
  const latencies: number[] = [];
  const acks: number[] = [];
  const start = performance.now();
  await Promise.all(
    classVisits.map(async (visits, s) => {
      for (const attempt of visits) {
        if (PACE > 0) await new Promise((r) => setTimeout(r, PACE * (0.5 + ((s * 37 + attempt.seed) % 100) / 100)));
        await post(`${base}api/sessions/${code}/progress`, {
          student: `élève ${s + 1}`,
          attemptId: attempt.id,
          scenarioId: attempt.scenarioId,
          phase: 'closing',
        });
        const t0 = performance.now();
        const r = await post(`${base}api/sessions/${code}/attempts`, {
          student: `élève ${s + 1}`,
          results: resultsDoc([attempt]),
        });
        const t1 = performance.now();
        if (r.status !== 200 || (r.body.accepted as string[]).length !== 1)
          throw new Error(`upload refused: ${JSON.stringify(r.body)}`);
        latencies.push(t1 - t0);
        acks.push(t1);
      }
    }),
  );
  const wall = performance.now() - start;
  // Let the board catch up with the last upload.
  for (let i = 0; i < 100 && (boards.at(-1)?.count ?? 0) < acks.length; i++)
    await new Promise((r) => setTimeout(r, 50));
  const after = processUsage(server.child.pid ?? 0);
  abort.abort();
  await listening.catch(() => undefined);

  // Board delay: from an upload's acknowledgement until a board fetched on the live stream
  // counts at least as many attempts as had been acknowledged by then.
  acks.sort((a, b) => a - b);
  const delays = acks.map((at, i) => {
    const seen = boards.find((b) => b.at >= at && b.count >= i + 1);
    return seen ? seen.at - at : NaN;
  });
  const doc = (await (await fetch(`${base}api/sessions/${code}/results.json`, { headers: asTeacher })).json()) as {
    attempts: unknown[];
  };
  return {
    backend,
    sent: acks.length,
    stored: doc.attempts.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    boardP50: percentile(delays, 50),
    boardP95: percentile(delays, 95),
    boardFetches: boards.length,
    cpu: after.cpu - before.cpu,
    peakMb: after.peakMb,
    wall,
  };
}

const ms = (x: number) => `${Math.round(x)} ms`;
console.log(
  `Preparing ${STUDENTS} × ${VISITS} visits from the shipped playthroughs (${PACE ? `about ${PACE} ms between a student's visits` : 'burst'})…`,
);
const classVisits = Array.from({ length: STUDENTS }, (_, s) => visitsFor(s));
const runs: Run[] = [];
const dir = mkdtempSync(join(tmpdir(), 'negosim-bench-class-'));
const pg = await startPostgres({ durable: true });
try {
  for (const backend of ['sqlite', 'postgres'] as const) {
    const target = backend === 'sqlite' ? join(dir, 'bench.sqlite') : await pg.fresh();
    const server = await spawnServer(await freePort(), target);
    try {
      console.log(`${backend}: uploading…`);
      runs.push(await runClass(backend, server, classVisits));
    } finally {
      await server.kill();
    }
  }
} finally {
  pg.stop();
  rmSync(dir, { recursive: true, force: true });
}
console.log('');
console.log(
  `| database | attempts stored / sent | upload p50 | upload p95 | board delay p50 | board delay p95 | board fetches | server CPU | server peak RSS | wall time |`,
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of runs)
  console.log(
    `| ${r.backend} | ${r.stored} / ${r.sent} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.boardP50)} | ${ms(r.boardP95)} | ${r.boardFetches} | ${r.cpu.toFixed(1)} s | ${Math.round(r.peakMb)} MB | ${(r.wall / 1000).toFixed(1)} s |`,
  );
if (runs.some((r) => r.stored !== r.sent)) {
  console.error('attempts stored differ from attempts sent');
  process.exitCode = 1;
}
