import { describe, expect, it } from 'vitest';
import { evaluateVisit } from '../../src/core/scoring/evaluate.ts';
import { pack as packNamed } from '../support/referentials.ts';
import { replayVisit } from '../../src/core/visit/visit-session.ts';
import type { VisitEvent } from '../../src/core/visit/visit-types.ts';
import { JOIN_CODE_PATTERN } from '../../src/server/auth/secrets.ts';
import { asTeacher, BACKENDS, testServer, useDatabases } from './support/server.ts';
import { finishedAttempt, resultsDoc, shipped } from './support/visits.ts';

/**
 * The HTTP contract of docs/classroom.md, against a real SQLite file and a real PostgreSQL
 * database: what a teacher's script, the teacher pages and the students' games rely on.
 */
const databases = useDatabases();
type Failure = { error: { code: string; path?: string } };
const SCENARIO = 'premiere-visite-imprimante';
const OTHER = 'assurance-artisan-plombier';

/** What the game itself shows for this visit: the core's replay of its log, independent of the server code. */
function gameMark(attempt: ReturnType<typeof finishedAttempt>, pack: 'nrc' | 'ndrc'): number {
  const index = shipped(attempt.scenarioId).index;
  const { session } = replayVisit(index, { seed: attempt.seed }, attempt.log as VisitEvent[]);
  return evaluateVisit(index, packNamed(pack), session.context()).mark;
}

describe.each(BACKENDS)('the classroom API on %s', (backend) => {
  async function withSession(options: Parameters<typeof testServer>[1] = {}, body: Record<string, unknown> = {}) {
    const server = await testServer(await databases.target(backend), options);
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/sessions',
      headers: asTeacher,
      payload: { title: 'BTS NDRC 1 — groupe B', scenarios: [SCENARIO], referential: 'ndrc', mode: 'exam', ...body },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, code } = created.json<{ id: string; code: string }>();
    return { server, id, code, inject: server.app.inject.bind(server.app) };
  }

  it('creates a session for the teacher only, with a 6-character join code without look-alikes', async () => {
    const { server, id, code, inject } = await withSession();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(code).toMatch(JOIN_CODE_PATTERN);
    expect(code).not.toMatch(/[01258BILOSZUV]/);
    const anonymous = await inject({
      method: 'POST',
      url: '/api/sessions',
      payload: { title: 'x', scenarios: [SCENARIO], referential: 'nrc', mode: 'assisted' },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json<Failure>().error.code).toBe('NC006');
    const badReferential = await inject({
      method: 'POST',
      url: '/api/sessions',
      headers: asTeacher,
      payload: { title: 'x', scenarios: [SCENARIO], referential: 'bts-mco', mode: 'assisted' },
    });
    expect(badReferential.json<Failure>().error).toMatchObject({ code: 'NC001', path: '/referential' });
    const wrongToken = await inject({ url: '/api/sessions', headers: { authorization: 'Bearer nope' } });
    expect(wrongToken.statusCode).toBe(401);
    await server.close();
  });

  it('stores the server’s own marks when an attempt is posted with a forged one, and accepts a resend once', async () => {
    const { server, code, inject } = await withSession();
    const attempt = finishedAttempt(SCENARIO, 'habit-discount', { marks: { nrc: 20, ndrc: 20 } });
    const post = () =>
      inject({
        method: 'POST',
        url: `/api/sessions/${code}/attempts`,
        payload: { student: 'Léa B.', results: resultsDoc([attempt]) },
      });
    const first = await post();
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ accepted: [attempt.id], duplicates: [], rejected: [] });
    const again = await post();
    expect(again.json()).toEqual({ accepted: [attempt.id], duplicates: [attempt.id], rejected: [] });

    const json = await inject({ url: `/api/sessions/${code}/results.json`, headers: asTeacher });
    const doc = json.json<{ kind: string; attempts: { id: string; marks: Record<string, number> }[] }>();
    expect(doc.kind).toBe('negosim-results');
    expect(doc.attempts.map((a) => a.id)).toEqual([attempt.id]);
    expect(doc.attempts[0]?.marks).toEqual({ nrc: gameMark(attempt, 'nrc'), ndrc: gameMark(attempt, 'ndrc') });
    expect(doc.attempts[0]?.marks.ndrc).toBeLessThan(20);
    await server.close();
  });

  it('tells the teacher what each student found out about the client and missed, and words the moves at the table as the game does', async () => {
    const { server, code, inject } = await withSession();
    const best = finishedAttempt(SCENARIO, 'best', { id: 'found-best' });
    const dump = finishedAttempt(SCENARIO, 'habit-catalogue', { id: 'found-dump' });
    for (const [student, attempt] of [
      ['Léa B.', best],
      ['Tom R.', dump],
    ] as const)
      await inject({
        method: 'POST',
        url: `/api/sessions/${code}/attempts`,
        payload: { student, results: resultsDoc([attempt]) },
      });
    const board = (await inject({ url: `/api/sessions/${code}/board`, headers: asTeacher })).json<{
      students: { id: string; pseudonym: string }[];
    }>();
    type Row = { label: string; dominant: boolean };
    const debriefOfStudent = async (pseudonym: string, attemptId: string) => {
      const student = board.students.find((s) => s.pseudonym === pseudonym)?.id ?? '';
      const url = `/api/sessions/${code}/students/${student}/attempts/${attemptId}?lang=fr`;
      const reply = await inject({ url, headers: asTeacher });
      expect(reply.statusCode, reply.body).toBe(200);
      return reply.json<{ motives: { found: Row[]; missed: Row[] }; timeline: { kind: string; text: string }[] }>();
    };
    const leaDebrief = await debriefOfStudent('Léa B.', best.id);
    const lea = leaDebrief.motives;
    const tom = (await debriefOfStudent('Tom R.', dump.id)).motives;
    // Her moves at the table read as the game and `negosim play` word them, not as raw data.
    const moves = leaDebrief.timeline.filter((s) => s.kind === 'negotiation').map((s) => s.text);
    expect(moves.length).toBeGreaterThan(0);
    expect(moves.some((m) => /^Présentation du prix\u00a0: /.test(m))).toBe(true);
    for (const m of moves) expect(m).not.toMatch(/^(offer|concede|present-price)\b|discountPercent/);
    // The same client for both: what one found the other may have missed, nothing more.
    expect(lea.found.length + lea.missed.length).toBe(tom.found.length + tom.missed.length);
    expect(lea.missed.filter((r) => r.dominant)).toEqual([]);
    expect(tom.missed.length).toBeGreaterThan(lea.missed.length);
    expect(tom.missed.some((r) => r.dominant)).toBe(true);
    expect([...lea.found, ...tom.missed].every((r) => r.label.trim() !== '')).toBe(true);
    await server.close();
  });

  it('rejects each bad attempt with a coded reason and keeps the good ones of the same document', async () => {
    const { server, code, inject } = await withSession();
    const good = finishedAttempt(SCENARIO, 'best');
    const tampered = { ...finishedAttempt(SCENARIO, 'one-mistake-signal', { id: 'tampered' }) };
    tampered.log = [
      ...tampered.log.slice(0, 3),
      { type: 'player.choose', choiceId: 'c-seize' },
      ...tampered.log.slice(3),
    ];
    const changed = { ...finishedAttempt(SCENARIO, 'habit-signal', { id: 'changed' }), contentHash: 'deadbeef' };
    const elsewhere = finishedAttempt(OTHER, 'best', { id: 'elsewhere' });
    const unfinished = { ...finishedAttempt(SCENARIO, 'habit-pretext', { id: 'unfinished' }) };
    unfinished.log = unfinished.log.slice(0, 6);
    const malformed = { id: 'malformed', scenarioId: SCENARIO, log: 'not a log' };
    const answer = await inject({
      method: 'POST',
      url: `/api/sessions/${code}/attempts`,
      payload: { student: 'Noé', results: resultsDoc([good, tampered, changed, elsewhere, unfinished, malformed]) },
    });
    const body = answer.json<{ accepted: string[]; rejected: { id: string; code: string }[] }>();
    expect(body.accepted).toEqual([good.id]);
    expect(body.rejected.map((r) => [r.id, r.code])).toEqual([
      ['tampered', 'NC104'],
      ['changed', 'NC103'],
      ['elsewhere', 'NC102'],
      ['unfinished', 'NC105'],
      ['malformed', 'NC101'],
    ]);
    const notResults = await inject({
      method: 'POST',
      url: `/api/sessions/${code}/attempts`,
      payload: { student: 'Noé', results: { kind: 'negosim-save', attempts: [] } },
    });
    expect(notResults.json<Failure>().error).toMatchObject({ code: 'NC001', path: '/results/kind' });
    await server.close();
  });

  it('lets a student join under a pseudonym, come back with their key, and read only their own results', async () => {
    const { server, code, inject } = await withSession();
    const join = (payload: Record<string, unknown>) =>
      inject({ method: 'POST', url: `/api/sessions/${code.toLowerCase()}/students`, payload });
    const first = await join({ pseudonym: '  Sami   K. ' });
    expect(first.statusCode).toBe(201);
    const { key, student, session } = first.json<{ key: string; student: { pseudonym: string }; session: object }>();
    expect(student.pseudonym).toBe('Sami K.');
    expect(session).toMatchObject({ code, referential: 'ndrc', mode: 'exam', scenarios: [SCENARIO], state: 'open' });
    const taken = await join({ pseudonym: 'Sami K.' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json<Failure>().error.code).toBe('NC005');
    expect((await join({ pseudonym: 'Sami K.', key })).statusCode).toBe(201);
    expect((await join({ pseudonym: 'a\u0000b' })).json<Failure>().error.code).toBe('NC001');
    expect((await join({ pseudonym: 'x'.repeat(41) })).json<Failure>().error.code).toBe('NC001');

    const mine = finishedAttempt(SCENARIO, 'best', { id: 'mine' });
    const theirs = finishedAttempt(SCENARIO, 'habit-signal', { id: 'theirs' });
    for (const [who, a] of [
      ['Sami K.', mine],
      ['Inès', theirs],
    ] as const)
      await inject({
        method: 'POST',
        url: `/api/sessions/${code}/attempts`,
        payload: { student: who, results: resultsDoc([a]) },
      });
    const me = await inject({ url: `/api/sessions/${code}/me`, headers: { 'x-negosim-student-key': key } });
    expect(me.json<{ attempts: { id: string }[] }>().attempts.map((a) => a.id)).toEqual(['mine']);
    expect((await inject({ url: `/api/sessions/${code}/me` })).statusCode).toBe(401);
    // A join code opens nothing of the teacher's.
    for (const url of ['board', 'results.csv', 'results.json'])
      expect((await inject({ url: `/api/sessions/${code}/${url}` })).statusCode).toBe(401);
    await server.close();
  });

  it('shows each student’s phase, mark and the per-choice distribution on the board', async () => {
    const { server, code, inject } = await withSession();
    await inject({
      method: 'POST',
      url: `/api/sessions/${code}/progress`,
      payload: { student: 'Inès', attemptId: 'live-1', scenarioId: SCENARIO, phase: 'discovery' },
    });
    const best = finishedAttempt(SCENARIO, 'best', { id: 'a1' });
    const catalogue = finishedAttempt(SCENARIO, 'habit-catalogue', { id: 'a2' });
    await inject({
      method: 'POST',
      url: `/api/sessions/${code}/attempts`,
      payload: { student: 'Léa', results: resultsDoc([best]) },
    });
    await inject({
      method: 'POST',
      url: `/api/sessions/${code}/attempts`,
      payload: { student: 'Tom', results: resultsDoc([catalogue]) },
    });
    const board = (await inject({ url: `/api/sessions/${code}/board?lang=fr`, headers: asTeacher })).json<{
      students: { pseudonym: string; current: { phase: string } | null; latest: { mark: number } | null }[];
      decisions: { nodeId: string; total: number; choices: { choiceId: string; count: number; text: string }[] }[];
      competences: { code: string }[];
      classLevels: Record<string, { level: string }>;
    }>();
    const byName = new Map(board.students.map((s) => [s.pseudonym, s]));
    expect(byName.get('Inès')?.current?.phase).toBe('discovery');
    expect(byName.get('Léa')?.latest?.mark).toBe(gameMark(best, 'ndrc'));
    expect(byName.get('Tom')?.latest?.mark).toBe(gameMark(catalogue, 'ndrc'));
    expect(board.competences.map((c) => c.code)).toEqual(packNamed('ndrc').competences.map((c) => c.code));
    // The first dialogue node both visits went through: two students, and each choice counted once.
    const choicesOf = (id: string) =>
      (shipped(SCENARIO).paths.get(id) ?? []).filter((t): t is string => typeof t === 'string');
    const bestPath = choicesOf('best');
    const cataloguePath = choicesOf('habit-catalogue');
    const firstDialogue = shipped(SCENARIO).index.choices.get(
      bestPath.find((t) => shipped(SCENARIO).index.choices.get(t)?.stage !== 'briefing') ?? '',
    );
    const point = board.decisions.find((d) => d.nodeId === firstDialogue?.nodeId);
    expect(point?.total).toBe(2);
    const counted = new Map(point?.choices.map((c) => [c.choiceId, c.count]));
    const picks = [bestPath, cataloguePath].map((p) =>
      p.find((t) => shipped(SCENARIO).index.choices.get(t)?.nodeId === firstDialogue?.nodeId),
    );
    for (const pick of new Set(picks)) expect(counted.get(pick ?? '')).toBe(picks.filter((p) => p === pick).length);
    expect(point?.choices.every((c) => c.text.length > 0)).toBe(true);
    expect(Object.keys(board.classLevels).length).toBeGreaterThan(0);
    await server.close();
  });

  it('exports a CSV for French spreadsheets, with teacher overrides and formula-proof pseudonyms', async () => {
    const { server, code, inject } = await withSession();
    const attempt = finishedAttempt(SCENARIO, 'one-mistake-catalogue', { id: 'csv-1' });
    await inject({
      method: 'POST',
      url: `/api/sessions/${code}/attempts`,
      payload: { student: '=HYPERLINK("x")', results: resultsDoc([attempt]) },
    });
    const board = (await inject({ url: `/api/sessions/${code}/board`, headers: asTeacher })).json<{
      students: { id: string }[];
    }>();
    const studentId = board.students[0]?.id ?? '';
    const before = await inject({ url: `/api/sessions/${code}/results.csv`, headers: asTeacher });
    expect(before.headers['content-type']).toContain('text/csv');
    expect(before.body.startsWith('\uFEFF')).toBe(true);
    const [header, row] = before.body.slice(1).split('\r\n');
    const cells = header?.split(';') ?? [];
    // One mark column per referential, in the packs' order: NDRC (today's BTS) first.
    expect(cells.slice(0, 6)).toEqual(['pseudonyme', 'scénario', 'date', 'durée (min)', 'note NDRC', 'note NRC']);
    const values = row?.split(';') ?? [];
    expect(values[0]).toBe(`"'=HYPERLINK(""x"")"`);
    expect(values[4]).toBe(String(gameMark(attempt, 'ndrc')).replace('.', ','));
    expect(values[5]).toBe(String(gameMark(attempt, 'nrc')).replace('.', ','));
    expect(values[3]).toMatch(/^\d+(,\d+)?$/);

    const competence = packNamed('ndrc').competences.find((c) => c.weight > 0)?.code ?? '';
    const review = await inject({
      method: 'PUT',
      url: `/api/sessions/${code}/students/${studentId}/attempts/csv-1/review`,
      headers: asTeacher,
      payload: { comment: 'Bonne découverte; conclure plus tôt.', overrides: { [competence]: 'maitrise' } },
    });
    expect(review.statusCode, review.body).toBe(200);
    const debrief = review.json<{
      marks: { mark: number; validated: boolean; auto: Record<string, number> };
      competences: { code: string; level: string; overridden: boolean }[];
    }>();
    expect(debrief.marks.validated).toBe(true);
    expect(debrief.competences.find((c) => c.code === competence)).toMatchObject({
      level: 'maitrise',
      overridden: true,
    });
    expect(debrief.marks.mark).toBeGreaterThan(debrief.marks.auto.ndrc ?? 20);
    const after = (await inject({ url: `/api/sessions/${code}/results.csv`, headers: asTeacher })).body;
    const [h2, r2] = after.slice(1).split('\r\n');
    const col = (name: string) => (h2?.split(';') ?? []).indexOf(name);
    const v2 = r2?.match(/("([^"]|"")*"|[^;]*)(;|$)/g)?.map((c) => c.replace(/;$/, '')) ?? [];
    expect(v2[col('note validée NDRC')]).toBe(String(debrief.marks.mark).replace('.', ','));
    expect(v2[col(competence)]).toBe('Maîtrisé');
    expect(v2[col('commentaire')]).toBe('"Bonne découverte; conclure plus tôt."');
    await server.close();
  });

  it('deletes a session with all its data, on demand and when its retention period is over', async () => {
    let clock = Date.UTC(2026, 2, 9, 8, 0, 0);
    const { server, code, inject } = await withSession(
      { now: () => clock },
      { closesAt: clock + 3_600_000, retentionDays: 1 },
    );
    await inject({
      method: 'POST',
      url: `/api/sessions/${code}/attempts`,
      payload: { student: 'Léa', results: resultsDoc([finishedAttempt(SCENARIO, 'best')]) },
    });
    const other = await inject({
      method: 'POST',
      url: '/api/sessions',
      headers: asTeacher,
      payload: { title: 'Autre', scenarios: [SCENARIO], referential: 'nrc', mode: 'assisted' },
    });
    const otherCode = other.json<{ code: string }>().code;
    await inject({
      method: 'POST',
      url: `/api/sessions/${otherCode}/attempts`,
      payload: { student: 'Léa', results: resultsDoc([finishedAttempt(SCENARIO, 'best')]) },
    });

    clock += 3_600_000 + 24 * 3_600_000 + 1;
    expect(await server.classroom.store.purgeExpired(clock)).toHaveLength(1);
    expect((await inject({ url: `/api/sessions/${code}/board`, headers: asTeacher })).statusCode).toBe(404);
    const db = server.classroom.store.db;
    for (const table of ['students', 'attempts'] as const) {
      const rows = await db.selectFrom(table).select('session_id').execute();
      expect(rows.every((r) => r.session_id !== undefined)).toBe(true);
      expect(rows.length).toBe(1);
    }
    expect((await inject({ method: 'DELETE', url: `/api/sessions/${otherCode}`, headers: asTeacher })).json()).toEqual({
      deleted: true,
    });
    for (const table of ['students', 'attempts', 'class_sessions', 'progress', 'reviews'] as const)
      expect(await db.selectFrom(table).selectAll().execute()).toEqual([]);
    await server.close();
  });

  it('refuses oversized bodies and rate-limits joins', async () => {
    const now = Date.UTC(2026, 2, 9, 8, 0, 0);
    // The oversized join counts against the limit too: 4 joins a minute are the big one and three more.
    const { server, code, inject } = await withSession({ limits: { join: 4 }, now: () => now });
    const big = await inject({
      method: 'POST',
      url: `/api/sessions/${code}/students`,
      payload: { pseudonym: 'x', padding: 'y'.repeat(70_000) },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json<Failure>().error.code).toBe('NC011');
    const huge = await inject({
      method: 'POST',
      url: `/api/sessions/${code}/attempts`,
      payload: { student: 'x', results: resultsDoc([{ padding: 'y'.repeat(2_200_000) }]) },
    });
    expect(huge.statusCode).toBe(413);
    const codes: number[] = [];
    for (let i = 0; i < 4; i++)
      codes.push(
        (await inject({ method: 'POST', url: `/api/sessions/${code}/students`, payload: { pseudonym: `s${i}` } }))
          .statusCode,
      );
    expect(codes).toEqual([201, 201, 201, 429]);
    expect(
      (
        await inject({ method: 'POST', url: `/api/sessions/${code}/students`, payload: { pseudonym: 'x' } })
      ).json<Failure>().error.code,
    ).toBe('NC010');
    await server.close();
  });

  it('keeps a session shut before it opens and after it closes', async () => {
    const now = Date.UTC(2026, 2, 9, 8, 0, 0);
    const { server, inject } = await withSession({ now: () => now });
    const later = await inject({
      method: 'POST',
      url: '/api/sessions',
      headers: asTeacher,
      payload: {
        title: 'Demain',
        scenarios: [SCENARIO],
        referential: 'nrc',
        mode: 'assisted',
        opensAt: now + 86_400_000,
      },
    });
    const laterCode = later.json<{ code: string }>().code;
    const early = await inject({
      method: 'POST',
      url: `/api/sessions/${laterCode}/students`,
      payload: { pseudonym: 'tôt' },
    });
    expect(early.json<Failure>().error.code).toBe('NC003');
    const done = await inject({
      method: 'POST',
      url: '/api/sessions',
      headers: asTeacher,
      payload: {
        title: 'Hier',
        scenarios: [SCENARIO],
        referential: 'nrc',
        mode: 'assisted',
        opensAt: now - 2 * 86_400_000,
        closesAt: now - 86_400_000,
      },
    });
    const doneCode = done.json<{ code: string }>().code;
    expect(
      (
        await inject({ method: 'POST', url: `/api/sessions/${doneCode}/students`, payload: { pseudonym: 'tard' } })
      ).json<Failure>().error.code,
    ).toBe('NC004');
    expect((await inject({ url: '/api/sessions/ZZZZZZ/public' })).json<Failure>().error.code).toBe('NC002');
    await server.close();
  });

  it('creates the teacher account from a one-time setup link and signs in with HttpOnly, SameSite=Strict cookies', async () => {
    const server = await testServer(await databases.target(backend), { teacherToken: '' });
    const inject = server.app.inject.bind(server.app);
    expect((await inject({ url: '/api/teacher/status' })).json()).toEqual({ account: false, signedIn: false });
    const token = await server.auth.newSetupToken();
    const weak = await inject({ method: 'POST', url: '/api/teacher/setup', payload: { token, password: 'short' } });
    expect(weak.json<Failure>().error.code).toBe('NC001');
    const setup = await inject({
      method: 'POST',
      url: '/api/teacher/setup',
      payload: { token, password: 'correct horse battery' },
    });
    expect(setup.statusCode).toBe(200);
    const cookie = String(setup.headers['set-cookie']);
    expect(cookie).toMatch(/^negosim_teacher=[\w-]+;/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const reused = await inject({
      method: 'POST',
      url: '/api/teacher/setup',
      payload: { token, password: 'another password' },
    });
    expect(reused.json<Failure>().error.code).toBe('NC008');
    const session = cookie.split(';')[0] ?? '';
    expect((await inject({ url: '/api/sessions', headers: { cookie: session } })).statusCode).toBe(200);
    expect(
      (
        await inject({ method: 'POST', url: '/api/teacher/login', payload: { password: 'wrong password!' } })
      ).json<Failure>().error.code,
    ).toBe('NC007');
    const login = await inject({
      method: 'POST',
      url: '/api/teacher/login',
      payload: { password: 'correct horse battery' },
    });
    expect(login.statusCode).toBe(200);
    await inject({ method: 'POST', url: '/api/teacher/logout', headers: { cookie: session } });
    expect((await inject({ url: '/api/sessions', headers: { cookie: session } })).statusCode).toBe(401);
    const stored = await server.classroom.store.teacher();
    expect(stored?.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(stored?.password_hash).not.toContain('correct horse');
    await server.close();
  });
});
