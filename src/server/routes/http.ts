import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { apiError, type ClassroomCode } from '../domain/codes.ts';
import { CodeSchema, LangSchema } from '../schemas.ts';
import type { Classroom, SessionView } from '../domain/classroom.ts';
import { findSession } from '../domain/sessions.ts';

const STATUS: Partial<Record<ClassroomCode, number>> = {
  NC001: 400,
  NC002: 404,
  NC003: 403,
  NC004: 403,
  NC005: 409,
  NC006: 401,
  NC007: 401,
  NC008: 403,
  NC009: 404,
  NC010: 429,
  NC011: 413,
};

export function fail(reply: FastifyReply, code: ClassroomCode, message: string, path?: string) {
  return reply.code(STATUS[code] ?? 400).send(apiError(code, message, path));
}

/** Validates a body (or query) with a Zod schema; on failure answers NC001 with the first issue's JSON path. */
export function parse<S extends z.ZodType>(
  reply: FastifyReply,
  schema: S,
  value: unknown,
): { ok: true; data: z.infer<S> } | { ok: false } {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  void fail(reply, 'NC001', issue?.message ?? 'invalid request', issue ? `/${issue.path.join('/')}` : '');
  return { ok: false };
}

export function langOf(request: FastifyRequest): 'fr' | 'en' {
  return LangSchema.parse((request.query as { lang?: unknown } | undefined)?.lang);
}

/** The session named by the `:code` of the URL, or a 404 already sent. */
export async function sessionOf(
  c: Classroom,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<SessionView | null> {
  const code = CodeSchema.safeParse((request.params as { code?: unknown }).code);
  const session = code.success ? await findSession(c, code.data) : undefined;
  if (!session) {
    void fail(reply, 'NC002', 'no session has this code');
    return null;
  }
  return session;
}
