import type { TFunction } from 'i18next';
import type { Evidence, EvidenceFacts } from '../core/negotiation/index.ts';
import type { ScenarioIndex } from '../core/scenario/scenario-index.ts';
import { pickText } from '../core/scenario/text.ts';
import type { UiLanguage } from '../i18n/languages.ts';
import { formats } from './format.ts';

/**
 * A negotiation move's faults said the way a jury would say them to the candidate, with the
 * move's own figures: "You granted 10 % at once — your whole mandate — and asked nothing in
 * return", never the name of a skill. A fault without a sentence of its own falls back to the
 * skill's description.
 */
export function faultSentences(
  index: ScenarioIndex,
  evidence: readonly Evidence[],
  lang: UiLanguage,
  t: TFunction,
): string[] {
  return evidence
    .filter((e) => index.skills.polarity(e.skill) === 'negative')
    .map((e) => {
      const key = `present:faults.${e.skill}`;
      const facts = factsInWords(e.facts, lang, t);
      return t(key, { ...facts, defaultValue: pickText(index.skills.get(e.skill)?.description, lang) });
    });
}

function factsInWords(facts: EvidenceFacts | undefined, lang: UiLanguage, t: TFunction): Record<string, string> {
  if (!facts) return {};
  const f = formats(lang);
  const pct = (v: string | undefined) => (v === undefined ? '' : f.percent(Number(v)));
  const eur = (v: string | undefined) => (v === undefined ? '' : f.euros(Number(v)));
  return {
    step: pct(facts.step),
    previous: pct(facts.previous),
    discount: pct(facts.discount),
    mandate: pct(facts.mandate),
    midpoint: pct(facts.midpoint),
    netUnitPriceHt: eur(facts.netUnitPriceHt),
    floorPriceHt: eur(facts.floorPriceHt),
    marginHt: eur(facts.marginHt),
    tauxDeMarque: pct(facts.tauxDeMarque),
    objective: pct(facts.objective),
    payment: facts.payment ? t(`present:payment.${facts.payment}`, { defaultValue: facts.payment }) : '',
  };
}
