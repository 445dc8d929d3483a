/**
 * How many cases a property test tries. `NEGOSIM_QUICK=1` (npm run test:quick) lowers it for a
 * fast local loop; the full number runs in `npm test` and CI.
 */
export function propertyRuns(full: number, quick = Math.max(20, Math.round(full / 20))): number {
  return process.env.NEGOSIM_QUICK === '1' ? Math.min(full, quick) : full;
}
