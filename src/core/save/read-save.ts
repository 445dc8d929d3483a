import type { z } from 'zod';
import { migrate, type JsonObject } from '../versioning/migrations.ts';
import {
  AttemptSchema,
  emptySave,
  InProgressSchema,
  isTrusted,
  SAVE_KIND,
  SAVE_VERSION,
  SettingsSchema,
  type Attempt,
  type BestMarks,
  type Marks,
  type Save,
  type Settings,
} from './format.ts';
import { saveMigrator } from './migrations.ts';

/** What went wrong reading a save. Each is shown to the player; none stops the game. */
export type SaveProblem =
  | { kind: 'unreadable' }
  | { kind: 'too-new'; found: number }
  | { kind: 'migration-failed'; detail: string }
  | { kind: 'invalid-part'; part: 'settings' | 'current' | 'attempts'; count: number };

export interface SaveRead {
  save: Save;
  problems: SaveProblem[];
  /** True when the stored text must be kept aside before the cleaned save replaces it. */
  setAside: boolean;
}

/**
 * Reads a whole save document (the localStorage save of NegoSim before version 3, or a save
 * a student imports). Never throws and never gives up on the good parts: an unreadable or
 * future-version save yields an empty one (the adapter keeps the original aside), and a
 * damaged part — one attempt, the settings — is dropped or reset on its own while the rest
 * loads.
 */
export function readSave(raw: string | null): SaveRead {
  if (raw === null || raw.trim() === '') return { save: emptySave(), problems: [], setAside: false };
  const doc = parseSaveDocument(raw);
  if (!doc.ok) return lost(doc.problem);
  return salvage(doc.doc);
}

/** JSON text → a save-shaped document at the current version, or why not. */
export function parseSaveDocument(
  raw: string,
  kinds: readonly string[] = [SAVE_KIND],
): { ok: true; doc: JsonObject } | { ok: false; problem: Exclude<SaveProblem, { kind: 'invalid-part' }> } {
  let doc: unknown;
  try {
    doc = JSON.parse(raw);
  } catch {
    return { ok: false, problem: { kind: 'unreadable' } };
  }
  if (!isObject(doc) || typeof doc.kind !== 'string' || !kinds.includes(doc.kind))
    return { ok: false, problem: { kind: 'unreadable' } };
  const migrated = migrate(saveMigrator, doc);
  if (migrated.ok) return { ok: true, doc: migrated.doc };
  if (migrated.problem === 'too-new') return { ok: false, problem: { kind: 'too-new', found: Number(migrated.found) } };
  if (migrated.problem === 'failed')
    return { ok: false, problem: { kind: 'migration-failed', detail: migrated.detail } };
  return { ok: false, problem: { kind: 'unreadable' } };
}

function lost(problem: SaveProblem): SaveRead {
  return { save: emptySave(), problems: [problem], setAside: true };
}

function salvage(doc: JsonObject): SaveRead {
  const problems: SaveProblem[] = [];
  const settings = salvageSettings(doc.settings);
  if (settings.damaged) problems.push({ kind: 'invalid-part', part: 'settings', count: 1 });

  const { kept, dropped } = salvageList(doc.attempts, AttemptSchema);
  const attempts = uniqueById(kept);
  if (dropped > 0) problems.push({ kind: 'invalid-part', part: 'attempts', count: dropped });

  const current = parseCurrent(doc.current);
  if (current === undefined) problems.push({ kind: 'invalid-part', part: 'current', count: 1 });
  return {
    save: withBest({
      kind: SAVE_KIND,
      saveVersion: SAVE_VERSION,
      settings: settings.value,
      attempts,
      best: emptySave().best,
      current: current ?? null,
    }),
    problems,
    setAside: problems.length > 0,
  };
}

/** The visit in progress, null when there is none, undefined when it is damaged. */
export function parseCurrent(raw: unknown): Save['current'] | undefined {
  if (raw === undefined || raw === null) return null;
  const parsed = InProgressSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** Keeps every valid setting and resets only the broken ones. */
export function salvageSettings(raw: unknown): { value: Settings; damaged: boolean } {
  const whole = SettingsSchema.safeParse(raw ?? {});
  if (whole.success) return { value: whole.data, damaged: false };
  const source = isObject(raw) ? raw : {};
  const value = SettingsSchema.parse({});
  for (const key of Object.keys(SettingsSchema.shape) as (keyof Settings)[]) {
    if (!Object.hasOwn(source, key)) continue;
    const field = SettingsSchema.shape[key].safeParse(source[key]);
    if (field.success) (value as Record<string, unknown>)[key] = field.data;
  }
  return { value, damaged: true };
}

function salvageList<T>(raw: unknown, schema: z.ZodType<T>): { kept: T[]; dropped: number } {
  if (!Array.isArray(raw)) return { kept: [], dropped: raw === undefined ? 0 : 1 };
  const kept: T[] = [];
  let dropped = 0;
  for (const item of raw) {
    const parsed = schema.safeParse(item);
    if (parsed.success) kept.push(parsed.data);
    else dropped++;
  }
  return { kept, dropped };
}

/** The first attempt of each id (a save lists each once; a hand-edited one may not). */
export function uniqueById<T extends { id: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((a) => !seen.has(a.id) && (seen.add(a.id), true));
}

/** Best marks per scenario and referential, from the attempts whose marks are trusted. */
export function bestFromAttempts(attempts: readonly Attempt[]): BestMarks {
  const best = Object.create(null) as Record<string, Marks>;
  for (const a of attempts) if (isTrusted(a)) best[a.scenarioId] = higher(best[a.scenarioId], a.marks);
  return best;
}

/** Both tables of best marks together, the higher mark of each. */
export function mergeBest(a: BestMarks, b: BestMarks): BestMarks {
  const out = Object.create(null) as Record<string, Marks>;
  for (const source of [a, b]) for (const id of Object.keys(source)) out[id] = higher(out[id], source[id] ?? {});
  return out;
}

function higher(a: Marks | undefined, b: Marks): Marks {
  const out: Marks = { ...a };
  for (const pack of Object.keys(b)) {
    const mark = b[pack];
    if (typeof mark === 'number') out[pack] = Math.max(out[pack] ?? 0, mark);
  }
  return out;
}

/** The save with its best marks derived again from its attempts. */
export function withBest(save: Save): Save {
  return { ...save, best: bestFromAttempts(save.attempts) };
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
