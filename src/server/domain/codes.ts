/**
 * Stable codes for what the classroom server refuses. Each is documented in docs/classroom.md
 * (a test checks it); the HTTP answer carries the code and a short English message, and the
 * teacher and student pages translate the code.
 */
export const CLASSROOM_CODES = {
  NC001: 'invalid-request',
  NC002: 'unknown-session',
  NC003: 'session-not-open',
  NC004: 'session-closed',
  NC005: 'pseudonym-taken',
  NC006: 'not-authorised',
  NC007: 'bad-password',
  NC008: 'setup-link-invalid',
  NC009: 'unknown-attempt',
  NC010: 'too-many-requests',
  NC011: 'body-too-large',
  NC101: 'invalid-attempt',
  NC102: 'scenario-not-in-session',
  NC103: 'scenario-changed',
  NC104: 'log-refused',
  NC105: 'visit-unfinished',
} as const;

export type ClassroomCode = keyof typeof CLASSROOM_CODES;

export interface ApiError {
  error: { code: ClassroomCode; name: string; message: string; path?: string };
}

export function apiError(code: ClassroomCode, message: string, path?: string): ApiError {
  return { error: { code, name: CLASSROOM_CODES[code], message, ...(path ? { path } : {}) } };
}
