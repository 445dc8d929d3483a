import type { TFunction } from 'i18next';
import { MicError, type Clip, type Microphone, type MicProblem, type Take } from '../../adapters/voice/microphone.ts';
import { clockOf } from '../../core/exam/exam-timing.ts';
import { h } from '../dom/h.ts';

export type SpokenOutcome =
  { kind: 'recorded'; clip: Clip } | { kind: 'skipped' } | { kind: 'problem'; problem: MicProblem };

export interface RecordPanel {
  root: HTMLElement;
  /** Puts the keyboard on the record (or stop) button. */
  focus(): void;
  /** Stops a recording under way and keeps nothing (the screen is leaving). */
  cancel(): void;
}

/** `m:ss`, as the exam countdown shows time. */
export const shortTime = (ms: number) => {
  const { minutes, seconds } = clockOf(ms);
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
};

/**
 * « Dites votre réponse à voix haute »: one button records, then stops (the choices then
 * appear); another skips, so that a student without a microphone is never stuck. The status
 * line says what is happening (asking for the microphone, recording and for how long) to eyes
 * and screen readers alike. `done` is called once.
 */
export function recordPanel(opts: {
  t: TFunction;
  mic: Microphone;
  now: () => number;
  done: (outcome: SpokenOutcome) => void;
}): RecordPanel {
  const { t, mic, now } = opts;
  let take: Take | null = null;
  let finished = false;
  let ticking: ReturnType<typeof setInterval> | undefined;
  const status = h('p', { class: 'spoken__status', role: 'status', 'data-testid': 'spoken-status' });
  const main = h(
    'button',
    { type: 'button', class: 'btn btn--primary', 'data-testid': 'spoken-record' },
    t('spoken.record'),
  );
  const skip = h('button', { type: 'button', class: 'btn btn--ghost', 'data-testid': 'spoken-skip' }, t('spoken.skip'));
  const finish = (outcome: SpokenOutcome) => {
    if (finished) return;
    finished = true;
    clearInterval(ticking);
    main.disabled = true;
    skip.disabled = true;
    opts.done(outcome);
  };
  const start = async () => {
    main.disabled = true;
    status.textContent = t('spoken.asking');
    try {
      take = await mic.record();
    } catch (error) {
      return finish({ kind: 'problem', problem: error instanceof MicError ? error.problem : 'failed' });
    }
    if (finished) return take.cancel();
    const began = now();
    const show = () => (status.textContent = t('spoken.recording', { time: shortTime(now() - began) }));
    show();
    ticking = setInterval(show, 500);
    main.textContent = t('spoken.stop');
    main.dataset.state = 'recording';
    main.disabled = false;
    main.focus();
  };
  const stop = async () => {
    const current = take;
    if (!current) return;
    take = null;
    main.disabled = true;
    clearInterval(ticking);
    try {
      finish({ kind: 'recorded', clip: await current.stop() });
    } catch (error) {
      finish({ kind: 'problem', problem: error instanceof MicError ? error.problem : 'failed' });
    }
  };
  main.addEventListener('click', () => void (take ? stop() : start()));
  skip.addEventListener('click', () => {
    take?.cancel();
    take = null;
    finish({ kind: 'skipped' });
  });
  const root = h(
    'section',
    { class: 'spoken panel', 'aria-labelledby': 'spoken-title', 'data-testid': 'spoken' },
    h('h2', { id: 'spoken-title', class: 'spoken__title' }, t('spoken.title')),
    h('p', { class: 'hint' }, t('spoken.hint')),
    status,
    h('div', { class: 'spoken__actions' }, main, skip),
  );
  return {
    root,
    focus: () => main.focus(),
    cancel: () => {
      take?.cancel();
      take = null;
      finished = true;
      clearInterval(ticking);
    },
  };
}
