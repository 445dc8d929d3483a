import { equivalentOf } from '../pricing/index.ts';
import { cascadeShape, shapeDiscount } from './cascade.ts';
import { discountSteps, itemOf } from './item-scales.ts';
import { type PaymentIllegalReason, paymentIllegality } from './payment-law.ts';
import type { NegotiationSpec } from './spec.ts';
import { ITEM_KINDS, type ItemKind } from './spec-items.ts';
import { type Terms, TermsSchema } from './terms.ts';

export type TermsProblem =
  | { code: 'not-an-object' }
  | { code: 'unknown-item'; item: string }
  | { code: 'invalid-value'; item: ItemKind; message: string }
  | { code: 'out-of-range'; item: ItemKind; min?: number; max?: number }
  | { code: 'unknown-service'; item: 'services'; service: string }
  | { code: 'payment-terms-illegal'; item: 'paymentDays'; reason: PaymentIllegalReason };

function isItemKind(key: string): key is ItemKind {
  return (ITEM_KINDS as readonly string[]).includes(key);
}

/**
 * Problems of a proposal against a spec, in a stable order (by item). Illegal payment terms are
 * reported like the others; the client agent answers them with a refusal rather than treating
 * them as a broken move, because proposing them is a mistake a player can make.
 */
export function validateTerms(spec: NegotiationSpec, terms: unknown): TermsProblem[] {
  if (typeof terms !== 'object' || terms === null || Array.isArray(terms)) return [{ code: 'not-an-object' }];
  const problems: TermsProblem[] = [];
  const record = terms as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!isItemKind(key) || !itemOf(spec, key)) problems.push({ code: 'unknown-item', item: key });
  }
  for (const kind of ITEM_KINDS) {
    if (!(kind in record) || !itemOf(spec, kind)) continue;
    const parsed = TermsSchema.shape[kind].safeParse(record[kind]);
    if (!parsed.success || parsed.data === undefined) {
      problems.push({
        code: 'invalid-value',
        item: kind,
        message: parsed.error?.issues[0]?.message ?? 'missing value',
      });
      continue;
    }
    problems.push(...rangeProblems(spec, { [kind]: parsed.data }, kind));
  }
  return problems;
}

function rangeProblems(spec: NegotiationSpec, terms: Terms, kind: ItemKind): TermsProblem[] {
  const item = spec.items.find((i) => i.kind === kind);
  switch (item?.kind) {
    case 'discountPercent': {
      const shape = cascadeShape(spec);
      const rates = terms.discountPercent;
      if (Array.isArray(rates) && rates.length > (shape?.length ?? 5))
        return [{ code: 'invalid-value', item: kind, message: `a cascade of at most ${shape?.length} rates` }];
      const equivalent = equivalentOf(discountSteps(terms.discountPercent ?? 0));
      return equivalent.gt(item.max) ? [{ code: 'out-of-range', item: kind, min: 0, max: item.max }] : [];
    }
    case 'unitPrice': {
      const price = terms.unitPrice ?? 0;
      const max = spec.seller.listPriceHt;
      return price < item.min || price > max ? [{ code: 'out-of-range', item: kind, min: item.min, max }] : [];
    }
    case 'quantity':
    case 'deliveryDays':
    case 'commitmentMonths': {
      const value = terms[item.kind] ?? 0;
      return value < item.min || value > item.max
        ? [{ code: 'out-of-range', item: kind, min: item.min, max: item.max }]
        : [];
    }
    case 'paymentDays': {
      const payment = terms.paymentDays ?? item.base;
      if (payment.days > item.maxDays) return [{ code: 'out-of-range', item: kind, min: 0, max: item.maxDays }];
      const illegal = paymentIllegality(payment);
      return illegal ? [{ code: 'payment-terms-illegal', item: 'paymentDays', reason: illegal }] : [];
    }
    case 'services': {
      const ids = terms.services ?? [];
      const problems: TermsProblem[] = ids
        .filter((id) => !item.options.some((o) => o.id === id))
        .map((service) => ({ code: 'unknown-service', item: 'services', service }));
      if (new Set(ids).size !== ids.length)
        problems.push({ code: 'invalid-value', item: kind, message: 'a service is listed twice' });
      return problems;
    }
    case 'counterparts': {
      const ids = terms.counterparts ?? [];
      const known = ids.every((id) => item.options.some((o) => o.id === id)) && new Set(ids).size === ids.length;
      return known ? [] : [{ code: 'invalid-value', item: kind, message: 'an unknown or repeated counterpart' }];
    }
    default:
      return [];
  }
}

/** The seller's standing terms before any concession: list price, standard terms, no service. */
export function baseTerms(spec: NegotiationSpec): Terms {
  const terms: Terms = {};
  for (const item of spec.items) {
    switch (item.kind) {
      case 'discountPercent':
        terms.discountPercent = shapeDiscount(spec, 0);
        break;
      case 'unitPrice':
        terms.unitPrice = spec.seller.listPriceHt;
        break;
      case 'quantity':
        terms.quantity = spec.seller.quantity;
        break;
      case 'deliveryDays':
      case 'commitmentMonths':
        terms[item.kind] = item.base;
        break;
      case 'paymentDays':
        terms.paymentDays = { ...item.base };
        break;
      case 'services':
        terms.services = [];
        break;
      case 'counterparts':
        terms.counterparts = [];
        break;
    }
  }
  return terms;
}

/**
 * A partial proposal completed with standing values, so every declared item has a value. The
 * result is a fresh JSON copy: terms end up in the negotiation state and must never share an
 * array with the caller's move.
 */
export function completeTerms(standing: Terms, proposal: Terms): Terms {
  const merged: Record<string, unknown> = { ...standing };
  for (const [key, value] of Object.entries(proposal)) if (value !== undefined) merged[key] = value;
  return JSON.parse(JSON.stringify(merged)) as Terms;
}
