import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pickText } from '../../core/scenario/text.ts';
import type { TeacherAuth } from '../auth/teacher-auth.ts';
import type { Classroom } from '../domain/classroom.ts';
import { attemptDebrief } from '../domain/debrief.ts';
import { boardOf } from '../domain/board.ts';
import { resultsCsv, resultsJson } from '../domain/exports.ts';
import { referentialPacks } from '../domain/replay.ts';
import { createSession, deleteSession, sessionView } from '../domain/sessions.ts';
import { serverT } from '../i18n.ts';
import { CreateSessionSchema, LoginSchema, ReviewSchema, SetupSchema } from '../schemas.ts';
import { fail, langOf, parse, sessionOf } from './http.ts';

export interface TeacherRouteOptions {
  auth: TeacherAuth;
  /** Addresses students can open (the LAN address when the server listens beyond loopback). */
  joinBase(): string[];
  limits: { login: number };
}

/** Everything behind the teacher's sign-in: sessions, the board, debriefs, reviews and exports. */
export function teacherRoutes(app: FastifyInstance, c: Classroom, options: TeacherRouteOptions): void {
  const { auth } = options;
  const guard = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!(await auth.isTeacher(request))) return fail(reply, 'NC006', 'teacher sign-in or token required');
  };
  const strict = { config: { rateLimit: { max: options.limits.login, timeWindow: 60_000 } } };

  app.get('/api/teacher/status', async (request) => ({
    account: (await c.store.teacher()) !== undefined,
    signedIn: await auth.isTeacher(request),
  }));

  app.post('/api/teacher/setup', strict, async (request, reply) => {
    const body = parse(reply, SetupSchema, request.body);
    if (!body.ok) return reply;
    const teacherId = await auth.setup(body.data.token, body.data.password);
    if (!teacherId) return fail(reply, 'NC008', 'this setup link is unknown or already used');
    await auth.signIn(reply, teacherId);
    return { ok: true };
  });

  app.post('/api/teacher/login', strict, async (request, reply) => {
    const body = parse(reply, LoginSchema, request.body);
    if (!body.ok) return reply;
    const teacherId = await auth.login(body.data.password);
    if (!teacherId) return fail(reply, 'NC007', 'wrong password');
    await auth.signIn(reply, teacherId);
    return { ok: true };
  });

  app.post('/api/teacher/logout', async (request, reply) => {
    await auth.signOut(request, reply);
    return { ok: true };
  });

  void app.register((scope, _options, done) => {
    scope.addHook('preHandler', guard);

    scope.get('/api/catalog', (request) => {
      const lang = langOf(request);
      return {
        scenarios: c.library.list().map((s) => ({ id: s.id, title: pickText(s.scenario.meta.title, lang) })),
        referentials: referentialPacks().map((p) => ({ id: p.id, title: pickText(p.title, lang) })),
        joinBase: options.joinBase(),
      };
    });

    scope.post('/api/sessions', async (request, reply) => {
      const body = parse(reply, CreateSessionSchema, request.body);
      if (!body.ok) return reply;
      const created = await createSession(c, body.data);
      if (!created.ok) return fail(reply, 'NC001', created.message, created.path);
      return reply.code(201).send({ id: created.session.id, code: created.session.code });
    });

    scope.get('/api/sessions', async () => ({ sessions: (await c.store.listSessions()).map(sessionView) }));

    scope.get('/api/sessions/:code', async (request, reply) => {
      const session = await sessionOf(c, request, reply);
      return session ? { session, joinBase: options.joinBase() } : reply;
    });

    scope.delete('/api/sessions/:code', async (request, reply) => {
      const session = await sessionOf(c, request, reply);
      if (!session) return reply;
      await deleteSession(c, session);
      return { deleted: true };
    });

    scope.get('/api/sessions/:code/board', async (request, reply) => {
      const session = await sessionOf(c, request, reply);
      return session ? boardOf(c, session, langOf(request)) : reply;
    });

    scope.get('/api/sessions/:code/events', async (request, reply) => {
      const session = await sessionOf(c, request, reply);
      if (!session) return reply;
      streamChanges(c, session.id, request, reply);
    });

    scope.get('/api/sessions/:code/students/:student/attempts/:attempt', async (request, reply) => {
      const session = await sessionOf(c, request, reply);
      if (!session) return reply;
      const { student, attempt } = request.params as { student: string; attempt: string };
      const row = await c.store.attempt(session.id, student, attempt);
      if (!row) return fail(reply, 'NC009', 'no such attempt in this session');
      const who = (await c.store.studentsOf(session.id)).find((s) => s.id === student);
      return attemptDebrief(c, session, row, who?.pseudonym ?? '', langOf(request));
    });

    scope.put('/api/sessions/:code/students/:student/attempts/:attempt/review', async (request, reply) => {
      const session = await sessionOf(c, request, reply);
      if (!session) return reply;
      const body = parse(reply, ReviewSchema, request.body);
      if (!body.ok) return reply;
      const { student, attempt } = request.params as { student: string; attempt: string };
      const row = await c.store.attempt(session.id, student, attempt);
      if (!row) return fail(reply, 'NC009', 'no such attempt in this session');
      const overrides = Object.fromEntries(Object.entries(body.data.overrides).filter(([, level]) => level !== null));
      await c.store.saveReview({
        session_id: session.id,
        student_id: student,
        attempt_id: attempt,
        comment: body.data.comment,
        overrides: JSON.stringify(overrides),
        updated_at: c.now(),
      });
      await c.bus.publish(session.id);
      const who = (await c.store.studentsOf(session.id)).find((s) => s.id === student);
      return attemptDebrief(c, session, row, who?.pseudonym ?? '', langOf(request));
    });

    scope.get('/api/sessions/:code/results.csv', async (request, reply) => {
      const session = await sessionOf(c, request, reply);
      if (!session) return reply;
      const lang = langOf(request);
      const csv = await resultsCsv(c, session, serverT(lang), lang);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="negosim-${session.code}.csv"`)
        .send(csv);
    });

    scope.get('/api/sessions/:code/results.json', async (request, reply) => {
      const session = await sessionOf(c, request, reply);
      if (!session) return reply;
      return reply
        .header('content-disposition', `attachment; filename="negosim-${session.code}.json"`)
        .send(await resultsJson(c, session));
    });
    done();
  });
}

/**
 * Server-sent events: one `change` event each time something in the session changes (on this
 * instance or, with PostgreSQL, any other). The board then fetches itself again. A comment line
 * every 15 s keeps proxies from closing a quiet stream.
 */
function streamChanges(c: Classroom, sessionId: string, request: FastifyRequest, reply: FastifyReply): void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 1000\n\nevent: ready\ndata: {}\n\n');
  const unsubscribe = c.bus.subscribe(sessionId, () => res.write(`event: change\ndata: {"at":${c.now()}}\n\n`));
  const beat = setInterval(() => res.write(': still here\n\n'), 15_000);
  beat.unref();
  request.raw.on('close', () => {
    clearInterval(beat);
    unsubscribe();
  });
}
