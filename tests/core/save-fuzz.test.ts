import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { pageLocks } from '../../src/adapters/save-locks.ts';
import { SaveStore } from '../../src/adapters/storage.ts';
import {
  AttemptSchema,
  MAX_TIME,
  emptySave,
  planImport,
  readResultsFile,
  readSave,
  recordAttempt,
  type Attempt,
} from '../../src/core/save/index.ts';
import type { ReplayVerdict } from '../../src/core/save/verify-attempt.ts';

/**
 * The save fuzzer: random valid and near-valid saves and results files, with hostile keys
 * (`__proto__`, `constructor`, `prototype`) wherever a key can go. Whatever they hold, reading
 * never throws, nothing outside the save changes, every date left can be shown, and no valid
 * attempt is lost. NEGOSIM_QUICK=1 runs fewer cases.
 */
const QUICK = process.env.NEGOSIM_QUICK === '1';
const RUNS = QUICK ? 60 : 600;
const HOSTILE = ['__proto__', 'constructor', 'prototype'] as const;

const kebab = fc.stringMatching(/^[a-z0-9]{1,12}(-[a-z0-9]{1,8}){0,3}$/);
const time = fc.integer({ min: 0, max: MAX_TIME });
const validAttempt: fc.Arbitrary<Attempt> = fc.record({
  id: kebab,
  scenarioId: fc.oneof(kebab, fc.constantFrom('constructor', 'prototype')),
  contentHash: fc.stringMatching(/^[0-9a-f]{8}$/),
  seed: fc.integer({ min: 0, max: 2 ** 31 }),
  pack: fc.constantFrom('nrc', 'ndrc'),
  mode: fc.constantFrom('assisted', 'exam'),
  lang: fc.constantFrom('fr', 'en'),
  startedAt: time,
  endedAt: time,
  endingId: fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/),
  marks: fc.record({ nrc: fc.double({ min: 0, max: 20, noNaN: true }) }, { requiredKeys: [] }),
  log: fc.array(
    fc.oneof(
      fc.record({ type: fc.constant('player.start') }),
      fc.record({ type: fc.constant('player.choose'), choiceId: fc.string({ maxLength: 20 }) }),
      fc.record({ type: fc.constant('player.note'), text: fc.string({ maxLength: 200 }) }),
    ),
    { maxLength: 8 },
  ),
});

/** A value as hostile as JSON allows: huge or negative numbers, wrong types, deep nesting, hostile keys. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(1e300, -1, 1.5, -0, 2 ** 53, '', 'x'.repeat(200), null, true, [], {}),
  fc.constantFrom(...HOSTILE),
  fc.jsonValue({ maxDepth: 3 }),
  fc.integer({ min: 20, max: 400 }).map((depth) => {
    let v: unknown = 0;
    for (let i = 0; i < depth; i++) v = [v];
    return v;
  }),
  fc.constantFrom(...HOSTILE).map((k) => withKey({}, k, { nrc: 20, polluted: true })),
);

/** Adds an own property, even "__proto__" (as JSON.parse makes it), without touching any prototype. */
function withKey(target: object, key: string, value: unknown): object {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

/** An attempt one step from valid: a field replaced or removed, or a hostile key added. */
const nearValidAttempt: fc.Arbitrary<unknown> = fc
  .tuple(
    validAttempt,
    fc.constantFrom(...Object.keys(AttemptSchema.shape), ...HOSTILE, 'marks.', 'log.'),
    fc.constantFrom(...HOSTILE),
    hostileValue,
  )
  .map(([a, field, key, value]) => {
    const copy = structuredClone(a) as unknown as Record<string, unknown>;
    if (field === 'marks.') withKey(copy.marks as object, key, value);
    else if (field === 'log.') (copy.log as unknown[]).push(withKey({ type: 'player.choose' }, key, value));
    else withKey(copy, field, value);
    return copy;
  });

const anyAttempt = fc.oneof(validAttempt, nearValidAttempt, hostileValue);

const saveDocument = fc
  .record({
    saveVersion: fc.constantFrom(1, 2, 3, 3, 3, 4, 0, '3'),
    settings: fc.oneof(fc.constant({}), hostileValue, fc.record({ lang: fc.constantFrom('fr', 'en', 'de') })),
    attempts: fc.oneof(fc.array(anyAttempt, { maxLength: 12 }), hostileValue),
    current: fc.oneof(fc.constant(null), hostileValue),
    best: hostileValue,
    hostile: fc.constantFrom(...HOSTILE),
  })
  .map(({ hostile, ...doc }) => withKey({ kind: 'negosim-save', ...doc }, hostile, { nrc: 20 }));

/** The attempts of a document the save must keep: valid, first of their id. */
function validIn(doc: unknown): Attempt[] {
  const list = (doc as { attempts?: unknown }).attempts;
  if (!Array.isArray(list)) return [];
  const seen = new Set<string>();
  return list.flatMap((raw) => {
    const parsed = AttemptSchema.safeParse(raw);
    if (!parsed.success || seen.has(parsed.data.id)) return [];
    seen.add(parsed.data.id);
    return [parsed.data];
  });
}

function expectNothingOutsideChanged() {
  const probe = {} as Record<string, unknown>;
  for (const key of ['nrc', 'polluted', 'ndrc']) expect(probe[key], key).toBeUndefined();
  expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
}

const dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short' });

describe('the save fuzzer', () => {
  it('reading any near-valid save never throws, changes nothing outside it, and keeps every valid attempt', () => {
    fc.assert(
      fc.property(saveDocument, (doc) => {
        const text = JSON.stringify(doc);
        const read = readSave(text);
        expectNothingOutsideChanged();
        for (const a of read.save.attempts) expect(() => dateFormat.format(a.endedAt)).not.toThrow();
        const version = (doc as { saveVersion: unknown }).saveVersion;
        if (version === 2 || version === 3) {
          const kept = new Set(read.save.attempts.map((a) => a.id));
          for (const a of validIn(JSON.parse(text))) expect(kept.has(a.id), a.id).toBe(true);
        }
        // Best marks only ever come from the attempts kept.
        for (const id of Object.keys(read.save.best))
          expect(read.save.attempts.some((a) => a.scenarioId === id)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('importing any near-valid results file never throws, loses none of the save, and accounts for every entry', () => {
    const verdict = fc.constantFrom<ReplayVerdict>(
      { ok: true, endingId: 'end', marks: { nrc: 10 } },
      { ok: false, reason: 'log-refused' },
    );
    fc.assert(
      fc.property(
        fc.array(validAttempt, { maxLength: 5 }),
        fc.array(anyAttempt, { maxLength: 15 }),
        fc.constantFrom('negosim-results', 'negosim-save'),
        verdict,
        (own, incoming, kind, answer) => {
          const save = own.reduce(recordAttempt, emptySave());
          const text = JSON.stringify({ kind, saveVersion: 3, exportedAt: 0, attempts: incoming });
          const read = readResultsFile(text);
          expectNothingOutsideChanged();
          expect(read.ok).toBe(true);
          if (!read.ok) return;
          const known = new Set(save.attempts.map((a) => a.id));
          const plan = planImport(read.attempts, known, () => answer);
          expect(plan.toStore.length + plan.known + read.invalid + read.repeated).toBe(incoming.length);
          for (const a of plan.toStore) {
            expect(known.has(a.id)).toBe(false);
            if (a.trust === 'unverified') expect(a.marks).toEqual({});
            else expect(a.marks).toEqual({ nrc: 10 });
          }
          const after = plan.toStore.reduce(recordAttempt, save);
          for (const a of save.attempts) expect(after.attempts).toContainEqual(a);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('any records found in the database load without throwing, and the valid ones are all kept', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.oneof(kebab, fc.constantFrom(...HOSTILE)), anyAttempt), { maxLength: 8 }),
        fc.oneof(fc.constant(undefined), hostileValue),
        fc.oneof(fc.constant(undefined), hostileValue),
        async (records, settings, current) => {
          const dbName = `negosim-fuzz-${++n}`;
          const db = await openDB(dbName, 1, {
            upgrade(d) {
              for (const s of ['attempts', 'state', 'setAside']) d.createObjectStore(s);
            },
          });
          for (const [key, value] of records) await db.put('attempts', value, key);
          if (settings !== undefined) await db.put('state', settings, 'settings');
          if (current !== undefined) await db.put('state', current, 'current');
          const stored = new Map((await db.getAllKeys('attempts')).map((k, i) => [k, i]));
          const values = await db.getAll('attempts');
          db.close();
          const valid = [...stored.keys()].filter((k) => {
            const parsed = AttemptSchema.safeParse(values[stored.get(k) ?? -1]);
            return parsed.success && parsed.data.id === k;
          });

          const store = new SaveStore({
            clock: { now: () => 1 },
            legacy: null,
            indexedDb: true,
            dbName,
            locks: pageLocks(),
            channel: null,
          });
          const loaded = await store.load();
          store.close();
          expectNothingOutsideChanged();
          expect(loaded.save.attempts.map((a) => a.id).sort()).toEqual(valid.sort());
        },
      ),
      { numRuns: QUICK ? 20 : 150 },
    );
  });
});
