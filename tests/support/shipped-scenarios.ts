import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioText } from '../../src/core/scenario/load.ts';
import { indexScenario, type ScenarioIndex } from '../../src/core/scenario/scenario-index.ts';
import type { PlaythroughFile } from '../../src/core/playthroughs/format.ts';
import { readPlaythroughs } from '../../src/core/playthroughs/load.ts';
import { skills } from './referentials.ts';
import { isScenarioFileName } from '../../src/cli/scenario-files.ts';
import { ROOT } from './fixtures.ts';

export interface Shipped {
  file: string;
  index: ScenarioIndex;
  /** The example scenario (tag "exemple") teaches the format; the library rules do not bind it. */
  isExample: boolean;
  playthroughs: PlaythroughFile | null;
  playthroughProblems: string | null;
}

const dir = join(ROOT, 'scenarios');
/**
 * NEGOSIM_SCENARIO=<part of a file name> narrows the content tests to the scenarios being
 * written (docs/authoring.md), so an author replays one scenario in seconds.
 */
const only = process.env['NEGOSIM_SCENARIO'];
export function shippedScenarios(scope: 'selected' | 'all' = 'selected'): Shipped[] {
  return readdirSync(dir)
    .filter(isScenarioFileName)
    .filter((file) => scope === 'all' || !only || file.includes(only))
    .map((file) => {
      const loaded = loadScenarioText(readFileSync(join(dir, file), 'utf8'), skills);
      if (!loaded.scenario) throw new Error(`${file} is invalid: ${JSON.stringify(loaded.diagnostics.slice(0, 3))}`);
      const ptFile = join(dir, file.replace(/\.json$/, '.playthroughs.json'));
      let playthroughs: PlaythroughFile | null = null;
      let playthroughProblems: string | null = null;
      if (existsSync(ptFile)) {
        const read = readPlaythroughs(JSON.parse(readFileSync(ptFile, 'utf8')));
        if ('file' in read) playthroughs = read.file;
        else playthroughProblems = read.problem;
      }
      return {
        file,
        index: indexScenario(loaded.scenario, skills),
        isExample: loaded.scenario.meta.tags.includes('exemple'),
        playthroughs,
        playthroughProblems,
      };
    });
}
