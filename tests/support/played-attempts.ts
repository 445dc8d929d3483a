import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash, type Attempt } from '../../src/core/save/index.ts';
import { loadScenarioText } from '../../src/core/scenario/load.ts';
import { indexScenario } from '../../src/core/scenario/scenario-index.ts';
import { PlaythroughFileSchema } from '../../src/core/playthroughs/format.ts';
import { eventOfToken } from '../../src/core/visit/path-tokens.ts';
import { createVisitSession } from '../../src/core/visit/visit-session.ts';
import { negotiationSupport } from '../../src/core/negotiation-support.ts';
import { evaluateVisitFor } from '../../src/core/evaluate-visit.ts';
import { packs, PACK_IDS } from '../../src/core/referentials/bundled.ts';
import type { ReplayableScenario } from '../../src/core/save/replay-bridge.ts';
import { ROOT } from './fixtures.ts';

/** A shipped scenario as the library holds it: its index and the hash of its text. */
export function libraryScenario(id: string): ReplayableScenario & { id: string } {
  const text = readFileSync(join(ROOT, 'scenarios', `${id}.json`), 'utf8');
  const loaded = loadScenarioText(text);
  if (!loaded.scenario) throw new Error(`${id} is invalid`);
  return { id, index: indexScenario(loaded.scenario), hash: contentHash(text) };
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
  const file = PlaythroughFileSchema.parse(
    JSON.parse(readFileSync(join(ROOT, 'scenarios', `${scenario.id}.playthroughs.json`), 'utf8')),
  );
  const path = file.playthroughs.find((p) => p.kind === kind)?.path ?? [];
  const support = negotiationSupport(scenario.index);
  const session = createVisitSession(
    scenario.index,
    { seed },
    support.negotiation ? { negotiation: support.negotiation } : {},
  );
  for (const token of path) {
    if (session.context().cursor.kind === 'ready') session.send({ type: 'player.start' });
    const event = eventOfToken(token);
    if (!event || !session.send(event).ok) throw new Error(`${scenario.id}: ${token} refused`);
  }
  const ctx = session.context();
  if (!ctx.ending) throw new Error(`${scenario.id}: the ${kind} playthrough does not end`);
  return {
    id: `${scenario.id}-${startedAt.toString(36)}`,
    scenarioId: scenario.id,
    contentHash: scenario.hash,
    seed,
    pack: 'nrc',
    mode: 'assisted',
    lang: 'fr',
    startedAt,
    endedAt: startedAt + 600_000,
    endingId: ctx.ending.id,
    marks: Object.fromEntries(PACK_IDS.map((p) => [p, evaluateVisitFor(scenario.index, packs[p], ctx).mark])),
    log: ctx.log as unknown as Attempt['log'],
  };
}
