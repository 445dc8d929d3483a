import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sha256 } from '../auth/secrets.ts';
import { stateOf, type Classroom, type SessionView } from '../domain/classroom.ts';
import { receiveAttempts, receiveProgress } from '../domain/intake.ts';
import { marksOf } from '../domain/marks.ts';
import { joinSession, publicSession } from '../domain/sessions.ts';
import { JoinSchema, ProgressSchema, UploadSchema } from '../schemas.ts';
import { fail, parse, sessionOf } from './http.ts';

export interface StudentLimits {
  /** Joins per minute from one address (a whole class may share one address behind a school's router). */
  join: number;
  /** Uploads per minute per student and address. */
  upload: number;
}

/** What a join code opens: joining, uploading into that session, and reading one's own results. Nothing else. */
export function studentRoutes(app: FastifyInstance, c: Classroom, limits: StudentLimits): void {
  const perStudent = (request: FastifyRequest) => {
    const { code } = request.params as { code?: string };
    const student = (request.body as { student?: unknown } | undefined)?.student;
    return `${request.ip}|${String(code)}|${typeof student === 'string' ? student.slice(0, 40) : ''}`;
  };
  const openOrRefuse = (session: SessionView) => {
    const state = stateOf(session, c.now());
    return state === 'open' ? null : state === 'closed' ? ('NC004' as const) : ('NC003' as const);
  };

  app.get('/api/sessions/:code/public', async (request, reply) => {
    const session = await sessionOf(c, request, reply);
    return session ? publicSession(c, session) : reply;
  });

  app.post(
    '/api/sessions/:code/students',
    { config: { rateLimit: { max: limits.join, timeWindow: 60_000 } } },
    async (request, reply) => {
      const session = await sessionOf(c, request, reply);
      if (!session) return reply;
      const body = parse(reply, JoinSchema, request.body);
      if (!body.ok) return reply;
      const refused = openOrRefuse(session);
      if (refused) return fail(reply, refused, `the session is ${stateOf(session, c.now())}`);
      const joined = await joinSession(c, session, body.data.pseudonym, body.data.key);
      if (!joined.ok) return fail(reply, joined.code, 'this pseudonym is taken in this session');
      return reply.code(201).send({ student: joined.student, key: joined.key, session: publicSession(c, session) });
    },
  );

  app.post(
    '/api/sessions/:code/attempts',
    {
      bodyLimit: 2 * 1024 * 1024,
      config: { rateLimit: { max: limits.upload, timeWindow: 60_000, keyGenerator: perStudent, hook: 'preHandler' } },
    },
    async (request, reply) => {
      const session = await sessionOf(c, request, reply);
      if (!session) return reply;
      const body = parse(reply, UploadSchema, request.body);
      if (!body.ok) return reply;
      // A closed session still takes visits played before it closed (a queue that drains late).
      if (stateOf(session, c.now()) === 'not-open') return fail(reply, 'NC003', 'the session is not open yet');
      return receiveAttempts(c, session, body.data.student, body.data.results.attempts);
    },
  );

  app.post(
    '/api/sessions/:code/progress',
    {
      config: {
        rateLimit: { max: limits.upload * 4, timeWindow: 60_000, keyGenerator: perStudent, hook: 'preHandler' },
      },
    },
    async (request, reply) => {
      const session = await sessionOf(c, request, reply);
      if (!session) return reply;
      const body = parse(reply, ProgressSchema, request.body);
      if (!body.ok) return reply;
      const refused = openOrRefuse(session);
      if (refused) return fail(reply, refused, 'the session does not take progress now');
      await receiveProgress(c, session, body.data);
      return { ok: true };
    },
  );

  app.get('/api/sessions/:code/me', async (request, reply) => {
    const session = await sessionOf(c, request, reply);
    if (!session) return reply;
    const key = request.headers['x-negosim-student-key'];
    const student =
      typeof key === 'string' && key.length > 0
        ? (await c.store.studentsOf(session.id)).find((s) => s.key_hash === sha256(key))
        : undefined;
    if (!student) return fail(reply, 'NC006', 'this key opens no student of this session');
    const attempts = await c.store.attemptsOfStudent(session.id, student.id);
    return {
      pseudonym: student.pseudonym,
      attempts: attempts.map((a) => {
        const m = marksOf(a, undefined, session.referential);
        return { id: a.id, scenarioId: a.scenario_id, endedAt: a.ended_at, marks: m.auto };
      }),
    };
  });
}
