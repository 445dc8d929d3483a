import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chainProblems, migrate, untestedMigrations, type Migrator } from '../../src/core/versioning/migrations.ts';
import { scenarioMigrator } from '../../src/core/scenario/migrations.ts';
import { loadScenarioDocument } from '../../src/core/scenario/load.ts';
import { playthroughsMigrator } from '../../src/core/playthroughs/migrations.ts';
import { packMigrator } from '../../src/core/referentials/migrations.ts';
import { skills } from '../support/referentials.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'migrations');
/** Each migration must have tests/fixtures/migrations/<kind>/<from>/{before,after}.json. */
function testedFrom(kind: string): number[] {
  const dir = join(fixtures, kind);
  return existsSync(dir) ? readdirSync(dir).map(Number).filter(Number.isInteger) : [];
}
const MIGRATORS: Migrator[] = [scenarioMigrator, playthroughsMigrator, packMigrator];

describe('versioned formats', () => {
  for (const migrator of MIGRATORS) {
    it(`${migrator.kind}: the migration chain reaches the current version without gaps`, () => {
      expect(chainProblems(migrator)).toEqual([]);
    });

    it(`${migrator.kind}: every migration has a before/after fixture (meta-test)`, () => {
      expect(untestedMigrations(migrator, testedFrom(migrator.kind))).toEqual([]);
    });

    for (const from of testedFrom(migrator.kind)) {
      it(`${migrator.kind}: migrating the version ${from} fixture gives the expected document`, () => {
        const before = JSON.parse(
          readFileSync(join(fixtures, migrator.kind, String(from), 'before.json'), 'utf8'),
        ) as Record<string, unknown>;
        const after = JSON.parse(
          readFileSync(join(fixtures, migrator.kind, String(from), 'after.json'), 'utf8'),
        ) as unknown;
        const result = migrate(migrator, before);
        expect(result.ok && result.doc).toEqual(after);
      });
    }
  }

  it('the meta-test catches a migration nobody tested', () => {
    const fake: Migrator = {
      kind: 'demo',
      current: 3,
      versionField: 'v',
      migrations: [
        { from: 1, description: 'a', up: (d) => d },
        { from: 2, description: 'b', up: (d) => d },
      ],
    };
    expect(untestedMigrations(fake, [1])).toEqual([2]);
    expect(chainProblems({ ...fake, migrations: fake.migrations.slice(1) })).toEqual([
      'demo: no migration from version 1 to 2',
    ]);
  });

  it('an old document walks through each numbered migration in order, and the version is bumped each time', () => {
    const seen: number[] = [];
    const fake: Migrator = {
      kind: 'demo',
      current: 3,
      versionField: 'v',
      migrations: [
        { from: 2, description: 'rename b to c', up: ({ b, ...rest }) => (seen.push(2), { ...rest, c: b }) },
        { from: 1, description: 'rename a to b', up: ({ a, ...rest }) => (seen.push(1), { ...rest, b: a }) },
      ],
    };
    expect(migrate(fake, { v: 1, a: 'x' })).toEqual({ ok: true, doc: { v: 3, c: 'x' }, applied: [1, 2] });
    expect(seen).toEqual([1, 2]);
  });

  it('a migration that throws is reported with its step, never as a crash', () => {
    const fake: Migrator = {
      kind: 'demo',
      current: 2,
      versionField: 'v',
      migrations: [
        {
          from: 1,
          description: 'boom',
          up: () => {
            throw new Error('bad data');
          },
        },
      ],
    };
    expect(migrate(fake, { v: 1 })).toEqual({ ok: false, problem: 'failed', found: 1, step: 1, detail: 'bad data' });
  });

  it('a scenario from a newer NegoSim is refused with a clear code, not guessed at', () => {
    const result = loadScenarioDocument({ formatVersion: 7 }, skills);
    expect(result.scenario).toBeUndefined();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'NS011', path: '/formatVersion', params: { found: 7, supported: 2 } }),
    ]);
  });
});
