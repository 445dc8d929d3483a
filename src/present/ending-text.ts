import type { TFunction } from 'i18next';
import type { NegotiationSpec, Terms } from '../core/negotiation/index.ts';
import { htToTtc, toCents, type Decimal } from '../core/pricing/index.ts';
import { endingTerms, fillPlaceholders, type EndingPlaceholder } from '../core/scenario/ending-template.ts';
import type { Ending } from '../core/scenario/format.ts';
import type { ScenarioIndex } from '../core/scenario/scenario-index.ts';
import { pickText, type LocalizedText } from '../core/scenario/text.ts';
import type { UiLanguage } from '../i18n/languages.ts';
import { formats } from './format.ts';
import { describeValue } from './negotiation.ts';

/**
 * An ending as the student reads it, its placeholders filled from the negotiated terms: the
 * game's end card, the debrief and `negosim play` all show this text.
 */
export interface EndingTextView {
  title: string;
  summary: string;
  /** The sale's terms, the appointment's next step, the follow-up or the reason the sale was lost. */
  detail: string;
}

export function endingTextView(
  index: ScenarioIndex,
  ending: Ending,
  agreed: Terms | null,
  lang: UiLanguage,
  t: TFunction,
): EndingTextView {
  const fill = endingFiller(index.scenario.phases.closing.negotiation, agreed, lang, t);
  const text = (value: LocalizedText) => fill(pickText(value, lang));
  return { title: pickText(ending.title, lang), summary: text(ending.summary), detail: text(endingDetail(ending)) };
}

function endingDetail(ending: Ending): LocalizedText {
  switch (ending.kind) {
    case 'sale':
      return ending.terms.description;
    case 'appointment':
      return ending.nextStep;
    case 'kept':
      return ending.followUp;
    case 'lost':
      return ending.reason;
  }
}

/** A function that fills a text's placeholders (identity when the scenario has no negotiation). */
export function endingFiller(
  spec: NegotiationSpec | undefined,
  agreed: Terms | null,
  lang: UiLanguage,
  t: TFunction,
): (text: string) => string {
  if (!spec) return (text) => text;
  const { terms, economics } = endingTerms(spec, agreed);
  const f = formats(lang);
  const ttc = (ht: Decimal) => {
    const r = htToTtc({ ht: toCents(ht), vatPercent: spec.seller.vatPercent });
    return r.ok ? r.value.toNumber() : ht.toNumber();
  };
  const values: Record<EndingPlaceholder, () => string> = {
    discount: () => describeValue('discountPercent', terms.discountPercent, lang, t, spec),
    netPrice: () => f.euros(toCents(economics.netUnitPriceHt).toNumber()),
    netPriceTtc: () => f.euros(ttc(economics.netUnitPriceHt)),
    revenue: () => f.euros(toCents(economics.revenueHt).toNumber()),
    revenueTtc: () => f.euros(ttc(economics.revenueHt)),
    quantity: () => describeValue('quantity', terms.quantity, lang, t, spec),
    deliveryDays: () => describeValue('deliveryDays', terms.deliveryDays, lang, t, spec),
    paymentTerms: () => describeValue('paymentDays', terms.paymentDays, lang, t, spec),
    services: () => describeValue('services', terms.services, lang, t, spec),
    commitmentMonths: () => describeValue('commitmentMonths', terms.commitmentMonths, lang, t, spec),
  };
  return (text) => fillPlaceholders(text, (name) => values[name]());
}
