import type { z } from 'zod';
import { migrate, type JsonObject } from '../versioning/migrations.ts';
import {
  AttemptSchema,
  BestMarksSchema,
  emptySave,
  InProgressSchema,
  SAVE_KIND,
  SAVE_VERSION,
  SettingsSchema,
  type Attempt,
  type Save,
  type Settings,
} from './format.ts';
import { saveMigrator } from './migrations.ts';

/** What went wrong reading a save. Each is shown to the player; none stops the game. */
export type SaveProblem =
  | { kind: 'unreadable' }
  | { kind: 'too-new'; found: number }
  | { kind: 'migration-failed'; detail: string }
  | { kind: 'invalid-part'; part: 'settings' | 'best' | 'current' | 'attempts'; count: number };

export interface SaveRead {
  save: Save;
  problems: SaveProblem[];
  /** True when the stored text must be kept aside before the cleaned save replaces it. */
  setAside: boolean;
}

/**
 * Reads a stored save. Never throws and never gives up on the good parts: an unreadable or
 * future-version save yields an empty one (the adapter keeps the original aside), and a
 * damaged part — one attempt, the settings — is dropped or reset on its own while the rest
 * loads.
 */
export function readSave(raw: string | null): SaveRead {
  if (raw === null || raw.trim() === '') return { save: emptySave(), problems: [], setAside: false };
  let doc: unknown;
  try {
    doc = JSON.parse(raw);
  } catch {
    return lost({ kind: 'unreadable' });
  }
  if (!isObject(doc) || doc.kind !== SAVE_KIND) return lost({ kind: 'unreadable' });
  const migrated = migrate(saveMigrator, doc);
  if (!migrated.ok) {
    if (migrated.problem === 'too-new') return lost({ kind: 'too-new', found: Number(migrated.found) });
    if (migrated.problem === 'failed') return lost({ kind: 'migration-failed', detail: migrated.detail });
    return lost({ kind: 'unreadable' });
  }
  return salvage(migrated.doc);
}

function lost(problem: SaveProblem): SaveRead {
  return { save: emptySave(), problems: [problem], setAside: true };
}

function salvage(doc: JsonObject): SaveRead {
  const problems: SaveProblem[] = [];
  const settings = salvageSettings(doc.settings);
  if (settings.damaged) problems.push({ kind: 'invalid-part', part: 'settings', count: 1 });

  const { kept: attempts, dropped } = salvageList(doc.attempts, AttemptSchema);
  if (dropped > 0) problems.push({ kind: 'invalid-part', part: 'attempts', count: dropped });

  const bestParsed = BestMarksSchema.safeParse(doc.best ?? {});
  if (!bestParsed.success) problems.push({ kind: 'invalid-part', part: 'best', count: 1 });
  // Best marks can always be rebuilt from the attempts; the stored ones may hold older, pruned attempts.
  const best = mergeBest(bestParsed.success ? bestParsed.data : {}, bestFromAttempts(attempts));

  let current = null;
  if (doc.current !== undefined && doc.current !== null) {
    const parsed = InProgressSchema.safeParse(doc.current);
    if (parsed.success) current = parsed.data;
    else problems.push({ kind: 'invalid-part', part: 'current', count: 1 });
  }
  return {
    save: { kind: SAVE_KIND, saveVersion: SAVE_VERSION, settings: settings.value, attempts, best, current },
    problems,
    setAside: problems.length > 0,
  };
}

/** Keeps every valid setting and resets only the broken ones. */
function salvageSettings(raw: unknown): { value: Settings; damaged: boolean } {
  const whole = SettingsSchema.safeParse(raw ?? {});
  if (whole.success) return { value: whole.data, damaged: false };
  const source = isObject(raw) ? raw : {};
  const value = SettingsSchema.parse({});
  for (const key of Object.keys(SettingsSchema.shape) as (keyof Settings)[]) {
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

export function bestFromAttempts(attempts: readonly Attempt[]): Save['best'] {
  const best: Save['best'] = {};
  for (const a of attempts) {
    const entry = (best[a.scenarioId] ??= {});
    for (const [pack, mark] of Object.entries(a.marks)) {
      entry[pack] = Math.max(entry[pack] ?? 0, mark);
    }
  }
  return best;
}

export function mergeBest(a: Save['best'], b: Save['best']): Save['best'] {
  const out: Save['best'] = {};
  for (const source of [a, b]) {
    for (const [id, marks] of Object.entries(source)) {
      const entry = (out[id] ??= {});
      for (const [pack, mark] of Object.entries(marks)) entry[pack] = Math.max(entry[pack] ?? 0, mark);
    }
  }
  return out;
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
