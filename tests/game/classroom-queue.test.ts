import { describe, expect, it } from 'vitest';
import {
  acknowledge,
  locksOf,
  queueAttempt,
  queueProgress,
  readClassState,
  type ClassState,
} from '../../src/game/classroom/class-state.ts';
import { ClassSync, type KeyValue } from '../../src/game/classroom/class-sync.ts';
import type { Attempt } from '../../src/core/save/index.ts';

/** The student's upload queue: what waits, what leaves, and what a failing network does to it. */
const state = (): ClassState => ({
  session: { code: 'ACDEFG', title: 'Classe', scenarios: ['s1'], referential: 'ndrc', mode: 'exam' },
  pseudonym: 'Léa',
  key: 'k'.repeat(20),
  queue: [],
  sent: [],
  refused: [],
});
const attempt = (id: string, scenarioId = 's1') =>
  ({
    id,
    scenarioId,
    contentHash: 'ab12',
    seed: 1,
    pack: 'nrc',
    mode: 'exam',
    lang: 'fr',
    startedAt: 0,
    endedAt: 1,
    endingId: 'end',
    marks: {},
    log: [{ type: 'player.start' }],
  }) as Attempt;

describe('the class upload queue', () => {
  it('queues an attempt once, only for the class’s scenarios, and never one already sent', () => {
    let s = queueAttempt(state(), attempt('a'));
    s = queueAttempt(s, attempt('a'));
    s = queueAttempt(s, attempt('b', 'elsewhere'));
    expect(s.queue.map((q) => (q.kind === 'attempt' ? q.attempt.id : q.kind))).toEqual(['a']);
    const first = s.queue[0];
    if (!first) throw new Error('queue empty');
    s = acknowledge(s, first);
    expect(s.queue).toEqual([]);
    expect(s.sent).toEqual(['a']);
    expect(queueAttempt(s, attempt('a')).queue).toEqual([]);
  });

  it('keeps only the latest phase of a visit, and drops it once the attempt is queued', () => {
    let s = queueProgress(state(), { attemptId: 'a', scenarioId: 's1', phase: 'discovery' });
    s = queueProgress(s, { attemptId: 'a', scenarioId: 's1', phase: 'closing' });
    expect(s.queue).toEqual([{ kind: 'progress', attemptId: 'a', scenarioId: 's1', phase: 'closing' }]);
    s = queueAttempt(s, attempt('a'));
    expect(s.queue.map((q) => q.kind)).toEqual(['attempt']);
  });

  it('remembers a refusal with its code, and reads back a damaged state as none', () => {
    const s = queueAttempt(state(), attempt('a'));
    const item = s.queue[0];
    if (!item) throw new Error('queue empty');
    expect(acknowledge(s, item, 'NC104').refused).toEqual([{ id: 'a', code: 'NC104' }]);
    expect(readClassState('{"session": 3}')).toBeNull();
    expect(readClassState('not json')).toBeNull();
    expect(readClassState(JSON.stringify(s))?.queue).toHaveLength(1);
  });

  it('locks the referential and the mode the class chose', () => {
    expect(locksOf(state())).toMatchObject({ pack: 'ndrc', mode: 'exam' });
    // The exam rehearsal's durations the teacher set reach the game with the class's scenarios.
    const timed = { ...state(), session: { ...state().session, prepSeconds: 1200, simSeconds: 600 } };
    expect(locksOf(timed)).toMatchObject({ prepSeconds: 1200, simSeconds: 600, scenarios: state().session.scenarios });
    // Any pack id is passed on (packs are data; the briefing falls back when it lacks the pack),
    // but a malformed one is dropped.
    expect(locksOf({ ...state(), session: { ...state().session, referential: 'bts-mco' } })?.pack).toBe('bts-mco');
    expect(locksOf({ ...state(), session: { ...state().session, referential: 'NRC; drop' } })).toMatchObject({
      pack: undefined,
      mode: 'exam',
    });
    expect(locksOf(null)).toBeNull();
  });

  it('keeps an attempt queued while the network fails, in storage that survives a reload, and sends it after', async () => {
    const store = new Map<string, string>();
    const storage: KeyValue = {
      getItem: (k) => store.get(k) ?? null,
      setItem: (k, v) => void store.set(k, v),
      removeItem: (k) => void store.delete(k),
    };
    storage.setItem('negosim.classroom', JSON.stringify(state()));
    let online = false;
    const bodies: string[] = [];
    const fakeFetch = ((_url: string, init: { body: string }) => {
      if (!online) return Promise.reject(new TypeError('Failed to fetch'));
      bodies.push(init.body);
      return Promise.resolve(new Response(JSON.stringify({ accepted: ['a'], duplicates: [], rejected: [] })));
    }) as unknown as typeof fetch;
    const first = new ClassSync(storage, 'http://127.0.0.1:1/', fakeFetch);
    first.attemptRecorded(attempt('a'));
    await first.flush();
    first.stop();
    expect(first.pending).toBe(1);
    // A reload: a new page reads the same storage and finds the attempt still waiting.
    online = true;
    const second = new ClassSync(storage, 'http://127.0.0.1:1/', fakeFetch);
    expect(second.pending).toBe(1);
    await second.flush();
    expect(second.pending).toBe(0);
    expect(bodies).toHaveLength(1);
    expect((JSON.parse(bodies[0] ?? '{}') as { student: string }).student).toBe('Léa');
    second.stop();
  });
});
