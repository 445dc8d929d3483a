import { describe, expect, it } from 'vitest';
import {
  applyNegotiationMove,
  type NegotiationMove,
  negotiationOutcomeKey,
  negotiationResult,
  startNegotiation,
} from '../../../src/core/negotiation/index.ts';
import { seedRng } from '../../../src/core/random.ts';
import { car, coldClient, copier, warmClient } from './fixtures.ts';
import { play, skills } from './play.ts';

function refusal(move: unknown, spec = copier) {
  const { state, rng } = startNegotiation(spec, warmClient, seedRng(3));
  const outcome = applyNegotiationMove(spec, state, move as NegotiationMove, rng);
  return outcome.ok ? undefined : outcome.reason;
}

describe('moves the interface must not send are refused, with a reason, and change nothing', () => {
  it('a concession on an item the scenario does not negotiate', () => {
    expect(refusal({ type: 'concede', item: 'commitmentMonths', value: 24 }, car)).toEqual({
      code: 'unknown-item',
      item: 'commitmentMonths',
    });
  });

  it('an offer with an unknown item or a value out of range names the problem', () => {
    expect(refusal({ type: 'offer', terms: { colour: 'red' } })).toEqual({
      code: 'invalid-terms',
      problems: [{ code: 'unknown-item', item: 'colour' }],
    });
    expect(refusal({ type: 'offer', terms: { commitmentMonths: 60 } })).toEqual({
      code: 'invalid-terms',
      problems: [{ code: 'out-of-range', item: 'commitmentMonths', min: 12, max: 48 }],
    });
  });

  it('"conceding" a value that gives the client nothing', () => {
    expect(refusal({ type: 'concede', item: 'commitmentMonths', value: 24 })).toEqual({
      code: 'not-a-concession',
      item: 'commitmentMonths',
    });
  });

  it('a malformed move', () => {
    expect(refusal({ type: 'dance' })?.code).toBe('invalid-move');
    expect(refusal(null)?.code).toBe('invalid-move');
  });

  it('any move after the end', () => {
    const table = play(copier, warmClient, [{ type: 'leave' }]);
    expect(negotiationOutcomeKey(table.state)).toBe('noDeal');
    const outcome = applyNegotiationMove(copier, table.state, { type: 'refuse', argument: 'x' }, seedRng(1));
    expect(outcome).toEqual({ ok: false, reason: { code: 'negotiation-over', status: 'no-deal' } });
  });

  it('a state from another negotiation', () => {
    const { state } = startNegotiation(car, warmClient, seedRng(1));
    expect(applyNegotiationMove(copier, state, { type: 'leave' }, seedRng(1))).toEqual({
      ok: false,
      reason: { code: 'spec-mismatch', specId: 'car-sale' },
    });
  });
});

describe('what the client does', () => {
  it('refuses payment at 90 days: illegal in French B2B law, and the mistake is recorded', () => {
    const table = play(copier, warmClient, [
      { type: 'offer', terms: { paymentDays: { days: 90, endOfMonth: false } } },
    ]);
    expect(table.responses[0]).toMatchObject({
      kind: 'reject',
      reason: 'illegal-terms',
      line: { key: 'reject-illegal' },
    });
    expect(table.evidence[0]).toEqual([
      { skill: 'negotiation.illegal-terms', strength: 3, facts: { payment: 'more-than-60-days' } },
    ]);
    expect(table.state.sellerTerms.paymentDays).toEqual({ days: 30, endOfMonth: false });
  });

  it('walks away from a seller who keeps refusing without an argument', () => {
    const table = play(copier, coldClient, [{ type: 'refuse' }, { type: 'refuse' }, { type: 'refuse' }]);
    expect(table.responses.map((r) => r.kind)).toEqual(['counter-offer', 'counter-offer', 'walk-away']);
    expect(negotiationOutcomeKey(table.state)).toBe('walkAway');
    expect(negotiationResult(copier, table.state).outcome).toBe('client-walks-away');
  });

  it('gives ground to an argued refusal, and takes the second one less well', () => {
    const table = play(copier, warmClient, [
      { type: 'refuse', argument: 'maintenance-included' },
      { type: 'refuse', argument: 'local-technician' },
    ]);
    expect(table.evidence.map((e) => e.map((x) => `${x.skill}:${x.strength}`))).toEqual([
      ['negotiation.refusal-argued:2'],
      ['negotiation.refusal-argued:1'],
    ]);
    expect(table.state.irritation).toBe(1);
    expect(table.state.level).toBeGreaterThan(0);
  });

  it('holds a seller who went back on a concession against him', () => {
    const table = play(copier, warmClient, [
      { type: 'concede', item: 'discountPercent', value: 5 },
      { type: 'offer', terms: { discountPercent: 2 } },
    ]);
    expect(table.responses[1]).toMatchObject({ kind: 'reject', reason: 'backtrack' });
    expect(table.state.irritation).toBe(2);
  });

  it('is annoyed by a lowball: one cent off the car for a 60-day delivery', () => {
    const table = play(car, coldClient, [{ type: 'offer', terms: { unitPrice: 18899.99, deliveryDays: 60 } }]);
    expect(table.responses[0]).toMatchObject({ kind: 'reject', reason: 'offer-too-low' });
    expect(table.state.irritation).toBe(1);
    expect(table.state.level).toBe(0);
  });

  it("speaks the scenario's own words when it gives some", () => {
    const { response } = startNegotiation(copier, warmClient, seedRng(1));
    expect(response.line).toEqual({
      key: 'opening',
      text: {
        fr: 'Il me faudrait 10 % puis 5 % de remise, et un paiement à 60 jours.',
        en: 'I would need 10% then 5% off, and 60 days to pay.',
      },
    });
  });
});

describe('presenting the price', () => {
  it('after value, with a sandwich: two skills shown, and the client softens', () => {
    const table = play(car, warmClient, [{ type: 'present-price', technique: 'sandwich' }]);
    expect(skills(table.evidence[0] ?? [])).toEqual(['price.after-value', 'price.sandwich']);
    expect(table.state.level).toBeGreaterThan(0);
  });

  it('before value: the jury notes it, whatever the technique', () => {
    const table = play(car, coldClient, [{ type: 'present-price', technique: 'fractioning' }]);
    expect(skills(table.evidence[0] ?? [])).toEqual(['price.before-value', 'price.fractioning']);
    expect(table.evidence[0]?.[1]?.strength).toBe(1);
    expect(table.state.level).toBe(0);
  });
});

describe('closing conditionally', () => {
  it("« si je vous accorde 8 %, vous signez aujourd'hui ? » on terms the client accepts ends in a deal with a preserved margin", () => {
    const table = play(copier, warmClient, [
      { type: 'refuse', argument: 'value' },
      { type: 'concede', item: 'discountPercent', value: 4, counterpart: { item: 'commitmentMonths', value: 24 } },
      {
        type: 'concede',
        item: 'discountPercent',
        value: 6,
        counterpart: { item: 'paymentDays', value: { days: 15, endOfMonth: false } },
      },
    ]);
    expect(skills(table.evidence[2] ?? [])).toEqual([
      'negotiation.concession-with-counterpart',
      'negotiation.decreasing-concessions',
    ]);
    const demand = table.responses.at(-1);
    if (demand?.kind !== 'counter-offer') return expect.fail('expected a counter-offer');
    expect(demand.terms.discountPercent).toBe(8);

    const close = applyNegotiationMove(
      copier,
      table.state,
      { type: 'conditional-close', terms: demand.terms, condition: 'sign-today' },
      seedRng(9),
    );
    if (!close.ok) return expect.fail('the close must be playable');
    expect(close.response.kind).toBe('accept');
    expect(skills(close.evidence)).toEqual([
      'negotiation.concession-with-counterpart',
      'negotiation.margin-preserved',
      'closing.conditional',
    ]);
    expect(negotiationResult(copier, close.state)).toMatchObject({
      status: 'deal',
      tauxDeMarque: '31.39',
      belowFloor: false,
      counterpartsObtained: 5,
    });
  });
});
