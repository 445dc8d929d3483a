import { randomUUID } from 'node:crypto';
import { AttemptSchema, type Attempt } from '../../core/save/index.ts';
import type { ClassroomCode } from './codes.ts';
import type { Classroom, SessionView } from './classroom.ts';
import { replayFinishedVisit } from './replay.ts';

export interface UploadAnswer {
  /** Every attempt now stored, including those that were already there (resending is harmless). */
  accepted: string[];
  /** Of the accepted, those that were already stored before this request. */
  duplicates: string[];
  rejected: { id: string; code: ClassroomCode; detail?: string }[];
}

/** A student known by pseudonym (created on first upload, e.g. from a script). */
async function studentId(c: Classroom, session: SessionView, pseudonym: string): Promise<string> {
  const { row, created } = await c.store.addStudent({
    id: randomUUID(),
    session_id: session.id,
    pseudonym,
    key_hash: null,
    created_at: c.now(),
  });
  if (created) await c.bus.publish(session.id);
  return row.id;
}

type Checked = { ok: true; attempt: Attempt } | { ok: false; id: string; code: ClassroomCode; detail?: string };

function idOf(raw: unknown): string {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id.slice(0, 80) : '';
}

/**
 * Receives a negosim-results document's attempts. Each is checked alone (one bad attempt never
 * rejects the others), replayed with the core, and stored with the server's own marks: whatever
 * `marks` the browser sent is kept in the uploaded document but never read.
 */
export async function receiveAttempts(
  c: Classroom,
  session: SessionView,
  pseudonym: string,
  rawAttempts: unknown[],
): Promise<UploadAnswer> {
  const answer: UploadAnswer = { accepted: [], duplicates: [], rejected: [] };
  let student: string | null = null;
  let stored = 0;
  for (const raw of rawAttempts) {
    const checked = check(c, session, raw);
    if (!checked.ok) {
      answer.rejected.push({
        id: checked.id,
        code: checked.code,
        ...(checked.detail ? { detail: checked.detail } : {}),
      });
      continue;
    }
    const a = checked.attempt;
    const entry = c.library.get(a.scenarioId);
    if (!entry) continue; // checked above
    const replay = replayFinishedVisit(entry.index, a.seed, a.log);
    if (!replay.ok) {
      answer.rejected.push(
        replay.reason === 'log-refused'
          ? { id: a.id, code: 'NC104', detail: `event ${replay.step}: ${replay.detail}` }
          : { id: a.id, code: 'NC105' },
      );
      continue;
    }
    student ??= await studentId(c, session, pseudonym);
    const inserted = await c.store.insertAttempt({
      session_id: session.id,
      id: a.id,
      student_id: student,
      scenario_id: a.scenarioId,
      content_hash: a.contentHash,
      seed: a.seed,
      mode: a.mode,
      lang: a.lang,
      started_at: a.startedAt,
      ended_at: a.endedAt,
      ending_id: replay.endingId,
      document: JSON.stringify(a),
      evaluations: JSON.stringify(replay.evaluations),
      decisions: JSON.stringify(replay.decisions),
      received_at: c.now(),
    });
    answer.accepted.push(a.id);
    if (inserted) stored++;
    else answer.duplicates.push(a.id);
  }
  if (stored > 0) await c.bus.publish(session.id);
  return answer;
}

function check(c: Classroom, session: SessionView, raw: unknown): Checked {
  const parsed = AttemptSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, id: idOf(raw), code: 'NC101', detail: issue ? `/${issue.path.join('/')}` : '' };
  }
  const a = parsed.data;
  if (!session.scenarios.includes(a.scenarioId)) return { ok: false, id: a.id, code: 'NC102' };
  const entry = c.library.get(a.scenarioId);
  if (!entry) return { ok: false, id: a.id, code: 'NC102' };
  if (entry.hash !== a.contentHash) return { ok: false, id: a.id, code: 'NC103' };
  return { ok: true, attempt: a };
}

/** A visit under way says which phase it is at: the board shows it live. */
export async function receiveProgress(
  c: Classroom,
  session: SessionView,
  progress: { student: string; attemptId: string; scenarioId: string; phase: string },
): Promise<void> {
  const student = await studentId(c, session, progress.student);
  await c.store.saveProgress({
    session_id: session.id,
    student_id: student,
    attempt_id: progress.attemptId,
    scenario_id: progress.scenarioId,
    phase: progress.phase,
    updated_at: c.now(),
  });
  await c.bus.publish(session.id);
}
