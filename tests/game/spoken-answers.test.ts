// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { gameResources } from '../../src/i18n/game-resources.ts';
import { browserMicrophone, MicError, problemOf } from '../../src/adapters/voice/microphone.ts';
import { idbRecordings, recordingId, type Recording } from '../../src/adapters/voice/recordings.ts';
import { bestAnswerAt, spokenRows } from '../../src/present/spoken.ts';
import type { ChoiceStep, VisitContext } from '../../src/core/visit/visit-types.ts';
import { recordPanel, type SpokenOutcome } from '../../src/game/voice/record-panel.ts';
import { spokenAnswersOn } from '../../src/game/voice/spoken-gate.ts';
import { spokenSection } from '../../src/game/voice/spoken-debrief.ts';
import { spokenSettings } from '../../src/game/voice/spoken-settings.ts';
import { defaultSettings, SettingsSchema } from '../../src/core/save/format.ts';
import { shippedScenarios } from '../support/shipped-scenarios.ts';
import { fakeMicrophone, memoryRecordings, settle } from './voice-fakes.ts';
import { libraryScenario, playedAttempt } from '../support/played-attempts.ts';
import { replayAttempt } from '../../src/game/visit/visit-controller.ts';
import { juryQuestions } from '../../src/core/exam/jury-questions.ts';

const t = createI18n('fr', gameResources).getFixedT('fr', 'game');
const index = shippedScenarios('all').find((s) => s.file.startsWith('premiere-visite'))!.index;

/** A decision of the shipped scenario where a poor answer and a good one were both on offer. */
function poorAndGood(): ChoiceStep {
  for (const { node, phase } of index.nodeList) {
    const ids = node.choices.map((c) => c.id);
    const poor = ids.find((id) => index.qualityOf(id) === 'poor');
    if (poor && ids.some((id) => index.qualityOf(id) === 'good'))
      return { kind: 'choice', stage: phase, nodeId: node.id, choiceId: poor, offered: ids };
  }
  throw new Error('no decision with a poor and a good answer');
}

function panel(opts: { problem?: 'denied' | 'no-device' } = {}) {
  let clock = 1000;
  const { mic, state } = fakeMicrophone({ ...opts, now: () => clock });
  const outcomes: SpokenOutcome[] = [];
  const p = recordPanel({ t, mic, now: () => clock, done: (o) => outcomes.push(o) });
  document.body.replaceChildren(p.root);
  const button = (id: string) => p.root.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`)!;
  return { p, state, outcomes, button, advance: (ms: number) => (clock += ms) };
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the setting', () => {
  it('is on in exam rehearsals by default, can be on in every visit, or off', () => {
    expect(defaultSettings().spokenAnswers).toBe('exam');
    // Settings saved before the option existed read with it on for exam rehearsals.
    expect(SettingsSchema.parse({ lang: 'fr' }).spokenAnswers).toBe('exam');
    const rehearsal = { exam: { prepLimitMs: 1000, simLimitMs: 1000, prepStartedAt: 0 } };
    const assisted = { exam: undefined };
    expect(spokenAnswersOn({ spokenAnswers: 'exam' }, rehearsal)).toBe(true);
    expect(spokenAnswersOn({ spokenAnswers: 'exam' }, assisted)).toBe(false);
    expect(spokenAnswersOn({ spokenAnswers: 'always' }, assisted)).toBe(true);
    expect(spokenAnswersOn({ spokenAnswers: 'off' }, rehearsal)).toBe(false);
  });
});

describe('the record panel', () => {
  it('records until the student stops, saying for how long, then hands the clip over and lets go of the microphone', async () => {
    const { state, outcomes, button, advance, p } = panel();
    expect(p.root.querySelector('h2')?.textContent).toBe('Dites votre réponse à voix haute');
    expect(button('spoken-record').textContent).toBe('Enregistrer ma réponse');
    button('spoken-record').click();
    await settle();
    expect(state.open).toBe(true);
    expect(button('spoken-record').textContent).toBe('Arrêter et voir les choix');
    expect(document.activeElement).toBe(button('spoken-record'));
    expect(p.root.querySelector('[role="status"]')?.textContent).toBe('Enregistrement en cours\u00a0: 0:00');
    advance(3200);
    button('spoken-record').click();
    await settle();
    expect(state.open).toBe(false);
    expect(outcomes).toHaveLength(1);
    const outcome = outcomes[0];
    expect(outcome?.kind).toBe('recorded');
    if (outcome?.kind === 'recorded') {
      expect(outcome.clip.durationMs).toBe(3200);
      expect(outcome.clip.audio.size).toBeGreaterThan(0);
    }
    expect(button('spoken-record').disabled && button('spoken-skip').disabled).toBe(true);
  });

  it('lets a student without a microphone skip, without ever opening it', async () => {
    const { state, outcomes, button } = panel();
    button('spoken-skip').click();
    await settle();
    expect(outcomes).toEqual([{ kind: 'skipped' }]);
    expect(state.opened).toBe(0);
  });

  it('skipping in the middle of a recording keeps nothing and closes the microphone', async () => {
    const { state, outcomes, button } = panel();
    button('spoken-record').click();
    await settle();
    button('spoken-skip').click();
    expect(outcomes).toEqual([{ kind: 'skipped' }]);
    expect(state.open).toBe(false);
  });

  it('says when the microphone is refused, and the visit goes on', async () => {
    const { outcomes, button } = panel({ problem: 'denied' });
    button('spoken-record').click();
    await settle();
    expect(outcomes).toEqual([{ kind: 'problem', problem: 'denied' }]);
    expect(t('spoken.problem.denied')).toContain('Le micro a été refusé');
  });

  it('stops the microphone when the screen leaves, and tells no one', async () => {
    const { state, outcomes, button, p } = panel();
    button('spoken-record').click();
    await settle();
    p.cancel();
    expect(state.open).toBe(false);
    expect(outcomes).toEqual([]);
  });
});

describe('the browser microphone adapter', () => {
  it('names why it cannot record', async () => {
    expect(problemOf(new DOMException('no', 'NotAllowedError'))).toBe('denied');
    expect(problemOf(new DOMException('none', 'NotFoundError'))).toBe('no-device');
    expect(problemOf(new Error('busy'))).toBe('failed');
    vi.stubGlobal('MediaRecorder', undefined);
    await expect(browserMicrophone().record()).rejects.toEqual(new MicError('unsupported'));
  });

  it('records with MediaRecorder and stops every track of the microphone', async () => {
    const stopped: string[] = [];
    const stream = { getTracks: () => [{ stop: () => stopped.push('track') }] };
    class FakeRecorder extends EventTarget {
      static isTypeSupported = (type: string) => type === 'audio/webm;codecs=opus';
      state = 'inactive';
      mimeType: string;
      constructor(_stream: unknown, opts?: { mimeType?: string }) {
        super();
        this.mimeType = opts?.mimeType ?? '';
      }
      start() {
        this.state = 'recording';
      }
      stop() {
        this.state = 'inactive';
        const data = Object.assign(new Event('dataavailable'), { data: new Blob(['opus'], { type: this.mimeType }) });
        this.dispatchEvent(data);
        this.dispatchEvent(new Event('stop'));
      }
    }
    vi.stubGlobal('MediaRecorder', FakeRecorder);
    vi.stubGlobal('navigator', { mediaDevices: { getUserMedia: () => Promise.resolve(stream) } });
    let clock = 0;
    const take = await browserMicrophone(() => clock).record();
    clock = 1500;
    const clip = await take.stop();
    expect(clip.mime).toBe('audio/webm;codecs=opus');
    expect(await clip.audio.text()).toBe('opus');
    expect(clip.durationMs).toBe(1500);
    expect(stopped).toEqual(['track']);
  });

  it('turns a refusal of getUserMedia into « denied »', async () => {
    vi.stubGlobal('MediaRecorder', class {});
    const refuse = () => Promise.reject(new DOMException('no', 'NotAllowedError'));
    vi.stubGlobal('navigator', { mediaDevices: { getUserMedia: refuse } });
    await expect(browserMicrophone().record()).rejects.toMatchObject({ problem: 'denied' });
  });
});

const recording = (attemptId: string, step: number): Recording => ({
  id: recordingId(attemptId, step),
  attemptId,
  step,
  nodeId: 'n',
  mime: 'audio/webm',
  audio: new Uint8Array([step, 1, 2]).buffer,
  durationMs: 1000 + step,
  recordedAt: 0,
});

describe('where recordings live (IndexedDB, their own database)', () => {
  it('keeps them per visit in step order, replaces a decision recorded again, deletes a visit or all', async () => {
    const store = idbRecordings(`negosim-recordings-test-${Math.random()}`);
    expect(await store.count()).toBe(0);
    await store.put(recording('visit-a', 4));
    await store.put(recording('visit-a', 1));
    await store.put(recording('visit-b', 2));
    await store.put({ ...recording('visit-a', 4), durationMs: 9 });
    const a = await store.list('visit-a');
    expect(a.map((r) => r.step)).toEqual([1, 4]);
    expect(a[1]?.durationMs).toBe(9);
    expect(new Uint8Array(a[0]!.audio)).toEqual(new Uint8Array([1, 1, 2]));
    expect(await store.removeVisit('visit-a')).toBe(2);
    expect(await store.list('visit-a')).toEqual([]);
    expect(await store.count()).toBe(1);
    expect(await store.clear()).toBe(1);
    expect(await store.count()).toBe(0);
  });
});

describe('the best answer on offer', () => {
  it('is a good answer when the student picked a poor one, and their own when it was already the best', () => {
    const step = poorAndGood();
    const best = bestAnswerAt(index, step);
    expect(index.qualityOf(best)).toBe('good');
    expect(step.offered).toContain(best);
    const good = { ...step, choiceId: best };
    expect(bestAnswerAt(index, good)).toBe(best);
  });
});

describe('the debrief’s spoken answers', () => {
  it('plays each recording, labelled by its decision, next to the best answer; and deletes the visit’s', async () => {
    const step = poorAndGood();
    const ctx = { steps: [step, { ...step, choiceId: bestAnswerAt(index, step) }] } as unknown as VisitContext;
    const store = memoryRecordings();
    await store.put(recording('visit-a', 1));
    await store.put(recording('visit-a', 0));
    await store.put(recording('visit-b', 0));
    const told: string[] = [];
    const section = spokenSection({
      attemptId: 'visit-a',
      index,
      ctx,
      lang: 'fr',
      t,
      recordings: store,
      onChange: (m) => told.push(m),
    });
    document.body.replaceChildren(section);
    await settle();
    expect(section.hidden).toBe(false);
    const audios = [...section.querySelectorAll('audio')];
    expect(audios.map((a) => a.getAttribute('aria-label'))).toEqual([
      'Votre réponse à voix haute, décision 1',
      'Votre réponse à voix haute, décision 2',
    ]);
    expect(audios.every((a) => a.hasAttribute('controls') && a.getAttribute('src')?.startsWith('blob:'))).toBe(true);
    const rows = spokenRows(index, ctx, [0, 1], 'fr');
    const items = [...section.querySelectorAll('li')];
    expect(items[0]?.textContent).toContain(`Meilleure réponse\u00a0: «\u00a0${rows[0]?.best}\u00a0»`);
    expect(items[1]?.textContent).toContain('Meilleure réponse\u00a0: celle que vous avez choisie.');
    expect(items[0]?.textContent).toContain(rows[0]?.line ?? '?');
    section.querySelector<HTMLButtonElement>('button')?.click();
    await settle();
    expect(section.hidden).toBe(true);
    expect(told).toEqual(['2 enregistrements supprimés.']);
    expect(await store.list('visit-b')).toHaveLength(1);
  });

  it('plays a jury question answered aloud next to the justification the jury expects', async () => {
    const printer = libraryScenario('premiere-visite-imprimante');
    const attempt = playedAttempt(printer, 'bad-habit');
    const ctx = replayAttempt(printer.index, attempt.seed, attempt.log);
    const [q] = juryQuestions(printer.index, ctx);
    if (!q) throw new Error('no jury question');
    const wrong = q.options.find((o) => o !== q.expected) ?? q.expected;
    const store = memoryRecordings();
    await store.put({ ...recording(attempt.id, ctx.steps.length), id: `${attempt.id}#jury-${q.id}`, question: q.id });
    const section = spokenSection({
      attemptId: attempt.id,
      index: printer.index,
      ctx,
      lang: 'fr',
      t,
      jury: { [q.id]: wrong },
      recordings: store,
    });
    await settle();
    expect(section.querySelector('audio')?.getAttribute('aria-label')).toBe(
      'Votre réponse à voix haute, question du jury 1',
    );
    const text = section.querySelector('li')?.textContent ?? '';
    expect(text).toContain('Le jury\u00a0: «\u00a0');
    expect(text).toContain(`Justification attendue\u00a0: «\u00a0${t(`exam.jury.option.${q.kind}.${q.expected}`)}`);
  });

  it('is not shown for a visit without recordings', async () => {
    const section = spokenSection({
      attemptId: 'none',
      index,
      ctx: { steps: [] } as unknown as VisitContext,
      lang: 'fr',
      t,
      recordings: memoryRecordings(),
    });
    await settle();
    expect(section.hidden).toBe(true);
    expect(section.querySelector('audio')).toBeNull();
  });
});

describe('the settings’ spoken answers', () => {
  it('counts the recordings kept in this browser and deletes them all', async () => {
    const store = memoryRecordings();
    await store.put(recording('visit-a', 0));
    await store.put(recording('visit-b', 3));
    const told: string[] = [];
    const select = () => document.createElement('div');
    const group = spokenSettings({ t, select, toast: (m) => told.push(m), recordings: store });
    await settle();
    expect(group.querySelector('[data-testid="recordings-count"]')?.textContent).toBe(
      '2 enregistrements gardés dans ce navigateur.',
    );
    group.querySelector<HTMLButtonElement>('button')?.click();
    await settle();
    expect(store.all.size).toBe(0);
    expect(group.querySelector<HTMLButtonElement>('button')?.disabled).toBe(true);
    expect(told).toHaveLength(1);
  });
});
