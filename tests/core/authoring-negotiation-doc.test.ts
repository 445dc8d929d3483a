import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateTerms, NegotiationSpecSchema } from '../../src/core/negotiation/index.ts';
import { htToTtc } from '../../src/core/pricing/index.ts';
import { ROOT } from '../support/fixtures.ts';

/** docs/authoring.md shows each negotiation field with an example: its figures are held to the core's. */
const guide = readFileSync(join(ROOT, 'docs', 'authoring.md'), 'utf8');
const fragment = /```json negosim-negotiation\n([\s\S]+?)\n```/.exec(guide)?.[1];
const parsed = NegotiationSpecSchema.safeParse(JSON.parse(fragment ?? 'null'));
const fr = (value: string) => value.replace(/\B(?=(\d{3})+(?!\d))/g, ' ').replace('.', ',');

function figures(terms: object) {
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  const r = evaluateTerms(parsed.data, terms);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

describe('the negotiation example of docs/authoring.md', () => {
  it('is a valid negotiation step', () => {
    expect(fragment).toBeDefined();
    expect(parsed.error?.issues).toBeUndefined();
  });

  it('quotes the equivalent rate, the invoice, the rebate, the revenue and the margin of 4 % then 2 % with a 2 % RFA', () => {
    const e = figures({ discountPercent: [4, 2, 2] });
    expect(guide).toContain(`font **${fr(e.discountEquivalentPercent)} %**`);
    expect(guide).toContain(`la facture porte ${fr(e.invoicedUnitPriceHt)} € HT l'unité`);
    expect(guide).toContain(`la RFA de 2 % (${fr(e.rfaHt)} € HT)`);
    expect(guide).toContain(`chiffre d'affaires ${fr(e.revenueHt)} € HT, marge ${fr(e.marginHt)} € HT`);
  });

  it('quotes the deal’s value with the counterpart, and a TTC price', () => {
    const e = figures({ discountPercent: [4, 2, 2], counterparts: ['tete-de-gondole'] });
    expect(guide).toContain(`(marge + contreparties : ${fr(e.dealValueHt)} €`);
    const ttc = htToTtc({ ht: 12000, vatPercent: 5.5 });
    expect(guide).toContain(`12 000 € HT à 5,5 % : ${fr(ttc.ok ? ttc.value.toFixed(2) : '')} € TTC`);
  });
});
