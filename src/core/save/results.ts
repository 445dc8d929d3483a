import { migrate, type JsonObject } from '../versioning/migrations.ts';
import {
  AttemptSchema,
  MAX_ATTEMPTS,
  SAVE_VERSION,
  type Attempt,
  type InProgress,
  type Save,
  type Settings,
} from './format.ts';
import { saveMigrator } from './migrations.ts';
import { bestFromAttempts, mergeBest } from './read-save.ts';

/** Updates of the save, as pure functions: the view calls them, the adapter stores the result. */

export function withSettings(save: Save, patch: Partial<Settings>): Save {
  return { ...save, settings: { ...save.settings, ...patch } };
}

export function withCurrent(save: Save, current: InProgress | null): Save {
  return { ...save, current };
}

/** The record of a finished visit: the visit as played, when and how it ended, its mark under each pack. */
export function finishedAttempt(
  record: InProgress,
  end: { endedAt: number; endingId: string; marks: Record<string, number> },
): Attempt {
  return { ...record, endedAt: end.endedAt, endingId: end.endingId, marks: end.marks };
}

/** Files a finished visit: it joins the results, raises the best marks, and is no longer in progress. */
export function recordAttempt(save: Save, attempt: Attempt): Save {
  const attempts = [...save.attempts.filter((a) => a.id !== attempt.id), attempt].slice(-MAX_ATTEMPTS);
  const current = save.current?.id === attempt.id ? null : save.current;
  return { ...save, attempts, best: mergeBest(save.best, bestFromAttempts([attempt])), current };
}

export const RESULTS_KIND = 'negosim-results' as const;

export interface ResultsExport {
  kind: typeof RESULTS_KIND;
  saveVersion: typeof SAVE_VERSION;
  exportedAt: number;
  attempts: Attempt[];
  best: Save['best'];
}

/** Every result as one JSON document a student can keep or hand to a teacher. */
export function exportResults(save: Save, exportedAt: number): ResultsExport {
  return { kind: RESULTS_KIND, saveVersion: SAVE_VERSION, exportedAt, attempts: save.attempts, best: save.best };
}

export type ImportOutcome =
  | { ok: true; save: Save; added: number; skipped: number }
  | { ok: false; problem: 'unreadable' | 'too-new' | 'not-results' };

/**
 * Adds the attempts of an exported file (or a whole save) to this save. Attempts already here
 * (same id) are kept as they are; invalid ones are skipped and counted, never fatal.
 */
export function importResults(save: Save, text: string): ImportOutcome {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return { ok: false, problem: 'unreadable' };
  const kind = (doc as JsonObject).kind;
  if (kind !== RESULTS_KIND && kind !== 'negosim-save') return { ok: false, problem: 'not-results' };
  const migrated = migrate(saveMigrator, doc as JsonObject);
  if (!migrated.ok) return { ok: false, problem: migrated.problem === 'too-new' ? 'too-new' : 'unreadable' };
  const incoming = Array.isArray(migrated.doc.attempts) ? migrated.doc.attempts : [];
  const known = new Set(save.attempts.map((a) => a.id));
  const added: Attempt[] = [];
  let skipped = 0;
  for (const raw of incoming) {
    const parsed = AttemptSchema.safeParse(raw);
    if (!parsed.success || known.has(parsed.data.id)) {
      skipped++;
      continue;
    }
    known.add(parsed.data.id);
    added.push(parsed.data);
  }
  const attempts = [...save.attempts, ...added].sort((a, b) => a.startedAt - b.startedAt).slice(-MAX_ATTEMPTS);
  return {
    ok: true,
    save: { ...save, attempts, best: mergeBest(save.best, bestFromAttempts(added)) },
    added: added.length,
    skipped,
  };
}

/**
 * A short, stable fingerprint of a scenario's text (FNV-1a, 32 bits): enough to notice that the
 * scenario an attempt was played on has changed since, not a security measure.
 */
export function contentHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
