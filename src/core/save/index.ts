/** The player's save: versioned, pure, and never fatal when damaged. See format.ts. */
export * from './format.ts';
export { saveMigrator } from './migrations.ts';
export {
  readSave,
  parseSaveDocument,
  parseCurrent,
  salvageSettings,
  uniqueById,
  bestFromAttempts,
  mergeBest,
  withBest,
  type SaveProblem,
  type SaveRead,
} from './read-save.ts';
export {
  withSettings,
  withCurrent,
  recordAttempt,
  finishedAttempt,
  exportResults,
  readResultsFile,
  contentHash,
  RESULTS_KIND,
  MAX_IMPORT_CHARS,
  type ResultsExport,
  type ImportRead,
} from './results.ts';
export { planImport, importReport, type ImportPlan, type ImportReport } from './import-plan.ts';
export { remarkStale, isStale, type Remarked } from './remark-stale.ts';
export { inertJson, type JsonLimits } from './inert-json.ts';
export {
  readRecords,
  writesBetween,
  mergeStored,
  sameSettings,
  type SaveRecords,
  type RecordsRead,
  type SaveWrites,
} from './records.ts';
