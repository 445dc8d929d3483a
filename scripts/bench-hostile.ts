// npx tsx scripts/bench-hostile.ts — what hostile scenario files cost to refuse.
// A benchmark, not a test: it prints numbers, and fails only if a file is not refused as it
// should be. The claim it measures (issue 11): a file nested 5,000 deep, or any file up to the
// 5 MB limit, is refused with its code in well under a second — by the core, and by
// `negosim validate` end to end (Node and tsx start-up included).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MAX_SCENARIO_BYTES } from '../src/core/scenario/limits.ts';
import { bundledReferentials } from '../src/core/referentials/bundled.ts';
import { loadScenarioText } from '../src/core/scenario/load.ts';

const root = join(import.meta.dirname, '..');
const base = readFileSync(join(root, 'tests/fixtures/scenarios/mini-visit.json'), 'utf8');
const deep = readFileSync(join(root, 'tests/fixtures/e2e-scenarios/deep-condition.json'), 'utf8');
const flat = JSON.parse(base) as { brief: { constraints: unknown[] } };
flat.brief.constraints = Array.from({ length: 32_000 }, (_, i) => ({
  fr: `Contrainte ${i} `.repeat(4),
  en: `Constraint ${i} `.repeat(4),
}));
const bigValid = JSON.stringify(flat);

const cases: [string, string, string][] = [
  ['condition nested 5,000 deep', deep, 'NS050'],
  ['2,000,000 open brackets', '['.repeat(2_000_000), 'NS050'],
  [
    '5 MB of nested lists, closed',
    '['.repeat(MAX_SCENARIO_BYTES / 2 - 8) + ']'.repeat(MAX_SCENARIO_BYTES / 2 - 8),
    'NS050',
  ],
  [
    `${(bigValid.length / 1e6).toFixed(1)} MB, 32,000 texts, one key twice`,
    bigValid.replace('"formatVersion":1', '"formatVersion":1,"formatVersion":1'),
    'NS051',
  ],
  [
    `${(bigValid.length / 1e6).toFixed(1)} MB, 32,000 texts, one control character`,
    bigValid.replace('Contrainte 31999', 'Contrainte\\u001b 31999'),
    'NS053',
  ],
  [`${(bigValid.length / 1e6).toFixed(1)} MB valid scenario (read in full)`, bigValid, ''],
];

const skills = bundledReferentials().referentials?.skills;
if (!skills) throw new Error('the shipped referentials are broken');
console.log(`Refusing hostile scenario text in the core (median of 5 runs, Node ${process.version})`);
for (const [name, text, code] of cases) {
  const times: number[] = [];
  let codes = '';
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const r = loadScenarioText(text, skills);
    times.push(performance.now() - t0);
    codes = r.diagnostics.map((d) => d.code).join(',');
  }
  if (codes.split(',')[0] !== code)
    throw new Error(`${name}: expected ${code || 'no diagnostic'}, got ${codes.slice(0, 80)}`);
  const median = times.sort((a, b) => a - b)[2] ?? 0;
  console.log(`${name.padEnd(52)} ${median.toFixed(1).padStart(8)} ms   ${code || 'loaded'}`);
}

const dir = mkdtempSync(join(tmpdir(), 'negosim-bench-'));
writeFileSync(join(dir, 'deep.json'), deep);
const t0 = performance.now();
const run = spawnSync(process.execPath, [join(root, 'bin/negosim.js'), 'validate', 'deep.json'], {
  cwd: dir,
  encoding: 'utf8',
});
const wall = performance.now() - t0;
if (run.status !== 1 || !run.stderr.includes('NS050')) throw new Error(`negosim validate: ${run.status} ${run.stderr}`);
console.log(`negosim validate deep.json (exit ${run.status}, whole process)     ${wall.toFixed(0).padStart(8)} ms`);
