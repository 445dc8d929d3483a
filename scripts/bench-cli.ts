/**
 * `npm run bench:cli` — how long `negosim validate` of one scenario takes, wall time, beside
 * `node -e 0` measured in the same run (issue 15: under 3×). Runs each command BENCH_RUNS times
 * (default 11), alternating them so machine load hits both alike, and prints the medians and the
 * ratio. Writes the last run into docs/performance.md (BENCH_NO_DOCS=1 leaves it alone).
 * The command must be built first (`npm ci` does it through `prepare`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const SCENARIO = 'scenarios/premiere-visite-imprimante.json';
const TARGET = 3;
const START = '<!-- bench:cli:start (written by npm run bench:cli) -->';
const END = '<!-- bench:cli:end -->';

function wall(args: string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${r.status}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

if (!existsSync(join(ROOT, 'dist-cli', 'negosim.js'))) {
  console.error('dist-cli/negosim.js is missing: run `npm ci` (or `node scripts/build-cli.mjs`) first.');
  process.exit(1);
}
const node: number[] = [];
const validate: number[] = [];
wall(['bin/negosim.js', 'validate', SCENARIO]); // warm the file cache, not counted
for (let i = 0; i < RUNS; i++) {
  node.push(wall(['-e', '0']));
  validate.push(wall(['bin/negosim.js', 'validate', SCENARIO]));
}
const ratio = median(validate) / median(node);
const row = (m: number) => `${Math.round(m)} ms`;
const section = [
  '| measure | negosim | baseline (same run) | ratio | target |',
  '|---|---|---|---|---|',
  `| \`negosim validate ${SCENARIO}\`, wall time (median of ${RUNS}) | ${row(median(validate))} | ${row(median(node))} (\`node -e 0\`) | ${ratio.toFixed(2)} | ≤ ${TARGET} ${ratio <= TARGET ? '✓' : '✗'} |`,
  '',
  `Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, Node ${process.version}.`,
].join('\n');
console.log(section);
if (!process.env.BENCH_NO_DOCS) {
  const path = join(ROOT, 'docs', 'performance.md');
  const doc = readFileSync(path, 'utf8');
  const block = `${START}\n${section}\n${END}`;
  const [a, b] = [doc.indexOf(START), doc.indexOf(END)];
  writeFileSync(
    path,
    a >= 0 && b > a
      ? doc.slice(0, a) + block + doc.slice(b + END.length)
      : `${doc.trimEnd()}\n\n## The command line\n\nMeasured by \`npm run bench:cli\` (scripts/bench-cli.ts): the built command (dist-cli/, loaded lazily per subcommand) against Node starting and doing nothing, alternated run by run in the same process.\n\n${block}\n`,
  );
}
