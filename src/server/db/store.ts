import type { Kysely, Selectable } from 'kysely';
import type {
  AttemptsTable,
  ClassSessionsTable,
  Database,
  ProgressTable,
  ReviewsTable,
  StudentsTable,
} from './schema.ts';

export type ClassSessionRow = Selectable<ClassSessionsTable>;
export type StudentRow = Selectable<StudentsTable>;
export type AttemptRow = Selectable<AttemptsTable>;
export type AttemptSummary = Omit<AttemptRow, 'document'>;
export type ProgressRow = Selectable<ProgressTable>;
export type ReviewRow = Selectable<ReviewsTable>;

/**
 * Every query the server makes, through Kysely's builder only (parameterised, the same text on
 * SQLite and PostgreSQL). Nothing here decides; the routes and the domain do.
 */
export class Store {
  constructor(readonly db: Kysely<Database>) {}

  // ── The teacher account ──────────────────────────────────────────────────────────────

  async teacher() {
    return this.db.selectFrom('teachers').selectAll().orderBy('created_at').limit(1).executeTakeFirst();
  }

  async addSetupToken(tokenHash: string, now: number): Promise<void> {
    await this.db.insertInto('setup_tokens').values({ token_hash: tokenHash, created_at: now }).execute();
  }

  /**
   * Uses a one-time setup link: creates the teacher account if there is none yet, and forgets
   * every setup link. Returns the teacher's id, or null when the link is unknown or an account exists.
   */
  async createTeacherWithToken(tokenHash: string, teacher: { id: string; passwordHash: string; now: number }) {
    return this.db.transaction().execute(async (trx) => {
      const token = await trx
        .selectFrom('setup_tokens')
        .select('token_hash')
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      if (!token) return null;
      const existing = await trx.selectFrom('teachers').select('id').executeTakeFirst();
      if (existing) return null;
      await trx
        .insertInto('teachers')
        .values({ id: teacher.id, password_hash: teacher.passwordHash, created_at: teacher.now })
        .execute();
      await trx.deleteFrom('setup_tokens').execute();
      return teacher.id;
    });
  }

  /** A new password from a new setup link (`negosim serve --new-setup-link`): the old sign-ins end. */
  async resetTeacherWithToken(tokenHash: string, passwordHash: string): Promise<string | null> {
    return this.db.transaction().execute(async (trx) => {
      const token = await trx
        .selectFrom('setup_tokens')
        .select('token_hash')
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      const existing = await trx.selectFrom('teachers').select('id').executeTakeFirst();
      if (!token || !existing) return null;
      await trx.updateTable('teachers').set({ password_hash: passwordHash }).where('id', '=', existing.id).execute();
      await trx.deleteFrom('auth_sessions').execute();
      await trx.deleteFrom('setup_tokens').execute();
      return existing.id;
    });
  }

  async createAuthSession(keyHash: string, teacherId: string, now: number, expiresAt: number): Promise<void> {
    await this.db
      .insertInto('auth_sessions')
      .values({ key_hash: keyHash, teacher_id: teacherId, created_at: now, expires_at: expiresAt })
      .execute();
  }

  async authSession(keyHash: string, now: number): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('auth_sessions')
      .select('teacher_id')
      .where('key_hash', '=', keyHash)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return row?.teacher_id;
  }

  async deleteAuthSession(keyHash: string): Promise<void> {
    await this.db.deleteFrom('auth_sessions').where('key_hash', '=', keyHash).execute();
  }

  // ── Class sessions ───────────────────────────────────────────────────────────────────

  /** False when the join code is taken (the caller draws another). */
  async createSession(row: ClassSessionRow): Promise<boolean> {
    const result = await this.db
      .insertInto('class_sessions')
      .values(row)
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async sessionByCode(code: string) {
    return this.db.selectFrom('class_sessions').selectAll().where('code', '=', code).executeTakeFirst();
  }

  async listSessions() {
    return this.db.selectFrom('class_sessions').selectAll().orderBy('created_at', 'desc').execute();
  }

  /** Deletes a session and everything in it, in one transaction. */
  async deleteSession(id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const table of ['reviews', 'progress', 'attempts', 'students'] as const)
        await trx.deleteFrom(table).where('session_id', '=', id).execute();
      await trx.deleteFrom('class_sessions').where('id', '=', id).execute();
    });
  }

  /** Retention: deletes every session past its date, with its data; also expired sign-ins. */
  async purgeExpired(now: number): Promise<string[]> {
    const expired = await this.db.selectFrom('class_sessions').select('id').where('delete_after', '<=', now).execute();
    for (const { id } of expired) await this.deleteSession(id);
    await this.db.deleteFrom('auth_sessions').where('expires_at', '<=', now).execute();
    return expired.map((e) => e.id);
  }

  // ── Students ─────────────────────────────────────────────────────────────────────────

  async student(sessionId: string, pseudonym: string) {
    return this.db
      .selectFrom('students')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('pseudonym', '=', pseudonym)
      .executeTakeFirst();
  }

  /** Adds a student unless the pseudonym is taken in this session; returns the row that holds it. */
  async addStudent(row: StudentRow): Promise<{ row: StudentRow; created: boolean }> {
    const result = await this.db
      .insertInto('students')
      .values(row)
      .onConflict((oc) => oc.columns(['session_id', 'pseudonym']).doNothing())
      .executeTakeFirst();
    const created = Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    const stored = await this.student(row.session_id, row.pseudonym);
    if (!stored) throw new Error('student row vanished');
    return { row: stored, created };
  }

  async setStudentKey(id: string, keyHash: string): Promise<void> {
    await this.db.updateTable('students').set({ key_hash: keyHash }).where('id', '=', id).execute();
  }

  async studentsOf(sessionId: string) {
    return this.db
      .selectFrom('students')
      .selectAll()
      .where('session_id', '=', sessionId)
      .orderBy('created_at')
      .execute();
  }

  // ── Attempts ─────────────────────────────────────────────────────────────────────────

  /**
   * Idempotent by (session, student, attempt id): true only the first time an attempt is stored.
   * The student is part of the key because the game's attempt ids are only unique per browser.
   */
  async insertAttempt(row: AttemptRow): Promise<boolean> {
    const result = await this.db
      .insertInto('attempts')
      .values(row)
      .onConflict((oc) => oc.columns(['session_id', 'student_id', 'id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  /** Every attempt of a session, with its uploaded document (the JSON export needs it). */
  async attemptsOf(sessionId: string) {
    return this.db
      .selectFrom('attempts')
      .selectAll()
      .where('session_id', '=', sessionId)
      .orderBy('ended_at')
      .orderBy('id')
      .execute();
  }

  /**
   * The same without the uploaded documents (event logs): what the board and the CSV read. A
   * class's logs weigh megabytes; the board is fetched after every move.
   */
  async attemptSummariesOf(sessionId: string): Promise<AttemptSummary[]> {
    return this.db
      .selectFrom('attempts')
      .select([
        'session_id',
        'id',
        'student_id',
        'scenario_id',
        'content_hash',
        'seed',
        'mode',
        'lang',
        'started_at',
        'ended_at',
        'ending_id',
        'evaluations',
        'decisions',
        'received_at',
      ])
      .where('session_id', '=', sessionId)
      .orderBy('ended_at')
      .orderBy('id')
      .execute();
  }

  async attemptsOfStudent(sessionId: string, studentId: string) {
    return this.db
      .selectFrom('attempts')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('student_id', '=', studentId)
      .orderBy('ended_at')
      .execute();
  }

  async attempt(sessionId: string, studentId: string, id: string) {
    return this.db
      .selectFrom('attempts')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('student_id', '=', studentId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async countAttempts(sessionId: string): Promise<number> {
    const row = await this.db
      .selectFrom('attempts')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  // ── Progress (visits under way) ──────────────────────────────────────────────────────

  async saveProgress(row: ProgressRow): Promise<void> {
    await this.db
      .insertInto('progress')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['session_id', 'student_id']).doUpdateSet({
          attempt_id: row.attempt_id,
          scenario_id: row.scenario_id,
          phase: row.phase,
          updated_at: row.updated_at,
        }),
      )
      .execute();
  }

  async progressOf(sessionId: string) {
    return this.db.selectFrom('progress').selectAll().where('session_id', '=', sessionId).execute();
  }

  // ── Teacher reviews ──────────────────────────────────────────────────────────────────

  async saveReview(row: ReviewRow): Promise<void> {
    await this.db
      .insertInto('reviews')
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(['session_id', 'student_id', 'attempt_id'])
          .doUpdateSet({ comment: row.comment, overrides: row.overrides, updated_at: row.updated_at }),
      )
      .execute();
  }

  async reviewsOf(sessionId: string) {
    return this.db.selectFrom('reviews').selectAll().where('session_id', '=', sessionId).execute();
  }

  async review(sessionId: string, studentId: string, attemptId: string) {
    return this.db
      .selectFrom('reviews')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('student_id', '=', studentId)
      .where('attempt_id', '=', attemptId)
      .executeTakeFirst();
  }
}
