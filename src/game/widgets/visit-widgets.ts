import type { TFunction } from 'i18next';
import { h } from '../dom/h.ts';
import type { VisitView } from '../../present/visit-view.ts';

/** The six-phase track: the state of each phase is written out, not only coloured. */
export function phaseTrack(view: VisitView, t: TFunction): HTMLElement {
  return h(
    'ol',
    { class: 'track', 'aria-label': t('visit.phases') },
    ...view.track.map((p, i) => {
      const label = t(`phaseShort.${p.phase}`);
      return h(
        'li',
        { class: `track__step track__step--${p.state}`, 'aria-current': p.state === 'current' ? 'step' : null },
        h('span', { class: 'track__num', 'aria-hidden': 'true' }, p.state === 'done' ? '✓' : String(i + 1)),
        h('span', { class: 'track__label' }, label),
        h(
          'span',
          { class: 'sr-only' },
          p.state === 'done'
            ? t('visit.phaseDone', { phase: '' }).trim()
            : p.state === 'current'
              ? t('visit.phaseCurrent', { phase: '' }).trim()
              : '',
        ),
      );
    }),
  );
}

export function notebook(view: VisitView, t: TFunction): HTMLElement {
  return h(
    'section',
    { class: 'panel notebook', 'aria-labelledby': 'notebook-heading' },
    h('h2', { id: 'notebook-heading' }, t('visit.notebook')),
    h('h3', {}, t('visit.needs', { count: view.needs.length })),
    view.needs.length
      ? h('ul', { class: 'notebook__needs' }, ...view.needs.map((n) => h('li', {}, n)))
      : h('p', { class: 'hint' }, t('visit.notebookEmpty')),
    view.notes.length ? h('h3', {}, t('visit.notes')) : null,
    view.notes.length ? h('ul', { class: 'notebook__notes' }, ...view.notes.map((n) => h('li', {}, n))) : null,
  );
}

/** Trust and interest, as labelled meters with their value in words (assisted mode only). */
export function gauges(view: VisitView, t: TFunction): HTMLElement {
  const meter = (key: 'trust' | 'interest') => {
    const value = view.gauges[key];
    const id = `gauge-${key}`;
    return h(
      'div',
      { class: 'gauge' },
      h('span', { class: 'gauge__label', id }, t(`visit.${key}`)),
      h(
        'div',
        {
          class: 'gauge__bar',
          role: 'meter',
          'aria-labelledby': id,
          'aria-valuemin': 0,
          'aria-valuemax': 100,
          'aria-valuenow': value,
          'aria-valuetext': t('visit.gaugeValue', { value }),
        },
        h('div', { class: `gauge__fill gauge__fill--${key}`, style: `width: ${value}%` }),
      ),
      h('span', { class: 'gauge__value' }, String(value)),
    );
  };
  return h(
    'section',
    { class: 'panel gauges', 'aria-labelledby': 'gauges-heading' },
    h('h2', { id: 'gauges-heading' }, t('visit.gauges')),
    meter('trust'),
    meter('interest'),
    h('p', { class: 'gauges__mood' }, t('visit.mood', { mood: t(`mood.${view.mood}`, { context: view.gender }) })),
  );
}
