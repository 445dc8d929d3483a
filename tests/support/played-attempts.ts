import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash, type Attempt } from '../../src/core/save/index.ts';
import { loadScenarioText } from '../../src/core/scenario/load.ts';
import { indexScenario } from '../../src/core/scenario/scenario-index.ts';
import { readPlaythroughs } from '../../src/core/playthroughs/load.ts';
import { eventOfStep } from '../../src/core/playthroughs/path.ts';
import { openVisit } from '../../src/core/visit/visit-session.ts';
import { marksByPack } from '../../src/core/scoring/evaluate.ts';
import type { ReplayableScenario } from '../../src/core/save/verify-attempt.ts';
import { ROOT } from './fixtures.ts';
import { refs, skills } from './referentials.ts';

/** A shipped scenario as the library holds it: its index and the hash of its text. */
export function libraryScenario(id: string): ReplayableScenario & { id: string } {
  const text = readFileSync(join(ROOT, 'scenarios', `${id}.json`), 'utf8');
  const loaded = loadScenarioText(text, skills);
  if (!loaded.scenario) throw new Error(`${id} is invalid`);
  return { id, index: indexScenario(loaded.scenario, skills), hash: contentHash(text) };
}

/**
 * A finished attempt as the game records it: the scenario's own playthrough of that kind,
 * played through the core with a seed, its log kept and its marks computed.
 */
export function playedAttempt(
  scenario: ReplayableScenario & { id: string },
  kind: 'best' | 'bad-habit' = 'best',
  seed = 7,
  startedAt = 1_700_000_000_000,
): Attempt {
  const read = readPlaythroughs(
    JSON.parse(readFileSync(join(ROOT, 'scenarios', `${scenario.id}.playthroughs.json`), 'utf8')),
  );
  if (!('file' in read)) throw new Error(`${scenario.id}: ${read.problem}`);
  const path = read.file.playthroughs.find((p) => p.kind === kind)?.path ?? [];
  const session = openVisit(scenario.index, { seed });
  for (const step of path) {
    if (session.context().cursor.kind === 'ready') session.send({ type: 'player.start' });
    if (!session.send(eventOfStep(step)).ok) throw new Error(`${scenario.id}: ${JSON.stringify(step)} refused`);
  }
  const ctx = session.context();
  if (!ctx.ending) throw new Error(`${scenario.id}: the ${kind} playthrough does not end`);
  return {
    id: `${scenario.id}-${startedAt.toString(36)}`,
    scenarioId: scenario.id,
    contentHash: scenario.hash,
    seed,
    pack: refs.packs[0]?.id ?? 'ndrc',
    mode: 'assisted',
    lang: 'fr',
    startedAt,
    endedAt: startedAt + 600_000,
    endingId: ctx.ending.id,
    marks: marksByPack(scenario.index, refs.packs, ctx),
    log: ctx.log as unknown as Attempt['log'],
  };
}
