// npm run bench — how long the content checks take on generated scenarios.
// A benchmark, not a test: it prints numbers and fails only if a check breaks.
// The claim it measures: checking is linear in the scenario's size whatever the number of
// paths (2,000 nodes → more than 10^50 paths, under a second; twice the nodes, about twice the time).
import { performance } from 'node:perf_hooks';
import { checkScenario } from '../src/core/check/check-scenario.ts';
import { loadScenarioDocument } from '../src/core/scenario/load.ts';
import { indexScenario } from '../src/core/scenario/scenario-index.ts';
import { bundledReferentials } from '../src/core/referentials/bundled.ts';
import { syntheticScenario } from './lib/synthetic-scenario.ts';

const refs = bundledReferentials().referentials;
if (!refs) throw new Error('the shipped referentials are broken');
const { skills } = refs;
const ndrc = refs.pack('ndrc') ?? refs.packs[0];
if (!ndrc) throw new Error('no referential pack');

const sizes = [1000, 2000, 4000, 8000];
const runs = 5;
const rows: { nodes: number; paths: string; validateMs: number; checkMs: number }[] = [];
for (const size of sizes) {
  const doc = syntheticScenario({ skills, nodes: size });
  const times: number[] = [];
  const validations: number[] = [];
  let paths = '';
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const loaded = loadScenarioDocument(doc, skills);
    const t1 = performance.now();
    if (!loaded.scenario)
      throw new Error(`generated scenario invalid: ${JSON.stringify(loaded.diagnostics.slice(0, 3))}`);
    // A fresh index each run, so no scoring model is reused from a previous run.
    const report = checkScenario(indexScenario(loaded.scenario, skills), ndrc);
    times.push(performance.now() - t1);
    validations.push(t1 - t0);
    paths = report.paths;
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  rows.push({ nodes: size, paths, validateMs: median(validations), checkMs: median(times) });
}
console.log(`Content checks on generated scenarios (median of ${runs} runs, Node ${process.version})`);
console.log('nodes   distinct paths      validate    check (NDRC: reachability, conditions, bounds, witnesses)');
for (const r of rows) {
  const magnitude = `~10^${r.paths.length - 1}`;
  console.log(
    `${String(r.nodes).padStart(5)}   ${magnitude.padEnd(16)} ${r.validateMs.toFixed(0).padStart(6)} ms   ${r.checkMs.toFixed(0).padStart(6)} ms`,
  );
}
const at = (n: number) => rows.find((r) => r.nodes === n)?.checkMs ?? NaN;
console.log(`4,000 / 2,000 nodes: ×${(at(4000) / at(2000)).toFixed(2)} time for ×2 nodes`);

// The conditional-dialogue check (NS114) searches the graph once per presumed need: with 8 needs
// presumed all over the graph, the check should stay linear in the number of nodes.
const withNeeds = [2000, 4000].map((size) => {
  const loaded = loadScenarioDocument(syntheticScenario({ skills, nodes: size, needs: 8 }), skills);
  if (!loaded.scenario)
    throw new Error(`generated scenario invalid: ${JSON.stringify(loaded.diagnostics.slice(0, 3))}`);
  const scenario = loaded.scenario;
  const times = Array.from({ length: runs }, () => {
    const t0 = performance.now();
    checkScenario(indexScenario(scenario, skills), ndrc);
    return performance.now() - t0;
  }).sort((a, b) => a - b);
  return { size, ms: times[Math.floor(runs / 2)] ?? 0 };
});
for (const r of withNeeds)
  console.log(`${String(r.size).padStart(5)} nodes, 8 presumed needs: check ${r.ms.toFixed(0)} ms`);
console.log(`  ×${((withNeeds[1]?.ms ?? NaN) / (withNeeds[0]?.ms ?? NaN)).toFixed(2)} time for ×2 nodes`);
