import { describe, expect, it } from 'vitest';
import { showPlace } from '../../src/cli/play/transcript.ts';
import { checkScenario } from '../../src/core/check/check-scenario.ts';
import { loadScenarioDocument } from '../../src/core/scenario/load.ts';
import { indexScenario, type ScenarioIndex } from '../../src/core/scenario/scenario-index.ts';
import { evaluateVisit } from '../../src/core/scoring/evaluate.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { gameResources } from '../../src/i18n/game-resources.ts';
import { timelineRows } from '../../src/present/debrief.ts';
import { endingFiller } from '../../src/present/ending-text.ts';
import { describeValue } from '../../src/present/negotiation.ts';
import { visitView } from '../../src/present/visit-view.ts';
import { baseScenario } from '../support/error-examples.ts';
import { applyPatch, type PatchOp } from '../support/json-patch.ts';
import { MINI_BEST, play } from '../support/fixtures.ts';
import { pack, skills } from '../support/referentials.ts';

/**
 * Conditional dialogue (issue 12): a line or a choice says what fits the path that reached it,
 * validation finds its broken references, `negosim check` finds texts that presume a need a
 * path has not revealed, and ending texts say the negotiated terms.
 */
const t = createI18n('fr', gameResources).t;
const A1 = '/phases/argument/nodes/0';
const load = (patch: PatchOp[]) => loadScenarioDocument(applyPatch(baseScenario(), patch), skills);
const indexOf = (patch: PatchOp[]): ScenarioIndex => {
  const r = load(patch);
  if (!r.scenario) throw new Error(JSON.stringify(r.diagnostics));
  return indexScenario(r.scenario, skills);
};
const codes = (patch: PatchOp[]) => load(patch).diagnostics.map((d) => `${d.code} ${d.path}`);
const checked = (patch: PatchOp[]) =>
  checkScenario(indexOf(patch), pack('ndrc')).diagnostics.filter((d) => /NS11[456]/.test(d.code));

const volumesLine = {
  when: { need: 'volume' },
  text: { fr: 'Pour mes 20 cartons par mois, alors ?', en: 'For my 20 boxes a month, then?' },
  presumes: ['volume'],
};
const PITCHED = ['prep-plan', 'p1-pitch'];
const ASKED = ['prep-plan', 'p1-agenda', 'd1-open', 'd2-budget'];

describe('line and choice variants', () => {
  const index = indexOf([
    { op: 'add', path: `${A1}/variants`, value: [volumesLine] },
    {
      op: 'add',
      path: `${A1}/choices/1/variants`,
      value: [
        { when: { chose: 'p1-pitch' }, text: { fr: 'Comme je disais, nos gammes…', en: 'As I said, our ranges…' } },
      ],
    },
  ]);

  it('the client says the variant on the path it was written for, and the base line elsewhere', () => {
    const asked = play(index, ASKED);
    expect(visitView(index, asked.context(), asked.stage(), 'fr').line).toBe('Pour mes 20 cartons par mois, alors ?');
    const pitched = play(index, PITCHED);
    expect(visitView(index, pitched.context(), pitched.stage(), 'fr').line).toBe("Qu'avez-vous à me proposer ?");
  });

  it('a choice shows its variant, and the debrief and the terminal show the words the student saw', () => {
    const pitched = play(index, PITCHED);
    const shown = visitView(index, pitched.context(), pitched.stage(), 'fr').choices.map((c) => c.text);
    expect(shown).toContain('Comme je disais, nos gammes…');
    const printed: string[] = [];
    showPlace(index, pitched.context(), 'fr', (l) => printed.push(l), t);
    expect(printed.join('\n')).toContain('Comme je disais, nos gammes…');

    const after = play(index, [...PITCHED, 'a1-generic']);
    const rows = timelineRows(index, after.context(), 'fr', t);
    expect(rows.at(-1)?.text).toBe('Comme je disais, nos gammes…');
    const other = play(index, [...ASKED, 'a1-generic']);
    expect(timelineRows(index, other.context(), 'fr', t).at(-1)?.text).toBe('Notre papier est le meilleur du marché.');
  });
});

describe('validation of variants and presumptions', () => {
  it('an unknown flag in a variant condition and an unknown presumed need are reported at their paths', () => {
    expect(
      codes([
        { op: 'add', path: `${A1}/variants`, value: [{ ...volumesLine, when: { flag: 'prepared' } }] },
        { op: 'add', path: `${A1}/choices/0/presumes`, value: ['volumes'] },
      ]),
    ).toEqual([`NS034 ${A1}/variants/0/when/flag`, `NS035 ${A1}/choices/0/presumes/0`]);
  });
});

describe('texts that presume a need (NS114) and variants never shown (NS116)', () => {
  it('a line presuming a need some path leaves undiscovered is a warning with that path', () => {
    const found = checked([{ op: 'add', path: `${A1}/presumes`, value: ['volume'] }]);
    expect(found.map((d) => [d.code, d.path, d.params['need']])).toEqual([['NS114', A1, 'volume']]);
    expect(String(found[0]?.params['path'])).toContain('p1-pitch');
    expect(String(found[0]?.params['path'])).not.toContain('d1-open');
  });

  it('the same words in a variant conditioned on the need, or in a choice that needs it, are fine', () => {
    expect(
      checked([
        { op: 'add', path: `${A1}/variants`, value: [volumesLine] },
        { op: 'add', path: `${A1}/choices/0/presumes`, value: ['volume'] },
      ]),
    ).toEqual([]);
  });

  it('a variant whose condition can never hold is reported', () => {
    const never = { ...volumesLine, when: { gauge: 'trust', gte: 100 }, presumes: [] };
    expect(checked([{ op: 'add', path: `${A1}/variants`, value: [never] }]).map((d) => d.code)).toEqual(['NS116']);
  });
});

const negotiation = {
  id: 'nego',
  items: [{ kind: 'discountPercent', max: 15 }],
  seller: {
    listPriceHt: 30,
    unitCostHt: 20,
    vatPercent: 20,
    quantity: 20,
    maxDiscountPercent: 5,
    minTauxDeMarquePercent: 25,
  },
  client: {
    patience: 4,
    concessionStyle: 'steady',
    targets: { discountPercent: { opening: 8, reservation: 3, weight: 1 } },
  },
  outcomes: { deal: 'f1', noDeal: 'f2', walkAway: 'end-lost' },
};
const withNego: PatchOp = { op: 'add', path: '/phases/closing/negotiation', value: negotiation };
const summary = (fr: string): PatchOp => ({ op: 'replace', path: '/endings/0/summary', value: { fr, en: fr } });

describe('endings from the deal', () => {
  it('placeholders are checked: unknown, not negotiated, without a negotiation, in a title', () => {
    expect(codes([withNego, summary('Commande avec {{discount}} de remise.')])).toEqual([]);
    expect(codes([withNego, summary('Remise {{discout}}.')])).toEqual([
      'NS070 /endings/0/summary/fr',
      'NS070 /endings/0/summary/en',
    ]);
    expect(codes([withNego, summary('Pour {{commitmentMonths}}.')])[0]).toBe('NS071 /endings/0/summary/fr');
    expect(codes([summary('À {{netPrice}}.')])[0]).toBe('NS072 /endings/0/summary/fr');
    const title: PatchOp = { op: 'replace', path: '/endings/0/title', value: { fr: '{{discount}}', en: 'x' } };
    expect(codes([withNego, title])).toEqual(['NS073 /endings/0/title/fr']);
  });

  it('an ending after the deal that writes a negotiated figure is a warning (not a VAT rate)', () => {
    const found = checked([withNego, summary('Commande de 20 cartons avec 5 % de remise.')]);
    expect(found.map((d) => [d.code, d.params['figure']])).toEqual([
      ['NS115', '5 %'],
      ['NS115', '5 %'],
    ]);
    expect(checked([withNego, summary('Commande de 20 cartons, TVA à 20 %.')])).toEqual([]);
  });

  it('placeholders are filled from the agreed terms, else from the quote', () => {
    const spec = indexOf([withNego]).scenario.phases.closing.negotiation;
    const fill = (agreed: { discountPercent: number } | null) =>
      endingFiller(spec, agreed, 'fr', t)('Remise {{discount}}, soit {{netPrice}} HT.');
    expect(fill({ discountPercent: 3 })).toBe(
      `Remise ${describeValue('discountPercent', 3, 'fr', t)}, soit 29,10\u00a0€ HT.`,
    );
    expect(fill(null)).toBe(`Remise ${describeValue('discountPercent', 0, 'fr', t)}, soit 30,00\u00a0€ HT.`);
  });
});

describe('a kept appointment without a sale', () => {
  const kept = {
    id: 'end-kept',
    kind: 'kept',
    title: { fr: 'Rendez-vous honoré', en: 'Appointment kept' },
    summary: { fr: 'Pas de commande aujourd’hui.', en: 'No order today.' },
    followUp: { fr: 'Relance le 15 septembre.', en: 'Follow-up on 15 September.' },
  };
  const index = indexOf([
    { op: 'add', path: '/endings/-', value: kept },
    { op: 'replace', path: '/phases/followup/nodes/1/choices/0/next', value: 'end-kept' },
  ]);

  it('ends the visit with its follow-up shown, and counts as no deal', () => {
    const path = [...MINI_BEST.slice(0, 6), 'c1-later', 'f2-next'];
    const ctx = play(index, path).context();
    const card = visitView(index, ctx, 'debrief', 'fr', t).ending;
    expect(card).toMatchObject({ kind: 'kept', title: 'Rendez-vous honoré', detail: 'Relance le 15 septembre.' });
    const outcome = evaluateVisit(index, pack('ndrc'), ctx).outcome;
    expect(outcome).toMatchObject({ kind: 'kept', deal: false, revenueHT: null });
  });

  it('cannot be where a negotiated deal leads (a deal is a sale)', () => {
    const dealToKept = { ...negotiation, outcomes: { ...negotiation.outcomes, deal: 'end-kept' } };
    expect(
      codes([
        { op: 'add', path: '/endings/-', value: kept },
        { op: 'add', path: '/phases/closing/negotiation', value: dealToKept },
      ]),
    ).toContain('NS044 /phases/closing/negotiation/outcomes/deal');
  });
});
