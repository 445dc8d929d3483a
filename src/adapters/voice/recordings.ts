import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * Where spoken answers are kept: this browser's IndexedDB, in a database of their own
 * (`negosim-recordings`), apart from the save — so that no export, import or migration of the
 * save ever carries a student's voice, and deleting them never touches a result.
 * The audio is stored as bytes (an ArrayBuffer) with its type: every browser stores those.
 */
export const RECORDINGS_DB = 'negosim-recordings';

export interface Recording {
  /** `<attempt id>#<step>` (or `#jury-<question id>`): recording the same decision again replaces it. */
  id: string;
  attemptId: string;
  /** The step of the visit the answer was said before (its position in the visit's steps). */
  step: number;
  /** The dialogue node the client spoke at ('' for a jury's question). */
  nodeId: string;
  /** An exam rehearsal's jury question it answers (its id); absent for the dialogue's decisions. */
  question?: string;
  mime: string;
  audio: ArrayBuffer;
  durationMs: number;
  /** Clock time it was recorded. */
  recordedAt: number;
}

export interface RecordingStore {
  put(recording: Recording): Promise<void>;
  /** One visit's recordings, in the order of its steps. */
  list(attemptId: string): Promise<Recording[]>;
  /** Deletes one visit's recordings; says how many. */
  removeVisit(attemptId: string): Promise<number>;
  /** Deletes every recording; says how many. */
  clear(): Promise<number>;
  count(): Promise<number>;
}

export const recordingId = (attemptId: string, decision: number | string) => `${attemptId}#${decision}`;

interface RecordingsDb extends DBSchema {
  recordings: { key: string; value: Recording; indexes: { attempt: string } };
}

const byStep = (a: Recording, b: Recording) => a.step - b.step;

/** The IndexedDB store; opened on first use, so a game that never records never creates it. */
export function idbRecordings(name: string = RECORDINGS_DB): RecordingStore {
  let opened: Promise<IDBPDatabase<RecordingsDb>> | null = null;
  const db = () =>
    (opened ??= openDB<RecordingsDb>(name, 1, {
      upgrade(database) {
        const store = database.createObjectStore('recordings', { keyPath: 'id' });
        store.createIndex('attempt', 'attemptId');
      },
      blocking() {
        void opened?.then((d) => d.close());
        opened = null;
      },
    }).catch((error: unknown) => {
      opened = null;
      throw error;
    }));
  const removeWhere = async (attemptId: string | null) => {
    const tx = (await db()).transaction('recordings', 'readwrite');
    const keys =
      attemptId === null ? await tx.store.getAllKeys() : await tx.store.index('attempt').getAllKeys(attemptId);
    await Promise.all([...keys.map((k) => tx.store.delete(k)), tx.done]);
    return keys.length;
  };
  return {
    async put(recording) {
      await (await db()).put('recordings', recording);
    },
    async list(attemptId) {
      return (await (await db()).getAllFromIndex('recordings', 'attempt', attemptId)).sort(byStep);
    },
    removeVisit: (attemptId) => removeWhere(attemptId),
    clear: () => removeWhere(null),
    async count() {
      return (await db()).count('recordings');
    },
  };
}
