import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { pageLocks } from '../../src/adapters/save-locks.ts';
import {
  MIGRATED_PREFIX,
  SAVE_KEY,
  SET_ASIDE_PREFIX,
  SaveStore,
  type KeyValueStore,
  type StoreEvent,
} from '../../src/adapters/storage.ts';
import {
  emptySave,
  mergeStored,
  recordAttempt,
  withCurrent,
  withSettings,
  type Attempt,
  type Save,
} from '../../src/core/save/index.ts';

/**
 * The IndexedDB save, run on fake-indexeddb. Each test has its own database; a "tab" is a
 * store with its own picture in memory, as each browser tab has, sharing the database, the
 * lock and the broadcast channel with the other tabs.
 */
let dbCount = 0;
const clock = { now: () => 1_800_000_000_000 };
const opened: SaveStore[] = [];

function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

function attempt(id: string, over: Partial<Attempt> = {}): Attempt {
  return {
    id,
    scenarioId: 'premiere-visite-imprimante',
    contentHash: 'abcd1234',
    seed: 7,
    pack: 'nrc',
    mode: 'assisted',
    lang: 'fr',
    startedAt: 1_700_000_000_000,
    endedAt: 1_700_000_600_000,
    endingId: 'end-sale',
    marks: { nrc: 14.5, ndrc: 13 },
    log: [{ type: 'player.start' }],
    ...over,
  };
}
const inProgress = (id: string) => {
  const { endedAt: _e, endingId: _i, marks: _m, ...rest } = attempt(id);
  return rest;
};

/** One browser (one database, one lock) with as many tabs as a test opens. */
function browser(legacy: KeyValueStore | null = null, indexedDb = true) {
  const dbName = `negosim-test-${++dbCount}`;
  const locks = pageLocks();
  return {
    dbName,
    /** A tab; a `deaf` one hears nothing from the others, like a tab asleep in the background. */
    async tab({ deaf = false } = {}) {
      const store = new SaveStore({
        clock,
        legacy,
        indexedDb,
        dbName,
        locks,
        channel: deaf ? null : () => new BroadcastChannel(dbName),
      });
      opened.push(store);
      const events: StoreEvent[] = [];
      store.listen((e) => events.push(e));
      const loaded = await store.load();
      const tab = {
        store,
        loaded,
        events,
        save: loaded.save,
        update(change: (s: Save) => Save) {
          tab.save = change(tab.save);
          return store.commit(change, () => tab.save);
        },
      };
      // What the app does with the store's news (App.onStore).
      store.listen((e) => {
        if (e.type === 'remote') tab.save = mergeStored(tab.save, e.attempts, e.settings);
        if (e.type === 'saved' && e.settings) tab.save = { ...tab.save, settings: e.settings };
      });
      return tab;
    },
    async raw(store: 'attempts' | 'state' | 'setAside') {
      const db = await openDB(dbName);
      const keys = await db.getAllKeys(store);
      const values = await db.getAll(store);
      db.close();
      return new Map(keys.map((k, i) => [k, values[i] as unknown]));
    },
  };
}

/**
 * Makes object-store writes fail as a full disk does — after `room` more writes succeed — until
 * the returned function is called.
 */
function fillTheDisk(room = 0): () => void {
  const proto = IDBObjectStore.prototype;
  const put = Object.getOwnPropertyDescriptor(proto, 'put')?.value as IDBObjectStore['put'];
  let left = room;
  proto.put = function full(this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (left-- > 0) return put.apply(this, args);
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  return () => {
    proto.put = put;
  };
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
};

afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

const legacySave = (attempts: Attempt[], settings: Partial<Save['settings']> = {}) =>
  JSON.stringify({
    kind: 'negosim-save',
    saveVersion: 2,
    settings: { ...emptySave().settings, ...settings },
    attempts,
    best: {},
    current: null,
  });

describe('the localStorage save moves to IndexedDB on the first start', () => {
  it('every attempt and the settings arrive; the old text is kept aside and leaves localStorage once read back', async () => {
    const legacy = memoryStore({ [SAVE_KEY]: legacySave([attempt('a1'), attempt('a2')], { volume: 0.3 }) });
    const b = browser(legacy);
    const tab = await b.tab();
    expect(tab.loaded.problems).toEqual([]);
    expect(tab.save.attempts.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(tab.save.settings.volume).toBe(0.3);
    expect([...(await b.raw('attempts')).keys()].sort()).toEqual(['a1', 'a2']);
    expect(legacy.data.has(SAVE_KEY)).toBe(false);
    const kept = await b.raw('setAside');
    expect(kept.get(`${MIGRATED_PREFIX}${clock.now()}`)).toMatchObject({ from: 'localStorage', reason: 'migrated' });

    // The next start reads the database alone, with the same results.
    const again = await b.tab();
    expect(again.save.attempts.map((a) => a.id)).toEqual(['a1', 'a2']);
  });

  it('a localStorage save written again by an older tab merges by id, never over newer records', async () => {
    const legacy = memoryStore();
    const b = browser(legacy);
    const tab = await b.tab();
    await tab.update((s) => withSettings(recordAttempt(s, attempt('new-one')), { volume: 0.2 }));
    legacy.setItem(SAVE_KEY, legacySave([attempt('old-one')], { volume: 0.9 }));
    const next = await b.tab();
    expect(next.save.attempts.map((a) => a.id).sort()).toEqual(['new-one', 'old-one']);
    expect(next.save.settings.volume).toBe(0.2);
  });

  it('a damaged save is copied aside before anything is written, and the game starts afresh', async () => {
    const text = '{"kind":"negosim-save", oops';
    const legacy = memoryStore({ [SAVE_KEY]: text });
    const b = browser(legacy);
    const tab = await b.tab();
    expect(tab.loaded.problems).toEqual([{ kind: 'unreadable' }]);
    expect(tab.loaded.setAsideKey).toBe(`${SET_ASIDE_PREFIX}${clock.now()}`);
    expect((await b.raw('setAside')).get(tab.loaded.setAsideKey ?? '')).toMatchObject({ original: text });
    expect(tab.save).toEqual(emptySave());
  });

  it('when even the copy cannot be written, nothing is: localStorage keeps the save and the game says so', async () => {
    const text = JSON.stringify({ ...JSON.parse(legacySave([attempt('a1')])), saveVersion: 99 });
    const legacy = memoryStore({ [SAVE_KEY]: text });
    const b = browser(legacy);
    const restore = fillTheDisk();
    try {
      const tab = await b.tab();
      expect(tab.store.failing).toBe(true);
      expect(tab.loaded.problems).toEqual([{ kind: 'too-new', found: 99 }]);
      expect(tab.loaded.setAsideKey).toBeNull();
    } finally {
      restore();
    }
    expect(legacy.data.get(SAVE_KEY)).toBe(text);
    expect((await b.raw('attempts')).size).toBe(0);
    expect((await b.raw('state')).size).toBe(0);
  });

  it('without IndexedDB, the results of the old save still show, and nothing is said to be saved', async () => {
    const legacy = memoryStore({ [SAVE_KEY]: legacySave([attempt('a1')]) });
    const tab = await browser(legacy, false).tab();
    expect(tab.save.attempts.map((a) => a.id)).toEqual(['a1']);
    expect(tab.store.failing).toBe(true);
    expect(await tab.update((s) => recordAttempt(s, attempt('a2')))).toBe(false);
    expect(tab.events).toContainEqual({ type: 'failed', reason: 'unavailable' });
    expect(legacy.data.has(SAVE_KEY)).toBe(true);
  });
});

describe('two tabs never write over each other', () => {
  it('two tabs finishing visits at once keep both attempts, and each tab sees the other one', async () => {
    const b = browser();
    const [one, two] = [await b.tab(), await b.tab()];
    await Promise.all([
      one.update((s) => recordAttempt(s, attempt('one-visit'))),
      two.update((s) => recordAttempt(s, attempt('two-visit'))),
    ]);
    expect([...(await b.raw('attempts')).keys()].sort()).toEqual(['one-visit', 'two-visit']);
    await until(() => one.save.attempts.length === 2 && two.save.attempts.length === 2);
    expect((await b.tab()).save.attempts).toHaveLength(2);
  });

  it('a stale tab changing the language keeps the attempts another tab stored', async () => {
    const b = browser();
    const [fresh, stale] = [await b.tab(), await b.tab({ deaf: true })];
    await fresh.update((s) => recordAttempt(s, attempt('finished')));
    await stale.update((s) => withSettings(s, { lang: 'en' }));
    expect(stale.save.attempts).toEqual([]);
    const next = await b.tab();
    expect(next.save.attempts.map((a) => a.id)).toEqual(['finished']);
    expect(next.save.settings.lang).toBe('en');
  });

  it("two tabs changing different settings keep both changes; a tab's settings follow the other's", async () => {
    const b = browser();
    const [one, two, stale] = [await b.tab(), await b.tab(), await b.tab({ deaf: true })];
    await one.update((s) => withSettings(s, { volume: 0.2 }));
    await two.update((s) => withSettings(s, { muted: true }));
    await stale.update((s) => withSettings(s, { textSize: 'large' }));
    expect((await b.raw('state')).get('settings')).toMatchObject({ volume: 0.2, muted: true, textSize: 'large' });
    expect(stale.save.settings).toMatchObject({ volume: 0.2, muted: true, textSize: 'large' });
    await until(() => one.save.settings.muted && one.save.settings.textSize === 'large');
  });

  it("finishing a visit in one tab leaves the other tab's visit in progress stored", async () => {
    const b = browser();
    const [one, two] = [await b.tab(), await b.tab()];
    await one.update((s) => withCurrent(s, inProgress('one-visit')));
    await two.update((s) => withCurrent(s, inProgress('two-visit')));
    await one.update((s) => recordAttempt(s, attempt('one-visit')));
    expect((await b.raw('state')).get('current')).toMatchObject({ id: 'two-visit' });
    expect(one.save.current).toBeNull();
  });
});

describe('a write that fails is never reported as saved', () => {
  it('a full disk is reported at once; the attempt stays in memory and is written by the next write', async () => {
    const b = browser();
    const tab = await b.tab();
    const restore = fillTheDisk();
    let ok: boolean;
    try {
      ok = await tab.update((s) => recordAttempt(s, attempt('kept')));
    } finally {
      restore();
    }
    expect(ok).toBe(false);
    expect(tab.events.at(-1)).toEqual({ type: 'failed', reason: 'quota' });
    expect(tab.store.failing).toBe(true);
    expect(tab.store.unsavedCount(tab.save)).toBe(1);
    expect((await b.raw('attempts')).size).toBe(0);

    expect(await tab.update((s) => withSettings(s, { volume: 0.4 }))).toBe(true);
    expect(tab.store.failing).toBe(false);
    expect(tab.store.unsavedCount(tab.save)).toBe(0);
    expect(tab.events.at(-1)).toMatchObject({ type: 'saved' });
    expect([...(await b.raw('attempts')).keys()]).toEqual(['kept']);
  });

  it('an import that fills the disk half-way stores nothing and says so', async () => {
    const b = browser();
    const tab = await b.tab();
    const restore = fillTheDisk(1);
    try {
      expect(await tab.store.addAttempts([attempt('x1'), attempt('x2')], 10)).toEqual({ ok: false, reason: 'quota' });
    } finally {
      restore();
    }
    expect((await b.raw('attempts')).size).toBe(0);
  });
});

describe('imports', () => {
  it('add only new attempts, stop at the cap without removing any, and count what they left out', async () => {
    const b = browser();
    const tab = await b.tab();
    await tab.update((s) => recordAttempt(recordAttempt(s, attempt('mine-1')), attempt('mine-2')));
    const result = await tab.store.addAttempts([attempt('mine-1'), attempt('new-1'), attempt('new-2')], 3);
    expect(result).toMatchObject({ ok: true, known: 1, full: 1 });
    expect(result.ok && result.stored.map((a) => a.id)).toEqual(['new-1']);
    expect([...(await b.raw('attempts')).keys()].sort()).toEqual(['mine-1', 'mine-2', 'new-1']);
  });
});

describe('damaged records', () => {
  it('are copied aside and removed in one transaction; the good ones load', async () => {
    const b = browser();
    const tab = await b.tab();
    await tab.update((s) => recordAttempt(s, attempt('good')));
    const db = await openDB(b.dbName);
    await db.put('attempts', { id: '__proto__', scenarioId: '__proto__', marks: { nrc: 20 } }, '__proto__');
    await db.put('attempts', attempt('elsewhere'), 'not-its-id');
    await db.put('state', { lang: 'de', volume: 0.5 }, 'settings');
    db.close();

    const next = await b.tab();
    expect(next.save.attempts.map((a) => a.id)).toEqual(['good']);
    expect(next.save.settings.volume).toBe(0.5);
    expect(next.loaded.problems).toEqual([
      { kind: 'invalid-part', part: 'settings', count: 1 },
      { kind: 'invalid-part', part: 'attempts', count: 2 },
    ]);
    expect(({} as Record<string, unknown>).nrc).toBeUndefined();
    const kept = (await b.raw('setAside')).get(next.loaded.setAsideKey ?? '') as { original: { attempts: unknown[] } };
    expect(kept.original.attempts).toHaveLength(2);
    expect([...(await b.raw('attempts')).keys()]).toEqual(['good']);
  });
});
