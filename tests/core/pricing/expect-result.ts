import { expect } from 'vitest';
import type { Decimal, PricingResult } from '../../../src/core/pricing/index.ts';

/** The value of a successful calculation; fails the test with the error code otherwise. */
export function valueOf<T>(result: PricingResult<T>): T {
  if (!result.ok) throw new Error(`expected a value, got error ${result.error.code} on ${result.error.field}`);
  return result.value;
}

/** What a correction sheet shows: half-up to two decimals. */
export function shown(value: Decimal): string {
  return value.toFixed(2);
}

export function expectError(result: PricingResult<unknown>, code: string, field: string): void {
  expect(result).toEqual({ ok: false, error: { code, field } });
}
