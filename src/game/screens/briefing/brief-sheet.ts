import type { TFunction } from 'i18next';
import { floorPriceOf } from '../../../core/negotiation/economics.ts';
import { htToTtc } from '../../../core/pricing/vat.ts';
import type { Scenario } from '../../../core/scenario/format.ts';
import { pickText } from '../../../core/scenario/text.ts';
import type { UiLanguage } from '../../../i18n/languages.ts';
import { formats } from '../../../present/format.ts';
import { displayPrice, showsTtc } from '../../../present/negotiation.ts';
import { h } from '../../dom/h.ts';

/** « Fiche de préparation »: what a candidate reads en loge — company, context, client, offer, objectives, room. */
export function briefSheet(scenario: Scenario, lang: UiLanguage, t: TFunction): HTMLElement {
  const b = scenario.brief;
  const p = scenario.persona;
  const section = (title: string, ...children: (Node | string | null)[]) =>
    h('section', { class: 'sheet__block' }, h('h2', {}, title), ...children);
  const list = (items: string[]) => h('ul', {}, ...items.map((x) => h('li', {}, x)));
  const objectives = (['high', 'realistic', 'fallback'] as const).flatMap((level) => [
    h('dt', {}, t(`briefing.${level}`)),
    h('dd', {}, pickText(b.objectives[level], lang)),
  ]);
  return h(
    'div',
    { class: 'sheet' },
    section(
      t('briefing.company'),
      h('p', {}, h('strong', {}, b.seller.company), ' — ', pickText(b.seller.description, lang)),
      h('p', {}, t('briefing.youAre', { role: pickText(b.seller.role, lang) })),
    ),
    section(t('briefing.context'), h('p', {}, pickText(b.context, lang))),
    section(t('briefing.client'), h('p', {}, h('strong', {}, p.name), `, ${pickText(p.role, lang)} — ${p.company}`)),
    section(t('briefing.known'), list(b.knownAboutClient.map((k) => pickText(k, lang)))),
    section(t('briefing.offer'), h('p', {}, pickText(b.offer.description, lang)), tariffTable(scenario, lang, t)),
    section(t('briefing.objectives'), h('dl', { class: 'objectives' }, ...objectives)),
    section(t('briefing.room'), list(roomToManoeuvre(scenario, lang, t))),
  );
}

function tariffTable(scenario: Scenario, lang: UiLanguage, t: TFunction): HTMLElement {
  const f = formats(lang);
  const offer = scenario.brief.offer;
  const ttcFirst = showsTtc(scenario.phases.closing.negotiation);
  const rows = offer.items.map((item) => {
    const ttc = htToTtc({ ht: item.listPriceHT, vatPercent: offer.vatRate });
    const unit = item.unit ? ` ${t('briefing.perUnit', { unit: pickText(item.unit, lang) })}` : '';
    const cells = [
      h('td', {}, f.euros(item.listPriceHT) + unit),
      h('td', {}, ttc.ok ? f.euros(ttc.value.toNumber()) + unit : '—'),
    ];
    return h('tr', {}, h('th', { scope: 'row' }, pickText(item.label, lang)), ...(ttcFirst ? cells.reverse() : cells));
  });
  // A private buyer is quoted TTC: that column comes first.
  const columns = ttcFirst ? ['briefing.priceTTC', 'briefing.priceHT'] : ['briefing.priceHT', 'briefing.priceTTC'];
  const head = ['briefing.item', ...columns].map((k) => h('th', { scope: 'col' }, t(k)));
  return h(
    'table',
    { class: 'tariff' },
    h('caption', {}, `${t('briefing.tariff')} · ${t('briefing.vat', { rate: f.percent(offer.vatRate) })}`),
    h('thead', {}, h('tr', {}, ...head)),
    h('tbody', {}, ...rows),
  );
}

/** The constraints of the brief, then the mandate and the floor price of the negotiation. */
function roomToManoeuvre(scenario: Scenario, lang: UiLanguage, t: TFunction): string[] {
  const f = formats(lang);
  const room = scenario.brief.constraints.map((c) => pickText(c, lang));
  const spec = scenario.phases.closing.negotiation;
  if (spec) {
    room.push(t('briefing.roomDiscount', { rate: f.percent(spec.seller.maxDiscountPercent) }));
    const floor = floorPriceOf(spec).toNumber();
    room.push(
      showsTtc(spec)
        ? t('briefing.roomFloorTtc', {
            price: displayPrice(spec, floor, lang, t),
            priceHt: f.euros(floor),
            rate: f.percent(spec.seller.minTauxDeMarquePercent),
          })
        : t('briefing.roomFloor', { price: f.euros(floor), rate: f.percent(spec.seller.minTauxDeMarquePercent) }),
    );
  }
  return room;
}
