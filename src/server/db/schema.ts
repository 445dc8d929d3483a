/**
 * The tables, as Kysely sees them. Both databases store the same columns: times are
 * milliseconds since the epoch (BIGINT), structured data is JSON text, ids are text. So the
 * same queries run on SQLite and PostgreSQL.
 */
export interface ServerSettingsTable {
  key: string;
  value: string;
}

export interface TeachersTable {
  id: string;
  password_hash: string;
  created_at: number;
}

/** One-time links that create the teacher account (only the hash is kept). */
export interface SetupTokensTable {
  token_hash: string;
  created_at: number;
}

/** A teacher's signed-in browser: the cookie holds a random key, the table its SHA-256. */
export interface AuthSessionsTable {
  key_hash: string;
  teacher_id: string;
  created_at: number;
  expires_at: number;
}

export interface ClassSessionsTable {
  id: string;
  code: string;
  title: string;
  /** JSON array of scenario ids. */
  scenarios: string;
  referential: string;
  mode: string;
  opens_at: number | null;
  closes_at: number | null;
  retention_days: number;
  created_at: number;
  /** The exam rehearsal's preparation and simulation, in seconds (migration 002); null: 40 and 20 minutes. */
  prep_seconds: number | null;
  sim_seconds: number | null;
  /** When the session and everything in it is deleted, automatically. */
  delete_after: number;
}

export interface StudentsTable {
  id: string;
  session_id: string;
  pseudonym: string;
  /** SHA-256 of the key the student's browser keeps to read its own results; null for script uploads. */
  key_hash: string | null;
  created_at: number;
}

export interface AttemptsTable {
  session_id: string;
  id: string;
  student_id: string;
  scenario_id: string;
  content_hash: string;
  seed: number;
  mode: string;
  lang: string;
  started_at: number;
  ended_at: number;
  ending_id: string;
  /** The attempt as uploaded (a negosim-results attempt, log included), JSON. */
  document: string;
  /** The server's own evaluation under every pack (StoredEvaluation by pack id), JSON. */
  evaluations: string;
  /** The decisions of the replay (node, choice), JSON: the board's per-choice counts. */
  decisions: string;
  received_at: number;
}

export interface ProgressTable {
  session_id: string;
  student_id: string;
  attempt_id: string;
  scenario_id: string;
  phase: string;
  updated_at: number;
}

export interface ReviewsTable {
  session_id: string;
  student_id: string;
  attempt_id: string;
  comment: string;
  /** JSON object: competence code → level id. */
  overrides: string;
  updated_at: number;
}

export interface Database {
  server_settings: ServerSettingsTable;
  teachers: TeachersTable;
  setup_tokens: SetupTokensTable;
  auth_sessions: AuthSessionsTable;
  class_sessions: ClassSessionsTable;
  students: StudentsTable;
  attempts: AttemptsTable;
  progress: ProgressTable;
  reviews: ReviewsTable;
}
