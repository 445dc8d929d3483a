import { propertyRuns } from './property-runs.ts';

/** fast-check's options for a property tried `full` times (fewer under NEGOSIM_QUICK=1, see property-runs.ts). */
export function runs(full: number): { numRuns: number } {
  return { numRuns: propertyRuns(full) };
}
