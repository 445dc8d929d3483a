// Prints the one line CI reads: "N passed, N failed".
// Usage: node scripts/ci-summary.mjs <exit code of npm test>
// Vitest's JSON report gives the test counts; if `npm test` failed without a failing test
// (type check or lint), that failure counts as one.
import { existsSync, readFileSync } from 'node:fs';

const exitCode = Number(process.argv[2] ?? 1);
const report = 'test-results/vitest.json';
let passed = 0;
let failed = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests ?? 0;
  failed = (json.numFailedTests ?? 0) + (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  if (json.success === false && failed === 0) failed = 1; // a suite that failed to load
}
if (exitCode !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
