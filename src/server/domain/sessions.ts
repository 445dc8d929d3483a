import { randomUUID } from 'node:crypto';
import type { ClassSessionRow } from '../db/store.ts';
import { joinCode, randomSecret, sha256 } from '../auth/secrets.ts';
import { DEFAULT_RETENTION_DAYS, RETENTION_UNIT_MS, type CreateSession } from '../schemas.ts';
import { parseJson, stateOf, type Classroom, type SessionView } from './classroom.ts';
import { packById } from './replay.ts';

export function sessionView(row: ClassSessionRow): SessionView {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    scenarios: parseJson<string[]>(row.scenarios, []),
    referential: row.referential,
    mode: row.mode === 'exam' ? 'exam' : 'assisted',
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    retentionDays: row.retention_days,
    prepSeconds: row.prep_seconds ?? null,
    simSeconds: row.sim_seconds ?? null,
    createdAt: row.created_at,
    deleteAfter: row.delete_after,
  };
}

export type CreateOutcome = { ok: true; session: SessionView } | { ok: false; path: string; message: string };

/** Creates a class session with a fresh join code (drawn again on the rare collision). */
export async function createSession(c: Classroom, input: CreateSession): Promise<CreateOutcome> {
  if (!packById(input.referential))
    return { ok: false, path: '/referential', message: `unknown referential "${input.referential}"` };
  const unknown = input.scenarios.find((id) => !c.library.get(id));
  if (unknown !== undefined) return { ok: false, path: '/scenarios', message: `unknown scenario "${unknown}"` };
  const now = c.now();
  const retentionDays = input.retentionDays ?? DEFAULT_RETENTION_DAYS;
  const base = input.closesAt ?? now;
  for (let tries = 0; tries < 20; tries++) {
    const row: ClassSessionRow = {
      id: randomUUID(),
      code: joinCode(),
      title: input.title,
      scenarios: JSON.stringify([...new Set(input.scenarios)]),
      referential: input.referential,
      mode: input.mode,
      opens_at: input.opensAt ?? null,
      closes_at: input.closesAt ?? null,
      retention_days: retentionDays,
      prep_seconds: input.prepSeconds ?? null,
      sim_seconds: input.simSeconds ?? null,
      created_at: now,
      delete_after: base + retentionDays * RETENTION_UNIT_MS,
    };
    if (await c.store.createSession(row)) return { ok: true, session: sessionView(row) };
  }
  throw new Error('no free join code after 20 draws');
}

export async function findSession(c: Classroom, code: string): Promise<SessionView | undefined> {
  const row = await c.store.sessionByCode(code);
  return row ? sessionView(row) : undefined;
}

/** What a student's game needs to know about the class it joins (nothing about other students). */
export function publicSession(c: Classroom, session: SessionView) {
  return {
    code: session.code,
    title: session.title,
    scenarios: session.scenarios,
    referential: session.referential,
    mode: session.mode,
    prepSeconds: session.prepSeconds,
    simSeconds: session.simSeconds,
    opensAt: session.opensAt,
    closesAt: session.closesAt,
    state: stateOf(session, c.now()),
  };
}

export type JoinOutcome =
  { ok: true; student: { id: string; pseudonym: string }; key: string } | { ok: false; code: 'NC005' };

/**
 * A student joins with a pseudonym. The answer carries a key the browser keeps: with it the same
 * browser can come back under that pseudonym and read its own results; without it, a pseudonym
 * already in use (by a student or a script's upload) is refused so nobody reads someone else's marks.
 */
export async function joinSession(
  c: Classroom,
  session: SessionView,
  pseudonym: string,
  key: string | undefined,
): Promise<JoinOutcome> {
  const fresh = randomSecret();
  const { row, created } = await c.store.addStudent({
    id: randomUUID(),
    session_id: session.id,
    pseudonym,
    key_hash: sha256(fresh),
    created_at: c.now(),
  });
  if (created) {
    await c.bus.publish(session.id);
    return { ok: true, student: { id: row.id, pseudonym: row.pseudonym }, key: fresh };
  }
  if (key && row.key_hash === sha256(key)) return { ok: true, student: { id: row.id, pseudonym }, key };
  if (row.key_hash === null) {
    // Known only from a script's uploads: the first browser to join takes it.
    await c.store.setStudentKey(row.id, sha256(fresh));
    return { ok: true, student: { id: row.id, pseudonym }, key: fresh };
  }
  return { ok: false, code: 'NC005' };
}

/** Deletes a session and all its data (students, attempts, progress, reviews). */
export async function deleteSession(c: Classroom, session: SessionView): Promise<void> {
  await c.store.deleteSession(session.id);
  await c.bus.publish(session.id);
}
