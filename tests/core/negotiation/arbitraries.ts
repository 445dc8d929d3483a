import fc from 'fast-check';
import type { NegotiationMove, NegotiationSpec, NegotiationState, Terms } from '../../../src/core/negotiation/index.ts';
import { termFavour } from '../../../src/core/negotiation/item-scales.ts';
import { Dec } from '../../../src/core/pricing/index.ts';

const cents = (min: number, max: number) =>
  fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((c) => c / 100);

/** Values a player might type for each item of a spec, mostly in range, sometimes not. */
function itemValues(spec: NegotiationSpec): Record<string, fc.Arbitrary<unknown>> {
  const values: Record<string, fc.Arbitrary<unknown>> = {};
  for (const item of spec.items) {
    switch (item.kind) {
      case 'discountPercent':
        values.discountPercent = fc.oneof(
          { weight: 4, arbitrary: cents(0, item.max + 2) },
          { weight: 1, arbitrary: fc.array(cents(0, item.max / 2), { minLength: 1, maxLength: 3 }) },
        );
        break;
      case 'unitPrice':
        values.unitPrice = cents(item.min * 0.95, spec.seller.listPriceHt * 1.02);
        break;
      case 'quantity':
      case 'deliveryDays':
      case 'commitmentMonths':
        values[item.kind] = fc.integer({ min: Math.max(0, item.min - 2), max: item.max + 2 });
        break;
      case 'paymentDays':
        values.paymentDays = fc.record({
          days: fc.integer({ min: 0, max: item.maxDays + 5 }),
          endOfMonth: fc.boolean(),
        });
        break;
      case 'services':
        values.services = fc.oneof(
          { weight: 9, arbitrary: fc.subarray(item.options.map((o) => o.id)) },
          { weight: 1, arbitrary: fc.constant(['gift-voucher']) },
        );
        break;
    }
  }
  return values;
}

function termsArb(spec: NegotiationSpec): fc.Arbitrary<Record<string, unknown>> {
  return fc.oneof(
    { weight: 9, arbitrary: fc.record(itemValues(spec), { requiredKeys: [] }) },
    // An unknown item now and then, to prove it is refused without harm.
    { weight: 1, arbitrary: fc.constant({ colour: 'red' }) },
  );
}

function itemValueArb(spec: NegotiationSpec): fc.Arbitrary<{ item: string; value: unknown }> {
  const values = itemValues(spec);
  return fc.oneof(
    ...Object.entries(values).map(([item, value]) => ({
      weight: 4,
      arbitrary: value.map((v) => ({ item, value: v })),
    })),
    { weight: 1, arbitrary: fc.constant({ item: 'colour', value: 'red' }) },
  );
}

/**
 * A move decided at the table: meet the client's current demand, moving the price only `share`
 * of the way from the seller's standing price (1 = give in entirely). Random moves alone would
 * rarely reach a deal; these do, often.
 */
export interface Meet {
  meet: number;
}

export function isMeet(move: unknown): move is Meet {
  return typeof move === 'object' && move !== null && 'meet' in move;
}

/** Any seller move — valid or not, including garbage — or a Meet. */
export function moveArb(spec: NegotiationSpec): fc.Arbitrary<NegotiationMove | Meet> {
  const itemValue = itemValueArb(spec);
  const arbs = [
    { weight: 4, arbitrary: termsArb(spec).map((terms) => ({ type: 'offer', terms })) },
    {
      weight: 5,
      arbitrary: fc
        .tuple(itemValue, fc.option(itemValue, { nil: undefined }))
        .map(([main, counterpart]) =>
          counterpart ? { type: 'concede', ...main, counterpart } : { type: 'concede', ...main },
        ),
    },
    {
      weight: 3,
      arbitrary: fc
        .option(fc.constantFrom('value-recap', 'Notre SAV est à 4 h.'), { nil: undefined })
        .map((argument) => (argument ? { type: 'refuse', argument } : { type: 'refuse' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('sandwich', 'fractioning', 'addition', 'comparison', 'plain')
        .map((technique) => ({ type: 'present-price', technique })),
    },
    {
      weight: 2,
      arbitrary: termsArb(spec).map((terms) => ({ type: 'conditional-close', terms, condition: 'sign-today' })),
    },
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 20 }).map((tenths) => ({ meet: Math.min(1, tenths / 10) })) },
    { weight: 1, arbitrary: fc.constant({ type: 'leave' }) },
    { weight: 1, arbitrary: fc.anything() },
  ];
  return fc.oneof(...arbs) as fc.Arbitrary<NegotiationMove | Meet>;
}

export const influenceArb = fc.record({
  trust: fc.oneof(fc.integer({ min: -20, max: 120 }), fc.constant(Number.NaN)),
  interest: fc.integer({ min: 0, max: 100 }),
  valueEstablished: fc.boolean(),
});

export const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });

/** Turns a Meet into an offer against the current state; other moves pass through. */
export function resolveMove(
  spec: NegotiationSpec,
  state: NegotiationState,
  move: NegotiationMove | Meet,
): NegotiationMove {
  if (!isMeet(move)) return move;
  const terms: Terms = structuredClone(state.clientDemand);
  const kind = spec.items.some((i) => i.kind === 'unitPrice') ? 'unitPrice' : 'discountPercent';
  const from = termFavour(spec, state.sellerTerms, kind);
  const to = termFavour(spec, state.clientDemand, kind);
  const discount = from.plus(to.minus(from).mul(move.meet));
  if (kind === 'discountPercent') terms.discountPercent = discount.toDecimalPlaces(2).toNumber();
  else
    terms.unitPrice = new Dec(spec.seller.listPriceHt)
      .mul(new Dec(1).minus(discount.div(100)))
      .toDecimalPlaces(2, Dec.ROUND_FLOOR)
      .toNumber();
  return { type: 'offer', terms };
}
