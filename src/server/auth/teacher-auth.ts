import { randomUUID } from 'node:crypto';
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../db/store.ts';
import { hashPassword, randomSecret, sameSecret, sha256, verifyPassword } from './secrets.ts';

export const TEACHER_COOKIE = 'negosim_teacher';
/** A signed-in browser stays signed in for 12 hours: a school day, not a term. */
export const SIGN_IN_MS = 12 * 60 * 60 * 1000;

export interface TeacherAuth {
  /** True when the request carries the teacher's cookie or the API token. */
  isTeacher(request: FastifyRequest): Promise<boolean>;
  signIn(reply: FastifyReply, teacherId: string): Promise<void>;
  signOut(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  login(password: string): Promise<string | null>;
  setup(token: string, password: string): Promise<string | null>;
  /** A new one-time setup link's secret, stored as its hash (first start, or a forgotten password). */
  newSetupToken(): Promise<string>;
}

export function teacherAuth(store: Store, now: () => number, apiToken: string | undefined): TeacherAuth {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict', maxAge: SIGN_IN_MS / 1000 } as const;
  return {
    async isTeacher(request) {
      const header = request.headers.authorization;
      if (apiToken && header?.startsWith('Bearer ') && sameSecret(header.slice(7).trim(), apiToken)) return true;
      const key = request.cookies[TEACHER_COOKIE];
      return !!key && (await store.authSession(sha256(key), now())) !== undefined;
    },
    async signIn(reply, teacherId) {
      const key = randomSecret();
      await store.createAuthSession(sha256(key), teacherId, now(), now() + SIGN_IN_MS);
      void reply.setCookie(TEACHER_COOKIE, key, cookieOptions);
    },
    async signOut(request, reply) {
      const key = request.cookies[TEACHER_COOKIE];
      if (key) await store.deleteAuthSession(sha256(key));
      void reply.clearCookie(TEACHER_COOKIE, { path: '/' });
    },
    async login(password) {
      const teacher = await store.teacher();
      if (!teacher) return null;
      return (await verifyPassword(password, teacher.password_hash)) ? teacher.id : null;
    },
    async setup(token, password) {
      const hash = await hashPassword(password);
      const created = await store.createTeacherWithToken(sha256(token), {
        id: randomUUID(),
        passwordHash: hash,
        now: now(),
      });
      return created ?? (await store.resetTeacherWithToken(sha256(token), hash));
    },
    async newSetupToken() {
      const token = randomSecret();
      await store.addSetupToken(sha256(token), now());
      return token;
    },
  };
}
