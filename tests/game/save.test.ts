import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chainProblems, migrate, untestedMigrations } from '../../src/core/versioning/migrations.ts';
import {
  contentHash,
  emptySave,
  exportResults,
  importResults,
  readSave,
  recordAttempt,
  saveMigrator,
  withSettings,
  type Attempt,
} from '../../src/core/save/index.ts';
import { SAVE_KEY, SET_ASIDE_PREFIX, SaveStore, type KeyValueStore } from '../../src/adapters/storage.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'migrations', 'save');
const testedFrom = readdirSync(fixtures).map(Number).filter(Number.isInteger);

function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}
const clock = { now: () => 1_800_000_000_000 };

function attempt(over: Partial<Attempt> = {}): Attempt {
  return {
    id: 'a1',
    scenarioId: 'premiere-visite-imprimante',
    contentHash: 'abcd1234',
    seed: 7,
    pack: 'nrc',
    mode: 'assisted',
    lang: 'fr',
    startedAt: 1,
    endedAt: 2,
    endingId: 'end-sale',
    marks: { nrc: 14.5, ndrc: 13 },
    log: [{ type: 'player.start' }],
    ...over,
  };
}

describe('save migrations', () => {
  it('the chain reaches the current version and every migration has its fixture', () => {
    expect(chainProblems(saveMigrator)).toEqual([]);
    expect(untestedMigrations(saveMigrator, testedFrom)).toEqual([]);
  });
  for (const from of testedFrom) {
    it(`a version ${from} save migrates to the expected document`, () => {
      const before = JSON.parse(readFileSync(join(fixtures, String(from), 'before.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      const after = JSON.parse(readFileSync(join(fixtures, String(from), 'after.json'), 'utf8')) as unknown;
      const result = migrate(saveMigrator, before);
      expect(result.ok && result.doc).toEqual(after);
    });
  }
  it('an old save keeps its best mark, now under the NRC referential, and its settings', () => {
    const raw = readFileSync(join(fixtures, '1', 'before.json'), 'utf8');
    const { save, problems } = readSave(raw);
    expect(problems).toEqual([]);
    expect(save.best['premiere-visite-imprimante']).toEqual({ nrc: 13.5 });
    expect(save.settings.volume).toBe(0.5);
    expect(save.attempts).toHaveLength(1);
  });
});

describe('a damaged save never blocks the game', () => {
  it('text that is not JSON is set aside under another key and the game starts fresh', () => {
    const store = memoryStore({ [SAVE_KEY]: '{"kind":"negosim-save", oops' });
    const loaded = new SaveStore(store, clock).load();
    expect(loaded.problems).toEqual([{ kind: 'unreadable' }]);
    expect(loaded.setAsideKey).toBe(`${SET_ASIDE_PREFIX}${clock.now()}`);
    expect(store.data.get(loaded.setAsideKey ?? '')).toBe('{"kind":"negosim-save", oops');
    expect(JSON.parse(store.data.get(SAVE_KEY) ?? '{}')).toEqual(emptySave());
  });

  it('a save from a newer NegoSim is kept aside, not guessed at', () => {
    const raw = JSON.stringify({ ...emptySave(), saveVersion: 99 });
    const read = readSave(raw);
    expect(read.problems).toEqual([{ kind: 'too-new', found: 99 }]);
    expect(read.setAside).toBe(true);
  });

  it('one broken attempt is dropped while the other results and the settings load', () => {
    const good = attempt();
    const raw = JSON.stringify({
      ...emptySave(),
      settings: { ...emptySave().settings, volume: 0.2 },
      attempts: [good, { id: 'x', log: 'nope' }],
    });
    const read = readSave(raw);
    expect(read.save.attempts).toEqual([good]);
    expect(read.save.settings.volume).toBe(0.2);
    expect(read.problems).toEqual([{ kind: 'invalid-part', part: 'attempts', count: 1 }]);
  });

  it('a broken setting is reset alone; the valid ones are kept', () => {
    const raw = JSON.stringify({ ...emptySave(), settings: { lang: 'en', volume: 'loud', muted: true } });
    const { save, problems } = readSave(raw);
    expect(save.settings).toMatchObject({ lang: 'en', volume: 0.7, muted: true });
    expect(problems).toEqual([{ kind: 'invalid-part', part: 'settings', count: 1 }]);
  });

  it('a first visit (no save yet) is not a problem', () => {
    expect(new SaveStore(memoryStore(), clock).load()).toMatchObject({ problems: [], setAsideKey: null });
  });

  it('a browser that refuses storage still lets the game run', () => {
    const throwing: KeyValueStore = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => undefined,
    };
    const store = new SaveStore(throwing, clock);
    expect(store.load().save).toEqual(emptySave());
    expect(store.write(emptySave())).toBe(false);
    expect(store.failing).toBe(true);
  });
});

describe('results', () => {
  it('a finished visit raises the best mark per referential and is no longer in progress', () => {
    let save = emptySave();
    save = { ...save, current: { ...attempt(), log: [] } };
    save = recordAttempt(save, attempt());
    save = recordAttempt(save, attempt({ id: 'a2', marks: { nrc: 12, ndrc: 15 } }));
    expect(save.best['premiere-visite-imprimante']).toEqual({ nrc: 14.5, ndrc: 15 });
    expect(save.current).toBeNull();
  });

  it('settings written and read back are the same', () => {
    const store = memoryStore();
    const s = new SaveStore(store, clock);
    s.write(withSettings(emptySave(), { muted: true, volume: 0.3, textSize: 'large' }));
    expect(s.load().save.settings).toMatchObject({ muted: true, volume: 0.3, textSize: 'large' });
  });

  it('exported results import into another browser, without duplicating what is already there', () => {
    const mine = recordAttempt(emptySave(), attempt());
    const file = JSON.stringify(exportResults(recordAttempt(mine, attempt({ id: 'a2', marks: { nrc: 16 } })), 5));
    const outcome = importResults(mine, file);
    expect(outcome).toMatchObject({ ok: true, added: 1, skipped: 1 });
    expect(outcome.ok && outcome.save.best['premiere-visite-imprimante']?.nrc).toBe(16);
  });

  it('importing a file that is not a results export says so', () => {
    expect(importResults(emptySave(), '{"hello":1}')).toEqual({ ok: false, problem: 'not-results' });
    expect(importResults(emptySave(), 'garbage')).toEqual({ ok: false, problem: 'unreadable' });
  });

  it('the content hash changes when the scenario text changes', () => {
    expect(contentHash('{"a":1}')).not.toBe(contentHash('{"a":2}'));
    expect(contentHash('{"a":1}')).toMatch(/^[0-9a-f]{8}$/);
  });
});
