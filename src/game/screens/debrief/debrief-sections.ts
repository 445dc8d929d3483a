import type { TFunction } from 'i18next';
import type { ReferentialPack } from '../../../core/referentials/formats.ts';
import type { ScenarioIndex } from '../../../core/scenario/scenario-index.ts';
import { pickText } from '../../../core/scenario/text.ts';
import type { Evaluation } from '../../../core/scoring/evaluate.ts';
import type { UiLanguage } from '../../../i18n/languages.ts';
import { competenceRows, type CompetenceRow } from '../../../present/debrief.ts';
import { endingTextView } from '../../../present/ending-text.ts';
import { formats } from '../../../present/format.ts';
import { describeTerms } from '../../../present/negotiation.ts';
import type { NegotiationResult } from '../../../core/negotiation/result.ts';
import { h } from '../../dom/h.ts';

/** The bar's fill follows the pack's own levels: rank 0 (non acquis) to 3 (maîtrisé). */
const RANK_CLASS = ['none', 'low', 'mid', 'high'] as const;

export function markSection(ev: Evaluation, pack: ReferentialPack, lang: UiLanguage, t: TFunction): HTMLElement {
  return h(
    'section',
    { class: 'debrief__summary', 'aria-labelledby': 'mark-heading' },
    h('h2', { id: 'mark-heading', class: 'sr-only' }, t('debrief.mark')),
    h(
      'p',
      { class: 'mark', 'data-testid': 'mark' },
      h('span', { class: 'mark__label' }, t('debrief.markUnder', { pack: pack.id.toUpperCase() })),
      h('span', { class: 'mark__value' }, formats(lang).mark(ev.mark)),
    ),
    h('p', { class: 'debrief__pack-title' }, pickText(pack.title, lang)),
    ev.complete ? null : h('p', { class: 'notice' }, t('debrief.incomplete')),
    h('p', { class: 'debrief__disclaimer' }, pickText(pack.disclaimer, lang)),
  );
}

export function competenceSection(ev: Evaluation, pack: ReferentialPack, lang: UiLanguage, t: TFunction) {
  return h(
    'section',
    { class: 'debrief__competences', 'aria-labelledby': 'comp-heading' },
    h('h2', { id: 'comp-heading' }, t('debrief.competences')),
    h('ul', { class: 'bars' }, ...competenceRows(ev, pack, lang).map((r) => competenceBar(r, lang, t))),
  );
}

function competenceBar(r: CompetenceRow, lang: UiLanguage, t: TFunction): HTMLElement {
  const f = formats(lang);
  const detail = r.marked ? t('debrief.weight', { weight: f.percent(r.weightPercent) }) : t('debrief.notMarked');
  const points =
    r.ratio === null
      ? ''
      : ` · ${t('debrief.points', { points: f.number(r.points, 1), max: f.number(r.max, 1), count: r.max })}`;
  const bar =
    r.ratio === null
      ? h('p', { class: 'bar__level' }, t('debrief.notExercised'))
      : h(
          'div',
          { class: 'bar__row' },
          h(
            'div',
            { class: 'bar__track', 'aria-hidden': 'true' },
            h('div', {
              class: `bar__fill bar__fill--${RANK_CLASS[r.levelRank ?? 0] ?? 'none'}`,
              style: `width: ${Math.round(r.ratio * 100)}%`,
            }),
          ),
          h('p', { class: 'bar__level' }, h('strong', {}, r.levelLabel ?? ''), ` · ${f.percent(r.ratio * 100, 0)}`),
        );
  return h(
    'li',
    { class: `bar ${r.marked ? '' : 'bar--unmarked'}` },
    h('p', { class: 'bar__title' }, h('strong', {}, r.code), ` ${r.title}`),
    bar,
    h('p', { class: 'bar__detail' }, detail, points),
  );
}

/** The signed terms in words (cascade steps, the scenario's labels), the RFA and the counterparts' value. */
function dealRows(nego: NegotiationResult, index: ScenarioIndex, lang: UiLanguage, t: TFunction): [string, string][] {
  const f = formats(lang);
  const spec = index.scenario.phases.closing.negotiation;
  const e = nego.economics;
  const rows: [string, string][] = [];
  if (nego.finalTerms) rows.push([t('debrief.signedTerms'), describeTerms(nego.finalTerms, lang, t, spec)]);
  if (e && Number(e.rfaHt) > 0) rows.push([t('debrief.rfa'), f.euros(Number(e.rfaHt))]);
  if (e && Number(e.counterpartsValueHt) > 0)
    rows.push(
      [t('debrief.counterpartsValue'), f.euros(Number(e.counterpartsValueHt))],
      [t('debrief.keptMargin'), f.percent(Number(e.keptMarginPercent))],
    );
  return rows;
}

export function outcomeSection(ev: Evaluation, index: ScenarioIndex, lang: UiLanguage, t: TFunction): HTMLElement {
  const f = formats(lang);
  const o = ev.outcome;
  const ending = index.endings.get(o.endingId)?.ending;
  const nego = o.negotiation;
  // The ending as the student read it, filled from the terms the negotiation agreed.
  const shown = ending ? endingTextView(index, ending, nego?.finalTerms ?? null, lang, t) : null;
  const rows: [string, string][] = [
    [t('debrief.ending'), shown ? shown.title : t('debrief.leftEarly')],
    [t('debrief.deal'), o.deal ? `✓ ${t('debrief.deal')}` : `✗ ${t('debrief.noDeal')}`],
  ];
  if (ending && shown?.detail) rows.push([t(`debrief.endingDetail.${ending.kind}`), shown.detail]);
  if (o.revenueHT !== null) rows.push([t('debrief.revenue'), f.euros(o.revenueHT)]);
  if (o.marge !== null) rows.push([t('debrief.marge'), f.euros(o.marge)]);
  if (o.tauxDeMarque !== null) rows.push([t('debrief.markup'), f.percent(o.tauxDeMarque)]);
  if (nego) {
    if (nego.finalNetUnitPriceHt) rows.push([t('debrief.netPrice'), f.euros(Number(nego.finalNetUnitPriceHt))]);
    rows.push([t('debrief.objective'), f.percent(Number(nego.objectiveTauxDeMarque))]);
    rows.push([t('debrief.floor'), f.percent(Number(nego.minTauxDeMarque))]);
    const concessions = t('debrief.concessions', {
      count: nego.concessionsCount,
      free: nego.concessionsWithoutCounterpart,
    });
    rows.push([t('debrief.concessionsLabel'), concessions]);
    rows.push(...dealRows(nego, index, lang, t));
  }
  rows.push([t('debrief.needs'), t('debrief.needsValue', { found: o.needsDiscovered, total: o.needsTotal })]);
  rows.push(
    [t('debrief.finalTrust'), t('debrief.outOf100', { value: o.trust })],
    [t('debrief.finalInterest'), t('debrief.outOf100', { value: o.interest })],
    [t('debrief.finalIrritation'), t('debrief.outOf100', { value: o.irritation })],
  );
  return h(
    'section',
    { class: 'debrief__outcome', 'aria-labelledby': 'outcome-heading' },
    h('h2', { id: 'outcome-heading' }, t('debrief.outcome')),
    shown ? h('p', {}, shown.summary) : null,
    h('dl', { class: 'figures' }, ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
  );
}
