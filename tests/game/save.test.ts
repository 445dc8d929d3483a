import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chainProblems, migrate, untestedMigrations } from '../../src/core/versioning/migrations.ts';
import {
  contentHash,
  emptySave,
  exportResults,
  readResultsFile,
  readSave,
  recordAttempt,
  saveMigrator,
  type Attempt,
} from '../../src/core/save/index.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'migrations', 'save');
const testedFrom = readdirSync(fixtures).map(Number).filter(Number.isInteger);

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
      // This one step: the chain after it has its own fixtures.
      const result = migrate({ ...saveMigrator, current: from + 1 }, before);
      expect(result.ok && result.doc).toEqual(after);
    });
  }
  it('an old save keeps its attempt and its best mark, now under the NRC referential, and its settings', () => {
    const raw = readFileSync(join(fixtures, '1', 'before.json'), 'utf8');
    const { save, problems } = readSave(raw);
    expect(problems).toEqual([]);
    expect(save.best['premiere-visite-imprimante']).toEqual({ nrc: 13.5 });
    expect(save.settings.volume).toBe(0.5);
    expect(save.attempts).toHaveLength(1);
  });
});

describe('a damaged save never blocks the game', () => {
  it('text that is not JSON is to be set aside, and the game starts fresh', () => {
    expect(readSave('{"kind":"negosim-save", oops')).toEqual({
      save: emptySave(),
      problems: [{ kind: 'unreadable' }],
      setAside: true,
    });
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
    expect(readSave(null)).toMatchObject({ problems: [], setAside: false });
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

  it('an export reads back as the same attempts', () => {
    const save = recordAttempt(recordAttempt(emptySave(), attempt()), attempt({ id: 'a2', marks: { nrc: 16 } }));
    const read = readResultsFile(JSON.stringify(exportResults(save, 5)));
    expect(read).toEqual({ ok: true, attempts: save.attempts, invalid: 0, repeated: 0 });
  });

  it('importing a file that is not a results export says so', () => {
    expect(readResultsFile('{"hello":1}')).toEqual({ ok: false, problem: 'not-results' });
    expect(readResultsFile('garbage')).toEqual({ ok: false, problem: 'unreadable' });
    expect(readResultsFile(JSON.stringify({ kind: 'negosim-results', saveVersion: 99, attempts: [] }))).toEqual({
      ok: false,
      problem: 'too-new',
    });
  });

  it("a student's own attempts are never pushed out, however many there are", () => {
    let save = emptySave();
    for (let i = 0; i < 2500; i++) save = recordAttempt(save, attempt({ id: `a${i}` }));
    expect(save.attempts).toHaveLength(2500);
    expect(save.attempts[0]?.id).toBe('a0');
  });

  it('the content hash changes when the scenario text changes', () => {
    expect(contentHash('{"a":1}')).not.toBe(contentHash('{"a":2}'));
    expect(contentHash('{"a":1}')).toMatch(/^[0-9a-f]{8}$/);
  });
});
