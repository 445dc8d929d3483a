import type { TFunction } from 'i18next';
import { clockOf, remainingMs } from '../../../core/exam/exam-timing.ts';
import { h } from '../../dom/h.ts';

export interface ExamTimer {
  root: HTMLElement;
  stop(): void;
}

/**
 * A visible countdown (`[data-testid=timer]`, role timer): minutes and seconds left, redrawn
 * every second from the clock. Screen readers are not told every second; they hear when a
 * minute is left and when the time is over (`onEnd`, called once).
 */
export function examTimer(
  t: TFunction,
  opts: { label: string; limitMs: number; startedAt: number; now: () => number; onEnd?: () => void },
): ExamTimer {
  const value = h('span', {
    class: 'timer__value',
    'data-testid': 'timer',
    role: 'timer',
    'aria-labelledby': 'timer-label',
  });
  const status = h('span', { class: 'sr-only', role: 'status' });
  const root = h(
    'p',
    { class: 'timer' },
    h('span', { id: 'timer-label', class: 'timer__label' }, opts.label),
    ' ',
    value,
    status,
  );
  let ended = false;
  let warned = false;
  let handle = 0;
  const draw = () => {
    const left = remainingMs(opts.limitMs, opts.startedAt, opts.now());
    const { minutes, seconds } = clockOf(left);
    value.textContent = `${minutes}:${String(seconds).padStart(2, '0')}`;
    value.dataset.remainingMs = String(left);
    root.classList.toggle('timer--low', left <= 60_000);
    if (!warned && left <= 60_000 && left > 0 && opts.limitMs > 60_000) {
      warned = true;
      status.textContent = t('exam.timer.oneMinute');
    }
    if (left === 0 && !ended) {
      ended = true;
      root.classList.add('timer--over');
      status.textContent = t('exam.timer.over');
      window.clearInterval(handle);
      opts.onEnd?.();
    }
  };
  draw();
  if (!ended) handle = window.setInterval(draw, 1000);
  return { root, stop: () => window.clearInterval(handle) };
}

/** A duration in words: « 40 min », « 2 min 05 s ». */
export function durationText(t: TFunction, ms: number): string {
  const { minutes, seconds } = clockOf(ms);
  return seconds === 0
    ? t('exam.duration.minutes', { minutes })
    : t('exam.duration.minutesSeconds', { minutes, seconds: String(seconds).padStart(2, '0') });
}
