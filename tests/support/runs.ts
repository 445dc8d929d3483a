/**
 * How many random cases a property test tries: the full count in `npm test` and CI, a tenth in
 * `npm run test:quick` (NEGOSIM_QUICK=1), the edit loop, where a fast answer matters more.
 */
export function runs(full: number): { numRuns: number } {
  return { numRuns: process.env.NEGOSIM_QUICK === '1' ? Math.max(10, Math.ceil(full / 10)) : full };
}
