import type { TFunction } from 'i18next';
import type { FicheSujet } from '../../../core/exam/fiche-sujet.ts';
import type { UiLanguage } from '../../../i18n/languages.ts';
import { formats } from '../../../present/format.ts';
import { h } from '../../dom/h.ts';

/**
 * The fiche-sujet, candidate side, in the official order of its rubrics: one table, a rubric a
 * row, as the paper a jury hands out. Drawn from ficheSujet() (src/core/exam); no rule here.
 */
export function ficheView(fiche: FicheSujet, lang: UiLanguage, t: TFunction): HTMLElement {
  const f = formats(lang);
  const list = (items: string[]) => (items.length ? h('ul', {}, ...items.map((x) => h('li', {}, x))) : '—');
  const row = (key: string, ...content: (Node | string)[]) =>
    h('tr', { 'data-rubric': key }, h('th', { scope: 'row' }, t(`exam.fiche.${key}`)), h('td', {}, ...content));
  const actors = fiche.actors.map((a) =>
    t(a.playedBy === 'candidate' ? 'exam.fiche.actorCandidate' : 'exam.fiche.actorJury', {
      name: a.name,
      role: a.role,
      company: a.company,
    }),
  );
  const tariff = fiche.tariff.map((i) =>
    t('exam.fiche.tariffLine', {
      label: i.label,
      price: f.euros(i.listPriceHT),
      unit: i.unit ? ` ${t('briefing.perUnit', { unit: i.unit })}` : '',
    }),
  );
  const constraints = [...fiche.constraints];
  if (fiche.mandate) {
    constraints.push(t('briefing.roomDiscount', { rate: f.percent(fiche.mandate.maxDiscountPercent) }));
    constraints.push(
      t('briefing.roomFloor', {
        price: f.euros(fiche.mandate.floorPriceHT),
        rate: f.percent(fiche.mandate.minTauxDeMarquePercent),
      }),
    );
  }
  return h(
    'section',
    { class: 'fiche', 'data-testid': 'fiche-sujet', 'aria-labelledby': 'fiche-heading' },
    h('h2', { id: 'fiche-heading' }, t('exam.fiche.heading')),
    h(
      'table',
      { class: 'fiche__table' },
      h(
        'tbody',
        {},
        row('activity', t('exam.fiche.activityNegotiation')),
        row('object', fiche.object),
        row('length', t('exam.fiche.lengthValue', { count: fiche.minutes })),
        row('place', t(`exam.fiche.setting.${fiche.place.setting}`, { company: fiche.place.company })),
        row('sequence', fiche.sequence.map((p) => t(`phaseShort.${p}`)).join(' → ')),
        row('actors', list(actors)),
        row('history', fiche.history),
        row(
          'objectives',
          list([
            t('exam.fiche.objectiveLine', { level: t('briefing.high'), text: fiche.objectives.high }),
            t('exam.fiche.objectiveLine', { level: t('briefing.realistic'), text: fiche.objectives.realistic }),
            t('exam.fiche.objectiveLine', { level: t('briefing.fallback'), text: fiche.objectives.fallback }),
          ]),
        ),
        row(
          'information',
          list([...fiche.information, ...tariff, t('briefing.vat', { rate: f.percent(fiche.vatRate) })]),
        ),
        row('constraints', list(constraints)),
      ),
    ),
  );
}
