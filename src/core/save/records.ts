import {
  AttemptSchema,
  SAVE_KIND,
  SAVE_VERSION,
  emptySave,
  type Attempt,
  type InProgress,
  type Save,
  type Settings,
} from './format.ts';
import { parseCurrent, salvageSettings, withBest, type SaveProblem } from './read-save.ts';

/**
 * The save as separate records (the browser adapter keeps each in IndexedDB): the settings,
 * the visit in progress, and one record per attempt, under its id. Separate records are what
 * lets two tabs add attempts at once without either writing over the other.
 */
export interface SaveRecords {
  settings: unknown;
  current: unknown;
  attempts: readonly { key: unknown; value: unknown }[];
}

export interface RecordsRead {
  save: Save;
  problems: SaveProblem[];
  /** Damaged records, to set aside (copied, then removed) before anything else is written. */
  damaged: { settings: boolean; current: boolean; attemptKeys: unknown[] };
}

/** Reads the records; a damaged one is reported and left out, the others load. Never throws. */
export function readRecords(records: SaveRecords): RecordsRead {
  const problems: SaveProblem[] = [];
  const settings = records.settings === undefined ? salvageSettings({}) : salvageSettings(records.settings);
  if (settings.damaged) problems.push({ kind: 'invalid-part', part: 'settings', count: 1 });
  const current = parseCurrent(records.current);
  if (current === undefined) problems.push({ kind: 'invalid-part', part: 'current', count: 1 });
  const attempts: Attempt[] = [];
  const attemptKeys: unknown[] = [];
  for (const { key, value } of records.attempts) {
    const parsed = AttemptSchema.safeParse(value);
    // A record must sit under its own id: anything else was not written by this game.
    if (parsed.success && parsed.data.id === key) attempts.push(parsed.data);
    else attemptKeys.push(key);
  }
  if (attemptKeys.length > 0) problems.push({ kind: 'invalid-part', part: 'attempts', count: attemptKeys.length });
  attempts.sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1));
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
    damaged: { settings: settings.damaged, current: current === undefined, attemptKeys },
  };
}

/** What a change of the save writes: only the parts that differ, never a whole picture. */
export interface SaveWrites {
  settings?: Settings;
  /** null: remove the visit in progress; absent: leave it as stored. */
  current?: InProgress | null;
  attempts: Attempt[];
}

/**
 * The records a change writes. `before` is the stored picture the change was applied to;
 * attempts are written when the stored ones do not have them yet (`stored`), so an attempt a
 * failed write left in memory is written again by the next one. Nothing is ever removed: an
 * attempt missing from `after` is only missing from a stale picture.
 */
export function writesBetween(before: Save, after: Save, stored: ReadonlySet<string>): SaveWrites {
  const writes: SaveWrites = { attempts: after.attempts.filter((a) => !stored.has(a.id)) };
  if (!sameSettings(before.settings, after.settings)) writes.settings = after.settings;
  let current = after.current;
  // A finished attempt is no longer in progress, even when an earlier write failed to say so.
  if (current && writes.attempts.some((a) => a.id === current?.id)) current = null;
  if (current !== before.current) writes.current = current;
  return writes;
}

export function sameSettings(a: Settings, b: Settings): boolean {
  return (Object.keys(a) as (keyof Settings)[]).every((k) => a[k] === b[k]);
}

/**
 * This tab's picture after another tab stored attempts or settings: the union of attempts by
 * id (nothing here is dropped), the stored settings when given, and this tab's own visit in
 * progress, which only this tab plays.
 */
export function mergeStored(memory: Save, attempts: readonly Attempt[], settings: Settings | null): Save {
  const have = new Set(memory.attempts.map((a) => a.id));
  const added = attempts.filter((a) => !have.has(a.id) && (have.add(a.id), true));
  const merged = added.length
    ? [...memory.attempts, ...added].sort((a, b) => a.startedAt - b.startedAt)
    : memory.attempts;
  return withBest({ ...memory, attempts: merged, settings: settings ?? memory.settings });
}
