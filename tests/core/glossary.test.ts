import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { sharedResources } from '../../src/i18n/resources.ts';
import { formats } from '../../src/present/format.ts';
import { GLOSSARY_TERMS, glossary, glossaryFigures, glossaryLines } from '../../src/present/glossary.ts';

const tOf = (lang: 'fr' | 'en') => createI18n(lang, sharedResources).getFixedT(lang);

describe('the glossary', () => {
  it("computes each worked example with the core, giving the domain reference's test vectors", () => {
    const f = glossaryFigures();
    // TV1: PA 80, PV HT 120 → marge 40, taux de marge 50 %, taux de marque 33,33 %.
    expect(f.marge?.margin).toBe(40);
    expect(f.tauxDeMarge?.rate).toBe(50);
    expect(f.tauxDeMarque?.rate).toBeCloseTo(33.3333, 3);
    // TV3: PA HT 15, CM 3 → PV TTC 45.
    expect(f.coefficient?.coefficient).toBe(3);
    // C4: 960 HT → 1 152 TTC at 20 %.
    expect(f.htTtc?.ttc).toBe(1152);
    // OWN1: coût 60, taux de marque minimum 30 %, tarif 100 → plancher 85,71, remise maximale 14,29 %.
    expect(f.prixPlancher?.floor).toBe(85.71);
    expect(f.remiseMaximale?.rate).toBeCloseTo(14.29, 10);
    // TV6: brut 3 550, remise 10 % → 355, net commercial 3 195.
    expect(f.remise).toMatchObject({ discount: 355, net: 3195 });
    // C4: ristourne 2 % on 48 000 HT → avoir 960 HT, 1 152 TTC.
    expect(f.ristourne).toMatchObject({ credit: 960, creditTtc: 1152 });
    // Cascade 10 % then 5 %: equivalent 14,5 %, never the sum (15 %).
    expect(f.cascade).toMatchObject({ net: 1710, equivalent: 14.5 });
    // TV8: net 2 400, escompte 2 % → 48, net financier 2 352.
    expect(f.escompte).toMatchObject({ net: 2400, escompte: 48, financial: 2352 });
  });

  it('gives every term a definition in both languages, a formula and an example where there is one', () => {
    for (const lang of ['fr', 'en'] as const) {
      const entries = glossary(lang, tOf(lang));
      expect(entries.map((e) => e.id)).toEqual([...GLOSSARY_TERMS]);
      expect(entries.length).toBeGreaterThanOrEqual(12);
      for (const e of entries) {
        expect(e.term, e.id).not.toMatch(/^glossary:|entries\./);
        expect(e.definition.length, e.id).toBeGreaterThan(20);
        expect(e.example ?? '', e.id).not.toMatch(/{{/);
        expect(e.formula === null, e.id).toBe(e.example === null);
      }
    }
  });

  it('writes the figures with Intl, as the rest of NegoSim does', () => {
    const fr = glossary('fr', tOf('fr'));
    const byId = (id: string, list = fr) => list.find((e) => e.id === id);
    const f = formats('fr');
    expect(byId('tauxDeMarque')?.example).toContain(f.percent(100 / 3));
    expect(byId('prixPlancher')?.example).toContain(f.euros(85.71));
    expect(byId('cascade')?.example).toContain(f.percent(14.5));
    const en = glossary('en', tOf('en'));
    expect(byId('escompte', en)?.example).toContain(formats('en').euros(2352));
    // Taux de marque is a margin rate on the selling price, never "markup rate".
    expect(byId('tauxDeMarque', en)?.term).toMatch(/margin rate/i);
    expect(byId('tauxDeMarge', en)?.term).toMatch(/markup rate/i);
  });

  it('prints as terminal lines: the term, then its definition, formula and example', () => {
    const lines = glossaryLines('fr', tOf('fr'));
    expect(lines[0]).toBe('Marge');
    const f = formats('fr');
    expect(lines).toContain(
      `  Exemple — Coût ${f.euros(60)}, taux de marque minimum ${f.percent(30)}\u00a0: plancher ${f.euros(85.71)} HT.`,
    );
  });
});
