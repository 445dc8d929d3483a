import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import staticFiles from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { teacherAuth, type TeacherAuth } from './auth/teacher-auth.ts';
import { openDatabase, type DatabaseKind } from './db/database.ts';
import { Store } from './db/store.ts';
import { apiError } from './domain/codes.ts';
import type { Classroom } from './domain/classroom.ts';
import { loadScenarioLibrary } from './domain/scenario-library.ts';
import { localBus, postgresBus } from './live/live-bus.ts';
import { studentRoutes } from './routes/student-routes.ts';
import { teacherRoutes } from './routes/teacher-routes.ts';

export interface ServerOptions {
  /** `postgres://…` for PostgreSQL; otherwise the SQLite file. */
  database: { url: string } | { file: string };
  scenariosDir: string;
  /** The built game (dist/); the API works without it. */
  siteDir?: string;
  teacherToken?: string;
  joinBase?: () => string[];
  now?: () => number;
  limits?: Partial<{ join: number; upload: number; login: number }>;
  log?: (message: string) => void;
  /** How often expired sessions are deleted (ms). */
  purgeEveryMs?: number;
}

export interface ClassroomServer {
  app: FastifyInstance;
  classroom: Classroom;
  auth: TeacherAuth;
  databaseKind: DatabaseKind;
  close(): Promise<void>;
}

/** Requests larger than this are refused before they are read (uploads have their own, larger limit). */
export const BODY_LIMIT = 64 * 1024;

export async function buildServer(options: ServerOptions): Promise<ClassroomServer> {
  const log = options.log ?? (() => undefined);
  const now = options.now ?? (() => Date.now());
  const opened = await openDatabase(options.database, { log });
  const store = new Store(opened.db);
  const bus = opened.kind === 'postgres' && opened.url ? await postgresBus(opened.db, opened.url, log) : localBus();
  const classroom: Classroom = { store, library: loadScenarioLibrary(options.scenariosDir, log), bus, now };
  const auth = teacherAuth(store, now, options.teacherToken || undefined);

  const app = Fastify({ bodyLimit: BODY_LIMIT, trustProxy: false, logger: false });
  // JSON only: a cross-site form cannot post text/plain into the API.
  app.removeContentTypeParser('text/plain');
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      ...apiError('NC010', `too many requests; try again in ${Math.ceil(context.ttl / 1000)} s`),
    }),
  });
  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, _request, reply) => {
    if (error.statusCode === 429) return reply.code(429).send(apiError('NC010', 'too many requests'));
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return reply.code(413).send(apiError('NC011', 'request body too large'));
    if (error.statusCode && error.statusCode < 500)
      return reply.code(error.statusCode).send(apiError('NC001', error.message));
    log(`internal error: ${error.message}`);
    return reply.code(500).send({ error: { code: 'internal', name: 'internal', message: 'internal error' } });
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    // Nothing from another origin, ever; the pages never embed each other.
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    if (!reply.getHeader('content-security-policy'))
      reply.header(
        'content-security-policy',
        "default-src 'self'; img-src 'self' data: blob:; media-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; worker-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
      );
    return payload;
  });

  const limits = { join: 120, upload: 120, login: 10, ...options.limits };
  teacherRoutes(app, classroom, { auth, joinBase: options.joinBase ?? (() => []), limits });
  studentRoutes(app, classroom, limits);
  app.get('/api/health', () => ({ ok: true, database: opened.kind }));
  app.all('/api/*', (_request, reply) => reply.code(404).send(apiError('NC001', 'no such API route')));

  if (options.siteDir && existsSync(join(options.siteDir, 'index.html')))
    await app.register(staticFiles, { root: options.siteDir, index: 'index.html', cacheControl: false });

  const purge = async () => {
    try {
      for (const id of await store.purgeExpired(now())) {
        log(`retention: session ${id} deleted with its data`);
        await bus.publish(id);
      }
    } catch (error) {
      log(`retention: purge failed (${error instanceof Error ? error.message : String(error)})`);
    }
  };
  await purge();
  const timer = setInterval(() => void purge(), options.purgeEveryMs ?? 60 * 60 * 1000);
  timer.unref();

  return {
    app,
    classroom,
    auth,
    databaseKind: opened.kind,
    async close() {
      clearInterval(timer);
      await app.close();
      await bus.close();
      await opened.db.destroy();
    },
  };
}
