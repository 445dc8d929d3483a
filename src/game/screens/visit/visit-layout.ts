import type { TFunction } from 'i18next';
import type { App } from '../../app/app.ts';
import { h } from '../../dom/h.ts';

/** The regions of the visit screen: the phase track, the notebook side, and the dialogue column. */
export interface VisitRegions {
  root: HTMLElement;
  track: HTMLElement;
  side: HTMLElement;
  feedback: HTMLElement;
  youSaid: HTMLElement;
  speaker: HTMLElement;
  line: HTMLElement;
  cue: HTMLElement;
  extra: HTMLElement;
  choices: HTMLElement;
  leave: HTMLButtonElement;
  /** Exam rehearsal only: the countdown (in the top bar) and the preparation sheet (beside the dialogue). */
  clock: HTMLElement;
  notes: HTMLElement;
}

export function visitLayout(app: App, t: TFunction, heading: string): VisitRegions {
  const r = {
    track: h('div', { class: 'visit__track' }),
    // At the table the side column scrolls: it takes the focus so that the keyboard can scroll it too.
    side: h('div', { class: 'visit__side', tabindex: 0, role: 'region', 'aria-label': t('visit.notebook') }),
    feedback: h('div', { class: 'feedback-slot', 'aria-live': 'polite' }),
    youSaid: h('p', { class: 'dialogue__you' }),
    speaker: h('p', { class: 'dialogue__speaker', id: 'speaker' }),
    line: h('p', {
      class: 'dialogue__line',
      'data-testid': 'client-line',
      'aria-live': 'polite',
      'aria-atomic': 'true',
    }),
    cue: h('p', { class: 'dialogue__cue' }),
    extra: h('div', { class: 'dialogue__extra' }),
    choices: h('div', { class: 'choices', 'data-testid': 'choices', role: 'group', 'aria-label': t('visit.choices') }),
    leave: h('button', { type: 'button', class: 'btn btn--ghost' }, t('visit.leave')),
    clock: h('div', { class: 'visit__clock' }),
    notes: h('div', { class: 'visit__notes' }),
  };
  const menu = h(
    'div',
    { class: 'visit__menu' },
    h(
      'button',
      { type: 'button', class: 'btn btn--ghost', onclick: () => void app.show({ name: 'title' }) },
      t('visit.pause'),
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'btn btn--ghost',
        onclick: () => void app.show({ name: 'settings', back: { name: 'visit', resume: true } }),
      },
      t('nav.settings'),
    ),
    r.leave,
  );
  const bubble = h('div', { class: 'dialogue__bubble' }, r.speaker, r.line, r.cue);
  const dialogue = h(
    'div',
    { class: 'dialogue', role: 'region', 'aria-labelledby': 'speaker' },
    r.feedback,
    r.youSaid,
    bubble,
    r.extra,
    r.choices,
  );
  const root = h(
    'section',
    { class: 'screen screen--visit', 'aria-labelledby': 'visit-heading' },
    h(
      'header',
      { class: 'visit__top' },
      h('h1', { id: 'visit-heading', class: 'sr-only' }, heading),
      r.track,
      r.clock,
      menu,
    ),
    h('div', { class: 'visit__body' }, r.side, dialogue, r.notes),
  );
  return { root, ...r };
}
