/** The player's save: versioned, pure, and never fatal when damaged. See format.ts. */
export * from './format.ts';
export { saveMigrator } from './migrations.ts';
export { readSave, bestFromAttempts, mergeBest, type SaveProblem, type SaveRead } from './read-save.ts';
export {
  withSettings,
  withCurrent,
  recordAttempt,
  finishedAttempt,
  exportResults,
  importResults,
  contentHash,
  RESULTS_KIND,
  type ResultsExport,
  type ImportOutcome,
} from './results.ts';
