import { describe, expect, it } from 'vitest';
import { calc, NBSP, NNBSP } from './calc-helpers.ts';

describe('negosim calc margin', () => {
  it('gives marge, taux de marge, taux de marque and the CM as one JSON object with two decimals', async () => {
    const run = await calc('fr', 'margin', '--cost', '80', '--price', '120', '--json');
    expect(run).toEqual({
      code: 0,
      out: '{"marge":40,"tauxDeMarge":50,"tauxDeMarque":33.33,"coefficient":1.8}',
      err: '',
    });
  });

  it('takes the VAT rate into the coefficient multiplicateur (PV TTC / PA HT)', async () => {
    const run = await calc('fr', 'margin', '--cost', '15', '--price', '37.5', '--vat', '20', '--json');
    expect(JSON.parse(run.out)).toMatchObject({ coefficient: 3, tauxDeMarque: 60, tauxDeMarge: 150 });
  });

  it('prints a French table labelled like a BTS correction, with French number formatting', async () => {
    const run = await calc('fr', 'margin', '--cost', '80', '--price', '120');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(new RegExp(`Marge unitaire +40,00${NBSP}€`));
    expect(run.out).toMatch(new RegExp(`Taux de marque +33,33${NNBSP}%`));
    expect(run.out).toMatch(/Coefficient multiplicateur \(PV TTC \/ PA HT\) +1,80/);
    expect(run.out).toMatch(new RegExp(`Prix de vente TTC \\(TVA 20${NNBSP}%\\) +144,00${NBSP}€`));
  });

  it('prints an English table when the user speaks English', async () => {
    const run = await calc('en', 'margin', '--cost', '80', '--price', '120');
    expect(run.out).toMatch(/Unit margin +€40\.00/);
    expect(run.out).toMatch(/Margin on price \(taux de marque\) +33\.33%/);
  });

  it('reads a French decimal comma in a single value: --vat 5,5 is 5.5 %', async () => {
    const comma = await calc('fr', 'margin', '--cost', '6.5', '--price', '8.45', '--vat', '5,5', '--json');
    const point = await calc('fr', 'margin', '--cost', '6.5', '--price', '8.45', '--vat', '5.5', '--json');
    expect(comma.out).toBe(point.out);
    expect(JSON.parse(comma.out)).toMatchObject({ coefficient: 1.37, tauxDeMarge: 30 });
  });
});

describe('negosim calc invoice', () => {
  it('applies 10 % then 5 % in cascade, then the escompte, then VAT on the net financier', async () => {
    const run = await calc(
      'fr',
      'invoice',
      '--gross',
      '2000',
      '--discounts',
      '10,5',
      '--escompte',
      '2',
      '--vat',
      '20',
      '--json',
    );
    expect(JSON.parse(run.out)).toEqual({
      brut: 2000,
      reductions: [
        { taux: 10, montant: 200, net: 1800 },
        { taux: 5, montant: 90, net: 1710 },
      ],
      netCommercial: 1710,
      escompte: 34.2,
      netFinancier: 1675.8,
      tva: 335.16,
      netAPayer: 2010.96,
      tauxEquivalent: 14.5,
    });
  });

  it('shows the invoice lines in the order of the course, amounts with a French thousands separator', async () => {
    const run = await calc('fr', 'invoice', '--gross', '2000', '--discounts', '10,5', '--escompte', '2');
    const labels = run.out.split('\n').map((line) => line.trim().split(/ {2,}/)[0]);
    expect(labels).toEqual([
      'Facture',
      `Montant brut HT`,
      `Remise 10${NNBSP}%`,
      'Net après remise',
      `Remise 5${NNBSP}%`,
      'Net commercial',
      `Escompte 2${NNBSP}%`,
      'Net financier',
      `TVA 20${NNBSP}%`,
      'Net à payer TTC',
      'Taux de remise équivalent',
    ]);
    expect(run.out).toContain(`2${NNBSP}010,96${NBSP}€`);
  });

  it('TV6 from the command line: 3 550 HT, remise 10 %, TVA 19,6 % → 3 821,22 TTC', async () => {
    const run = await calc('fr', 'invoice', '--gross', '3550', '--discounts', '10', '--vat', '19.6', '--json');
    expect(JSON.parse(run.out)).toMatchObject({ netCommercial: 3195, tva: 626.22, netAPayer: 3821.22, escompte: 0 });
  });
});

describe('negosim calc floor', () => {
  it('OWN1: cost 60, minimum taux de marque 30 %, tariff 100 → floor 85,71 and at most 14,29 % off', async () => {
    const run = await calc('fr', 'floor', '--cost', '60', '--min-markup-rate', '30', '--list', '100', '--json');
    expect(run).toEqual({ code: 0, out: '{"prixPlancher":85.71,"remiseMax":14.29}', err: '' });
  });

  it('prints the floor price and the maximum discount in a table', async () => {
    const run = await calc('fr', 'floor', '--cost', '60', '--min-markup-rate', '30', '--list', '100');
    expect(run.out).toMatch(new RegExp(`Prix plancher HT +85,71${NBSP}€`));
    expect(run.out).toMatch(new RegExp(`Remise maximale sur le tarif +14,29${NNBSP}%`));
  });
});

describe('negosim calc vat and split', () => {
  it('TV5: 15 HT at 19,6 % is 17,94 TTC, and 28 TTC is 23,41 HT', async () => {
    expect(JSON.parse((await calc('fr', 'vat', '--ht', '15', '--vat', '19.6', '--json')).out)).toEqual({
      ht: 15,
      tva: 2.94,
      ttc: 17.94,
    });
    expect(JSON.parse((await calc('fr', 'vat', '--ttc', '28', '--vat', '19.6', '--json')).out)).toEqual({
      ht: 23.41,
      tva: 4.59,
      ttc: 28,
    });
  });

  it('C1: 1 200 € is 33,33 € a month over 36 months, and 3,29 € a day over 365 days', async () => {
    expect(JSON.parse((await calc('fr', 'split', '--price', '1200', '--months', '36', '--json')).out)).toEqual({
      parMois: 33.33,
      parJour: 1.1,
    });
    expect(JSON.parse((await calc('fr', 'split', '--price', '1200', '--days', '365', '--json')).out)).toEqual({
      parJour: 3.29,
    });
  });

  it('says over how many days the daily figure is spread', async () => {
    const run = await calc('fr', 'split', '--price', '1200', '--months', '36');
    expect(run.out).toMatch(new RegExp(`Soit par jour \\(sur 1${NNBSP}095 jours\\) +1,10${NBSP}€`));
  });
});
