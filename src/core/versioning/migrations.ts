/**
 * Numbered migrations for versioned JSON documents (scenarios, saves). Each migration moves a
 * document from version `from` to `from + 1`; the chain must be complete up to `current`.
 * A document newer than `current` is refused, never guessed at: it was written by a newer
 * NegoSim and may mean something this one cannot know.
 */
export type JsonObject = Record<string, unknown>;

export interface Migration {
  from: number;
  description: string;
  up(doc: JsonObject): JsonObject;
}

export interface Migrator {
  kind: string;
  current: number;
  versionField: string;
  migrations: readonly Migration[];
}

export type MigrationOutcome =
  | { ok: true; doc: JsonObject; applied: number[] }
  | { ok: false; problem: 'missing' | 'invalid' | 'too-new'; found: unknown }
  | { ok: false; problem: 'failed'; found: number; step: number; detail: string };

export function migrate(migrator: Migrator, doc: JsonObject): MigrationOutcome {
  const found = doc[migrator.versionField];
  if (found === undefined) return { ok: false, problem: 'missing', found };
  if (typeof found !== 'number' || !Number.isInteger(found) || found < 1)
    return { ok: false, problem: 'invalid', found };
  if (found > migrator.current) return { ok: false, problem: 'too-new', found };
  let current: JsonObject = doc;
  const applied: number[] = [];
  for (let v = found; v < migrator.current; v++) {
    const step = migrator.migrations.find((m) => m.from === v);
    if (!step) return { ok: false, problem: 'failed', found, step: v, detail: `no migration from version ${v}` };
    try {
      current = { ...step.up(current), [migrator.versionField]: v + 1 };
    } catch (error) {
      return {
        ok: false,
        problem: 'failed',
        found,
        step: v,
        detail: error instanceof Error ? error.message : String(error),
      };
    }
    applied.push(v);
  }
  return { ok: true, doc: current, applied };
}

/** Structural problems of a migration chain: gaps, duplicates, steps past the current version. */
export function chainProblems(migrator: Migrator): string[] {
  const problems: string[] = [];
  for (let v = 1; v < migrator.current; v++) {
    const n = migrator.migrations.filter((m) => m.from === v).length;
    if (n === 0) problems.push(`${migrator.kind}: no migration from version ${v} to ${v + 1}`);
    if (n > 1) problems.push(`${migrator.kind}: ${n} migrations from version ${v}`);
  }
  for (const m of migrator.migrations)
    if (m.from >= migrator.current)
      problems.push(`${migrator.kind}: migration from ${m.from} goes past version ${migrator.current}`);
  return problems;
}

/** Migrations with no before/after fixture: the meta-test fails on any of them. */
export function untestedMigrations(migrator: Migrator, testedFrom: readonly number[]): number[] {
  return migrator.migrations.map((m) => m.from).filter((from) => !testedFrom.includes(from));
}
