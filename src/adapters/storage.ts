import type { IDBPDatabase } from 'idb';
import {
  AttemptSchema,
  SettingsSchema,
  readRecords,
  readSave,
  writesBetween,
  type Attempt,
  type Save,
  type SaveProblem,
  type Settings,
} from '../core/save/index.ts';
import type { Clock } from './clock.ts';
import { openSaveDb, DB_NAME, type SaveDb, type SetAsideRecord } from './save-db.ts';
import { browserLocks, type LockPort } from './save-locks.ts';

/** The slice of the Web Storage API the migration reads; tests pass a Map-backed fake. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Where NegoSim kept the save before version 3 (one JSON text in localStorage). */
export const SAVE_KEY = 'negosim.save';
export const SET_ASIDE_PREFIX = 'negosim.save.set-aside.';
export const MIGRATED_PREFIX = 'negosim.save.migrated.';
const LOCK = 'negosim.save';
const CHANNEL = 'negosim.save';

export interface LoadedSave {
  save: Save;
  problems: SaveProblem[];
  /** Where a damaged original was kept, when it was. */
  setAsideKey: string | null;
}

/** Why a write did not reach the disk. */
export type WriteFailure = 'quota' | 'unavailable' | 'other';

export type StoreEvent =
  /** Every change so far is on disk; `settings` are the stored ones (other tabs' changes included). */
  | { type: 'saved'; settings: Settings }
  | { type: 'failed'; reason: WriteFailure }
  /** Another tab stored attempts or settings. */
  | { type: 'remote'; attempts: Attempt[]; settings: Settings | null };

interface ChannelMessage {
  attempts: string[];
  settings: boolean;
}

export interface SaveStoreOptions {
  clock: Clock;
  /** The localStorage save to migrate, if any. */
  legacy: KeyValueStore | null;
  /** False when the browser gives no IndexedDB (then nothing is saved, and the player is told). */
  indexedDb: boolean;
  dbName?: string;
  locks?: LockPort;
  channel?: (() => BroadcastChannel | null) | null;
  /** navigator.storage.persist, where the browser has it. */
  persist?: (() => Promise<boolean>) | null;
}

/**
 * The save in IndexedDB: one record per attempt, settings and the visit in progress as their
 * own records. Every write applies the change to the *stored* picture under a cross-tab lock
 * (Web Locks) inside one transaction, and writes only what changed — so a stale tab never
 * writes an older picture over a newer one — then tells the other tabs (BroadcastChannel).
 * A write that fails is reported at once; the attempts it held stay in memory and go with the
 * next write. The pure rules (what is valid, what a change writes) are in src/core/save.
 */
export class SaveStore {
  private db: IDBPDatabase<SaveDb> | null = null;
  private readonly stored = new Set<string>();
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private lastFailure: WriteFailure | null = null;
  private settingsUnsaved = false;
  private listeners: ((e: StoreEvent) => void)[] = [];
  private channel: BroadcastChannel | null = null;
  private readonly locks: LockPort;

  constructor(private readonly options: SaveStoreOptions) {
    this.locks = options.locks ?? browserLocks();
  }

  /** True when the last write did not reach the disk (private mode, full quota, no IndexedDB). */
  get failing(): boolean {
    return this.lastFailure !== null;
  }

  /** Whether the browser gave this tab a database at all. */
  get available(): boolean {
    return this.db !== null;
  }

  /** Attempts this picture holds that are not on disk (a write failed, or there is no database). */
  unsavedCount(save: Save): number {
    return save.attempts.filter((a) => !this.stored.has(a.id)).length;
  }

  listen(listener: (e: StoreEvent) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /**
   * Opens the database, migrates a localStorage save into it (kept until the records are read
   * back), sets damaged records aside, and reads the save. Never throws: without a database the
   * game runs on what localStorage still holds, and says that nothing will be saved.
   */
  async load(): Promise<LoadedSave> {
    const problems: SaveProblem[] = [];
    let setAsideKey: string | null = null;
    try {
      if (this.options.indexedDb) {
        this.db = await openSaveDb(this.options.dbName ?? DB_NAME, { lost: () => (this.db = null) });
      }
    } catch {
      this.db = null;
    }
    const legacyText = this.readLegacy();
    if (!this.db) {
      const read = readSave(legacyText);
      this.lastFailure = 'unavailable';
      return { save: read.save, problems: read.problems, setAsideKey: null };
    }
    try {
      await this.locks.run(LOCK, async () => {
        if (legacyText !== null) {
          const migrated = await this.migrate(legacyText);
          problems.push(...migrated.problems);
          setAsideKey = migrated.setAsideKey;
        }
      });
      const read = await this.readAll();
      problems.push(...read.problems);
      if (read.setAsideKey) setAsideKey ??= read.setAsideKey;
      this.channel = this.options.channel === undefined ? openChannel() : (this.options.channel?.() ?? null);
      this.channel?.addEventListener('message', (e) => void this.onRemote(e.data as ChannelMessage));
      return { save: read.save, problems, setAsideKey };
    } catch {
      // The database opened but cannot be read or written (quota, a browser bug): play on what
      // localStorage still holds (the migration keeps it until it is confirmed).
      this.db = null;
      this.lastFailure = 'unavailable';
      const read = readSave(legacyText);
      return { save: read.save, problems: [...problems, ...read.problems], setAsideKey };
    }
  }

  /**
   * Stores a change. `change` is applied to the stored settings and visit in progress (another
   * tab may have changed them) and to `memory()`'s attempts; only what differs is written.
   * Resolves true once it is on disk, false when it is not (and the listeners were told).
   */
  commit(change: (save: Save) => Save, memory: () => Save): Promise<boolean> {
    return this.enqueue(async () => {
      const db = this.db;
      if (!db) throw new StoreError('unavailable');
      return this.locks.run(LOCK, async () => {
        const tx = db.transaction(['attempts', 'state'], 'readwrite');
        const state = tx.objectStore('state');
        const own = memory();
        const { writes, settings, base } = await transact(tx, async (track) => {
          const [settingsRaw, currentRaw] = await Promise.all([state.get('settings'), state.get('current')]);
          const base = readRecords({ settings: settingsRaw, current: currentRaw, attempts: [] }).save;
          const before: Save = { ...own, settings: base.settings, current: base.current };
          const writes = writesBetween(before, change(before), this.stored);
          // A settings change an earlier write failed to store goes with this one: memory has the player's choice.
          const settings = this.settingsUnsaved ? own.settings : writes.settings;
          for (const a of writes.attempts) track(tx.objectStore('attempts').put(a, a.id));
          if (settings) track(state.put(settings, 'settings'));
          if (writes.current === null) track(state.delete('current'));
          else if (writes.current) track(state.put(writes.current, 'current'));
          return { writes, settings, base };
        });
        for (const a of writes.attempts) this.stored.add(a.id);
        this.settingsUnsaved = false;
        if (writes.attempts.length || settings)
          this.channel?.postMessage({ attempts: writes.attempts.map((a) => a.id), settings: settings !== undefined });
        return settings ?? base.settings;
      });
    }).then(
      (settings) => {
        this.lastFailure = null;
        // Only once nothing else waits: an earlier picture must not undo a later change in memory.
        if (this.pending === 0) this.emit({ type: 'saved', settings });
        return true;
      },
      (error: unknown) => {
        // The attempts stay unstored and are written by the next write; the settings too.
        this.settingsUnsaved = true;
        this.fail(error);
        return false;
      },
    );
  }

  /**
   * Adds imported attempts: those not stored yet, while the save holds fewer than `cap`. One
   * transaction: either all of `stored` is on disk, or nothing is (`ok: false`).
   */
  addAttempts(
    attempts: readonly Attempt[],
    cap: number,
  ): Promise<{ ok: true; stored: Attempt[]; known: number; full: number } | { ok: false; reason: WriteFailure }> {
    return this.enqueue(async () => {
      const db = this.db;
      if (!db) throw new StoreError('unavailable');
      return this.locks.run(LOCK, async () => {
        const tx = db.transaction('attempts', 'readwrite');
        const store = tx.objectStore('attempts');
        const stored: Attempt[] = [];
        let known = 0;
        let full = 0;
        await transact(tx, async (track) => {
          let count = await store.count();
          for (const a of attempts) {
            if ((await store.getKey(a.id)) !== undefined) known++;
            else if (count >= cap) full++;
            else {
              track(store.put(a, a.id));
              stored.push(a);
              count++;
            }
          }
        });
        for (const a of stored) this.stored.add(a.id);
        if (stored.length) this.channel?.postMessage({ attempts: stored.map((a) => a.id), settings: false });
        return { ok: true as const, stored, known, full };
      });
    }).catch((error: unknown) => {
      // The import says so itself; the player's own results are not at stake, so no alert.
      return { ok: false as const, reason: failureOf(error) };
    });
  }

  /** Asks the browser not to evict the save under storage pressure (once it holds results). */
  async requestPersistence(): Promise<boolean> {
    try {
      return (await this.options.persist?.()) ?? false;
    } catch {
      return false;
    }
  }

  close(): void {
    this.channel?.close();
    this.channel = null;
    this.db?.close();
    this.db = null;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    this.pending++;
    const run = this.queue.then(task);
    this.queue = run.then(
      () => this.pending--,
      () => this.pending--,
    );
    return run;
  }

  private fail(error: unknown): WriteFailure {
    const reason = failureOf(error);
    this.lastFailure = reason;
    this.emit({ type: 'failed', reason });
    return reason;
  }

  private emit(event: StoreEvent): void {
    for (const l of this.listeners) l(event);
  }

  private readLegacy(): string | null {
    try {
      return this.options.legacy?.getItem(SAVE_KEY) ?? null;
    } catch {
      return null; // storage disabled by the browser
    }
  }

  /**
   * Moves the localStorage save into the database: its attempts join the stored ones by id,
   * its settings and visit in progress fill in only what the database does not have yet, and
   * its text is kept in `setAside` in the same transaction. The localStorage copy is removed
   * only once every attempt reads back from the database.
   */
  private async migrate(text: string): Promise<{ problems: SaveProblem[]; setAsideKey: string | null }> {
    const db = this.db as IDBPDatabase<SaveDb>;
    const read = readSave(text);
    const now = this.options.clock.now();
    const setAsideKey = read.setAside ? `${SET_ASIDE_PREFIX}${now}` : null;
    const tx = db.transaction(['attempts', 'state', 'setAside'], 'readwrite');
    await transact(tx, async (track) => {
      // The original first, in the same transaction as the rest: if it cannot be kept, nothing is written.
      const original: SetAsideRecord = {
        from: 'localStorage',
        reason: read.setAside ? (read.problems[0]?.kind ?? 'damaged') : 'migrated',
        at: now,
        original: text,
      };
      track(tx.objectStore('setAside').put(original, setAsideKey ?? `${MIGRATED_PREFIX}${now}`));
      for (const a of read.save.attempts) {
        if ((await tx.objectStore('attempts').getKey(a.id)) === undefined)
          track(tx.objectStore('attempts').put(a, a.id));
      }
      const state = tx.objectStore('state');
      if ((await state.getKey('settings')) === undefined) track(state.put(read.save.settings, 'settings'));
      if (read.save.current && (await state.getKey('current')) === undefined)
        track(state.put(read.save.current, 'current'));
      track(state.put({ from: 'localStorage', at: now, attempts: read.save.attempts.length }, 'migration'));
    });

    const check = db.transaction('attempts', 'readonly').objectStore('attempts');
    const found = await Promise.all(read.save.attempts.map((a) => check.getKey(a.id)));
    if (found.every((k) => k !== undefined)) {
      try {
        this.options.legacy?.removeItem(SAVE_KEY);
      } catch {
        // Still there: the next start merges it again, by id, and changes nothing.
      }
    }
    return { problems: read.problems, setAsideKey };
  }

  /** Reads every record; damaged ones are copied to `setAside` and removed in one transaction. */
  private async readAll(): Promise<LoadedSave> {
    const db = this.db as IDBPDatabase<SaveDb>;
    const tx = db.transaction(['attempts', 'state'], 'readonly');
    const attempts: { key: unknown; value: unknown }[] = [];
    for (let cursor = await tx.objectStore('attempts').openCursor(); cursor; cursor = await cursor.continue())
      attempts.push({ key: cursor.key, value: cursor.value });
    const settings = await tx.objectStore('state').get('settings');
    const current = await tx.objectStore('state').get('current');
    await tx.done;
    const read = readRecords({ settings, current, attempts });
    for (const a of read.save.attempts) this.stored.add(a.id);
    const { damaged } = read;
    if (!damaged.settings && !damaged.current && damaged.attemptKeys.length === 0)
      return { save: read.save, problems: read.problems, setAsideKey: null };

    const now = this.options.clock.now();
    const key = `${SET_ASIDE_PREFIX}${now}`;
    await this.locks.run(LOCK, async () => {
      const fix = db.transaction(['attempts', 'state', 'setAside'], 'readwrite');
      const original: Record<string, unknown> = {};
      if (damaged.settings) original.settings = settings;
      if (damaged.current) original.current = current;
      if (damaged.attemptKeys.length)
        original.attempts = attempts.filter((a) => damaged.attemptKeys.includes(a.key)).map((a) => a.value);
      await transact(fix, async (track) => {
        // The copy first, in the same transaction as the removals: all of it happens, or none.
        track(fix.objectStore('setAside').put({ from: 'indexeddb', reason: 'invalid-part', at: now, original }, key));
        // The good settings of a damaged record are kept; a damaged visit in progress is dropped.
        if (damaged.settings) track(fix.objectStore('state').put(read.save.settings, 'settings'));
        if (damaged.current) track(fix.objectStore('state').delete('current'));
        for (const k of damaged.attemptKeys) if (isKey(k)) track(fix.objectStore('attempts').delete(k as string));
        return Promise.resolve();
      });
    });
    return { save: read.save, problems: read.problems, setAsideKey: key };
  }

  /** Another tab stored attempts or settings: read just those, and tell the app. */
  private async onRemote(message: ChannelMessage): Promise<void> {
    const db = this.db;
    if (!db || !message || !Array.isArray(message.attempts)) return;
    try {
      const tx = db.transaction(['attempts', 'state'], 'readonly');
      const values = await Promise.all(
        message.attempts.filter((id) => typeof id === 'string').map((id) => tx.objectStore('attempts').get(id)),
      );
      const settingsRaw = message.settings ? await tx.objectStore('state').get('settings') : undefined;
      await tx.done;
      const attempts = values.flatMap((v) => {
        const parsed = AttemptSchema.safeParse(v);
        return parsed.success ? [parsed.data] : [];
      });
      for (const a of attempts) this.stored.add(a.id);
      // While this tab still has writes waiting, their 'saved' brings the stored settings instead.
      const settings = message.settings && this.pending === 0 ? SettingsSchema.safeParse(settingsRaw) : null;
      this.emit({ type: 'remote', attempts, settings: settings?.success ? settings.data : null });
    } catch {
      // The next start reads everything anyway.
    }
  }
}

/**
 * Runs the requests of one read-write transaction and waits until it is committed. If anything
 * fails — a request, or code between them — the transaction is aborted, so nothing of it is
 * written, and the first error is thrown. Every request is watched from the start: none can
 * fail unobserved.
 */
async function transact<T>(
  tx: { done: Promise<void>; abort(): void },
  body: (track: (request: Promise<unknown>) => void) => Promise<T>,
): Promise<T> {
  const pending: Promise<unknown>[] = [];
  const track = (request: Promise<unknown>) => {
    request.catch(() => undefined);
    pending.push(request);
  };
  track(tx.done);
  try {
    const result = await body(track);
    await Promise.all(pending);
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
    throw error;
  }
}

class StoreError extends Error {
  constructor(readonly reason: WriteFailure) {
    super(reason);
  }
}

function failureOf(error: unknown): WriteFailure {
  if (error instanceof StoreError) return error.reason;
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError') return 'quota';
  if (name === 'InvalidStateError' || name === 'UnknownError') return 'unavailable';
  return 'other';
}

function isKey(k: unknown): boolean {
  return typeof k === 'string' || typeof k === 'number';
}

function openChannel(): BroadcastChannel | null {
  try {
    return typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
  } catch {
    return null;
  }
}

/** localStorage when the browser allows it, else null (only read, to migrate an older save). */
export function browserStore(): KeyValueStore | null {
  try {
    const s = globalThis.localStorage;
    return s ?? null;
  } catch {
    return null;
  }
}

/** The save store of this browser: IndexedDB, Web Locks, BroadcastChannel, persistent storage. */
export function browserSaveStore(clock: Clock): SaveStore {
  return new SaveStore({
    clock,
    legacy: browserStore(),
    indexedDb: typeof indexedDB !== 'undefined',
    persist: navigator.storage?.persist ? () => navigator.storage.persist() : null,
  });
}
