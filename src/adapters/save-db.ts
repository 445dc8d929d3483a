import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * The save's IndexedDB database. `idb` (about 1 kB) wraps the request/event API in promises
 * that respect IndexedDB's transaction lifetime — the part hand-written wrappers get wrong
 * (a transaction that auto-commits across an `await`, an error lost between a request and its
 * transaction) — and types the stores below.
 *
 * Version 1: `attempts` holds one record per finished attempt under its id; `state` holds the
 * settings, the visit in progress and the migration note under fixed keys; `setAside` keeps,
 * untouched, anything the game could not read (and the localStorage save it migrated), under
 * keys like `negosim.save.set-aside.<time>`.
 */
export const DB_NAME = 'negosim';
export const DB_VERSION = 1;

export type StateKey = 'settings' | 'current' | 'migration';

export interface SetAsideRecord {
  /** Where it came from: the localStorage save, or a record of this database. */
  from: 'localStorage' | 'indexeddb';
  reason: string;
  at: number;
  /** The original: the stored text, or the record as it was. */
  original: unknown;
}

export interface SaveDb extends DBSchema {
  attempts: { key: string; value: unknown };
  state: { key: StateKey; value: unknown };
  setAside: { key: string; value: SetAsideRecord };
}

export interface DbEvents {
  /** Another tab opened a newer version of the database, or the browser closed it. */
  lost(): void;
}

export async function openSaveDb(name: string, events: DbEvents): Promise<IDBPDatabase<SaveDb>> {
  const db = await openDB<SaveDb>(name, DB_VERSION, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) {
        database.createObjectStore('attempts');
        database.createObjectStore('state');
        database.createObjectStore('setAside');
      }
    },
    blocking() {
      // A newer NegoSim needs the database: let it have it, and stop writing from this tab.
      db.close();
      events.lost();
    },
    terminated: () => events.lost(),
  });
  return db;
}
