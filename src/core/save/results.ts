import { SCORING_MODEL_VERSION } from '../scoring/scoring-model.ts';
import type { JsonObject } from '../versioning/migrations.ts';
import {
  AttemptSchema,
  SAVE_KIND,
  SAVE_VERSION,
  type Attempt,
  type InProgress,
  type Save,
  type Settings,
} from './format.ts';
import { mergeBest, bestFromAttempts, parseSaveDocument } from './read-save.ts';

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
  return { ...record, endedAt: end.endedAt, endingId: end.endingId, marks: end.marks, scoring: SCORING_MODEL_VERSION };
}

/**
 * Files a finished visit: it joins the results, raises the best marks, and is no longer in
 * progress. Nothing is ever pushed out to make room: a student's own attempts are all kept.
 */
export function recordAttempt(save: Save, attempt: Attempt): Save {
  const attempts = [...save.attempts.filter((a) => a.id !== attempt.id), attempt];
  const current = save.current?.id === attempt.id ? null : save.current;
  return { ...save, attempts, best: mergeBest(save.best, bestFromAttempts([attempt])), current };
}

export const RESULTS_KIND = 'negosim-results' as const;

export interface ResultsExport {
  kind: typeof RESULTS_KIND;
  saveVersion: typeof SAVE_VERSION;
  exportedAt: number;
  attempts: Attempt[];
}

/** Every result as one JSON document a student can keep or hand to a teacher. */
export function exportResults(save: Save, exportedAt: number): ResultsExport {
  return { kind: RESULTS_KIND, saveVersion: SAVE_VERSION, exportedAt, attempts: save.attempts };
}

/** A results file bigger than this is refused unread (about 2,000 long visits). */
export const MAX_IMPORT_CHARS = 64 * 1024 * 1024;

export type ImportRead =
  | { ok: true; attempts: Attempt[]; invalid: number; repeated: number }
  | { ok: false; problem: 'unreadable' | 'too-new' | 'not-results' | 'too-large' };

/**
 * Reads an exported file (or a whole save): the attempts it holds, each checked on its own —
 * `invalid` counts the entries that are not attempts, `repeated` the ones listed twice. What the
 * file says about its marks is not trusted: planImport has the core replay each attempt.
 */
export function readResultsFile(text: string): ImportRead {
  if (text.length > MAX_IMPORT_CHARS) return { ok: false, problem: 'too-large' };
  const doc = parseSaveDocument(text, [RESULTS_KIND, SAVE_KIND]);
  if (!doc.ok) {
    if (doc.problem.kind === 'too-new') return { ok: false, problem: 'too-new' };
    return { ok: false, problem: looksLikeOtherJson(text) ? 'not-results' : 'unreadable' };
  }
  const incoming = Array.isArray(doc.doc.attempts) ? (doc.doc.attempts as unknown[]) : [];
  const seen = new Set<string>();
  const attempts: Attempt[] = [];
  let invalid = 0;
  let repeated = 0;
  for (const raw of incoming) {
    const parsed = AttemptSchema.safeParse(raw);
    if (!parsed.success) invalid++;
    else if (seen.has(parsed.data.id)) repeated++;
    else {
      seen.add(parsed.data.id);
      attempts.push(parsed.data);
    }
  }
  return { ok: true, attempts, invalid, repeated };
}

function looksLikeOtherJson(text: string): boolean {
  try {
    const doc = JSON.parse(text) as unknown;
    const kind = doc && typeof doc === 'object' && !Array.isArray(doc) ? (doc as JsonObject).kind : undefined;
    return kind !== SAVE_KIND && kind !== RESULTS_KIND;
  } catch {
    return false;
  }
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
