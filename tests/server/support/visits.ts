import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash, RESULTS_KIND, SAVE_VERSION, type Attempt } from '../../../src/core/save/index.ts';
import { loadScenarioText } from '../../../src/core/scenario/load.ts';
import { indexScenario, type ScenarioIndex } from '../../../src/core/scenario/scenario-index.ts';
import { readPlaythroughs } from '../../../src/core/playthroughs/load.ts';
import type { PathStep } from '../../../src/core/playthroughs/path.ts';
import { skills } from '../../support/referentials.ts';
import { playPath } from '../../../src/server/domain/replay.ts';
import { ROOT } from '../../support/fixtures.ts';

export const SCENARIOS_DIR = join(ROOT, 'scenarios');

export interface ShippedScenario {
  id: string;
  hash: string;
  index: ScenarioIndex;
  paths: Map<string, PathStep[]>;
}

const cache = new Map<string, ShippedScenario>();

/** A shipped scenario with its expected playthroughs' paths (best, bad habits, one mistake…). */
export function shipped(id: string): ShippedScenario {
  const hit = cache.get(id);
  if (hit) return hit;
  const text = readFileSync(join(SCENARIOS_DIR, `${id}.json`), 'utf8');
  const loaded = loadScenarioText(text, skills);
  if (!loaded.scenario) throw new Error(`${id} does not load`);
  const read = readPlaythroughs(JSON.parse(readFileSync(join(SCENARIOS_DIR, `${id}.playthroughs.json`), 'utf8')));
  if (!('file' in read)) throw new Error(`${id}: ${read.problem}`);
  const pts = read.file;
  const entry = {
    id,
    hash: contentHash(text),
    index: indexScenario(loaded.scenario, skills),
    paths: new Map(pts.playthroughs.map((p) => [p.id, p.path])),
  };
  cache.set(id, entry);
  return entry;
}

/**
 * A finished visit as the game records it, from a shipped playthrough replayed the game's way.
 * `marks` is whatever the caller claims: the server must ignore it.
 */
export function finishedAttempt(
  scenarioId: string,
  playthrough: string,
  options: { id?: string; seed?: number; marks?: Attempt['marks']; startedAt?: number } = {},
): Attempt {
  const s = shipped(scenarioId);
  const path = s.paths.get(playthrough);
  if (!path) throw new Error(`${scenarioId} has no playthrough ${playthrough}`);
  const seed = options.seed ?? 7;
  const played = playPath(s.index, seed, path, 4000);
  if (played.refusedAt !== null || !played.endingId) throw new Error(`${scenarioId}/${playthrough} did not finish`);
  const startedAt = options.startedAt ?? Date.UTC(2026, 2, 9, 8, 0, 0);
  return {
    id: options.id ?? `${scenarioId}-${playthrough}-${seed}`,
    scenarioId,
    scenarioVersion: s.index.scenario.meta.version,
    contentHash: s.hash,
    seed,
    pack: 'nrc',
    mode: 'assisted',
    lang: 'fr',
    startedAt,
    endedAt: startedAt + played.log.length * 4000,
    endingId: played.endingId,
    marks: options.marks ?? {},
    log: played.log as Attempt['log'],
  };
}

export function resultsDoc(attempts: unknown[]) {
  return { kind: RESULTS_KIND, saveVersion: SAVE_VERSION, exportedAt: Date.now(), attempts, best: {} };
}
