import type { TFunction } from 'i18next';
import {
  coefficientMultiplicateur,
  htToTtc,
  invoice,
  marge,
  prixPlancher,
  remiseMaximale,
  ristourneAvoir,
  tauxDeMarge,
  tauxDeMarque,
  type PricingResult,
} from '../core/pricing/index.ts';
import type { UiLanguage } from '../i18n/languages.ts';
import { formats } from './format.ts';

/** One term of the glossary, in the reader's language: the game's dialog and `negosim glossary` show the same. */
export interface GlossaryEntry {
  id: string;
  term: string;
  definition: string;
  /** The formula in words, when the term has one. */
  formula: string | null;
  /** A worked example whose figures come from the core's pricing functions, formatted with Intl. */
  example: string | null;
}

/** The terms, in the order a student meets them: margins, prices, reductions, then the negotiation's words. */
export const GLOSSARY_TERMS = [
  'marge',
  'tauxDeMarge',
  'tauxDeMarque',
  'coefficient',
  'htTtc',
  'prixPlancher',
  'remiseMaximale',
  'mandat',
  'remise',
  'rabais',
  'ristourne',
  'cascade',
  'escompte',
  'contrepartie',
  'delaiPaiement',
] as const;
export type GlossaryTerm = (typeof GLOSSARY_TERMS)[number];

const value = <T>(r: PricingResult<T>): T => {
  if (!r.ok) throw new Error(`glossary example: ${r.error.code} on ${r.error.field}`);
  return r.value;
};

/**
 * The figures of each worked example, computed by the core from the domain reference's test
 * vectors (TV1 margins, TV3 coefficient, OWN1 floor, TV6 remise, C4 ristourne, TV8 escompte; the
 * cascade is the calculator's documented `10,5`), as numbers in euros or percent.
 */
export function glossaryFigures(): Record<string, Record<string, number>> {
  const n = (d: { toNumber(): number }) => d.toNumber();
  const floor = value(prixPlancher({ costHt: 60, minTauxDeMarque: 30 }));
  const tv6 = value(invoice({ gross: 3550, reductions: [{ ratePercent: 10 }], vatPercent: 19.6 }));
  const cascade = value(
    invoice({ gross: 2000, reductions: [{ ratePercent: 10 }, { ratePercent: 5 }], vatPercent: 20 }),
  );
  const tv8 = value(invoice({ gross: 3000, reductions: [{ ratePercent: 20 }], escomptePercent: 2, vatPercent: 0 }));
  const avoir = value(ristourneAvoir({ turnoverHt: 48000, ratePercent: 2, vatPercent: 20 }));
  return {
    marge: { cost: 80, price: 120, margin: n(value(marge({ costHt: 80, priceHt: 120 }))) },
    tauxDeMarge: { cost: 80, margin: 40, rate: n(value(tauxDeMarge({ costHt: 80, priceHt: 120 }))) },
    tauxDeMarque: { price: 120, margin: 40, rate: n(value(tauxDeMarque({ costHt: 80, priceHt: 120 }))) },
    coefficient: {
      cost: 15,
      price: 45,
      coefficient: n(value(coefficientMultiplicateur({ costHt: 15, priceTtc: 45 }))),
    },
    htTtc: { ht: 960, vat: 20, ttc: n(value(htToTtc({ ht: 960, vatPercent: 20 }))) },
    prixPlancher: { cost: 60, min: 30, floor: n(floor) },
    remiseMaximale: {
      floor: n(floor),
      list: 100,
      rate: n(value(remiseMaximale({ prixPlancher: floor, listPriceHt: 100 }))),
    },
    remise: {
      rate: 10,
      gross: 3550,
      discount: n(tv6.gross.minus(tv6.netCommercial)),
      net: n(tv6.netCommercial),
    },
    ristourne: { rate: 2, turnover: 48000, credit: n(avoir.ht), creditTtc: n(avoir.ttc) },
    cascade: {
      first: 10,
      second: 5,
      gross: 2000,
      net: n(cascade.netCommercial),
      equivalent: n(cascade.tauxEquivalent),
    },
    escompte: {
      rate: 2,
      net: n(tv8.netCommercial),
      escompte: n(tv8.escompte.amount),
      financial: n(tv8.netFinancier),
    },
  };
}

/** Which placeholders are rates (the rest are amounts in euros, the coefficient a plain number). */
const RATES = new Set(['rate', 'min', 'vat', 'first', 'second', 'equivalent']);

/** The glossary in the reader's language, each worked example formatted as the rest of NegoSim writes figures. */
export function glossary(lang: UiLanguage, t: TFunction): GlossaryEntry[] {
  const f = formats(lang);
  const figures = glossaryFigures();
  return GLOSSARY_TERMS.map((id) => {
    const key = `glossary:entries.${id}`;
    const has = (part: string) => t(`${key}.${part}`, { defaultValue: '' }) !== '';
    const shown = Object.fromEntries(
      Object.entries(figures[id] ?? {}).map(([name, v]) => [
        name,
        RATES.has(name) ? f.percent(v) : name === 'coefficient' ? f.number(v) : f.euros(v),
      ]),
    );
    return {
      id,
      term: t(`${key}.term`),
      definition: t(`${key}.definition`),
      formula: has('formula') ? t(`${key}.formula`) : null,
      example: has('example') ? t(`${key}.example`, shown) : null,
    };
  });
}

/** The glossary as lines for a terminal: the term, then its definition, formula and example indented. */
export function glossaryLines(lang: UiLanguage, t: TFunction): string[] {
  return glossary(lang, t).flatMap((e) => [
    e.term,
    `  ${e.definition}`,
    ...(e.formula ? [`  ${t('glossary:formula')} — ${e.formula}`] : []),
    ...(e.example ? [`  ${t('glossary:example')} — ${e.example}`] : []),
    '',
  ]);
}
