import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NegotiationSpecSchema, type NegotiationSpecInput } from '../../../src/core/negotiation/index.ts';
import { carInput, copierInput } from './fixtures.ts';

function issues(change: (spec: NegotiationSpecInput) => void): string[] {
  const spec = structuredClone(copierInput);
  change(spec);
  const parsed = NegotiationSpecSchema.safeParse(spec);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('the negotiation a scenario declares', () => {
  it('accepts both fixtures, and defaults billing to a one-off sale', () => {
    expect(NegotiationSpecSchema.safeParse(copierInput).success).toBe(true);
    const car = NegotiationSpecSchema.parse(carInput);
    expect(car.seller.billing).toBe('once');
  });

  it('refuses a typo in a field name instead of ignoring it', () => {
    expect(issues((s) => Object.assign(s.seller, { maxDiscount: 10 }))).toEqual([
      'seller: Unrecognized key: "maxDiscount"',
    ]);
  });

  it('requires a kebab-case id and exactly one price item', () => {
    expect(issues((s) => (s.id = 'Copier Rental'))[0]).toMatch(/^id: kebab-case/);
    expect(issues((s) => s.items.push({ kind: 'unitPrice', min: 150 }))).toContain(
      'items: declare exactly one price item: "discountPercent" or "unitPrice"',
    );
  });

  it('refuses a client reservation on payment terms the law forbids', () => {
    expect(issues((s) => (s.client.targets.paymentDays!.reservation = { days: 75, endOfMonth: false }))).toContain(
      "client.targets.paymentDays.reservation: the client's reservation must be legal, or no legal deal exists",
    );
  });

  it('refuses a client who opens lower than its own reservation', () => {
    expect(issues((s) => (s.client.targets.discountPercent!.opening = 3))).toContain(
      'client.targets.discountPercent.opening: the opening demand must be at least as good for the client as its reservation',
    );
  });

  it('refuses a target on an item the scenario does not negotiate', () => {
    expect(issues((s) => (s.client.targets.quantity = { opening: 1, reservation: 2, weight: 1 }))).toEqual([]);
    expect(issues((s) => (s.client.targets.unitPrice = { opening: 150, reservation: 190, weight: 1 }))).toContain(
      'client.targets.unitPrice: no "unitPrice" item is declared',
    );
  });

  it('refuses monthly billing without a commitment to bill over', () => {
    expect(issues((s) => (s.items = s.items.filter((i) => i.kind !== 'commitmentMonths')))).toContain(
      'seller.billing: monthly billing needs a "commitmentMonths" item: revenue runs over the commitment',
    );
  });

  it('refuses a service the client asks for that does not exist', () => {
    expect(issues((s) => (s.client.targets.services!.opening = ['training', 'coffee']))).toContain(
      "client.targets.services.opening: outside the item's range",
    );
  });

  it('publishes a JSON Schema that tells authors what each field means', () => {
    const schema = JSON.stringify(z.toJSONSchema(NegotiationSpecSchema, { io: 'input' }));
    expect(schema).toContain('The discount the seller may grant alone');
    expect(schema).toContain('« 45 jours fin de mois »');
    expect(schema).toContain('"additionalProperties":false');
  });
});
