import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioText } from '../../src/core/scenario/load.ts';
import type { Scenario } from '../../src/core/scenario/format.ts';
import { indexScenario, type ScenarioIndex } from '../../src/core/scenario/scenario-index.ts';
import { openVisit, type VisitSession } from '../../src/core/visit/visit-session.ts';
import { eventOfStep, type PathStep } from '../../src/core/playthroughs/path.ts';
import { skills } from './referentials.ts';
import type { VisitEvent } from '../../src/core/visit/visit-types.ts';

export const ROOT = join(import.meta.dirname, '..', '..');

export function loadFixture(relative: string): Scenario {
  const result = loadScenarioText(readFileSync(join(ROOT, relative), 'utf8'), skills);
  if (!result.scenario) throw new Error(`${relative} is invalid: ${JSON.stringify(result.diagnostics)}`);
  return result.scenario;
}

export const miniVisit = (): ScenarioIndex =>
  indexScenario(loadFixture('tests/fixtures/scenarios/mini-visit.json'), skills);

/** Plays a path (choice ids and { nego } moves), starting the visit when the briefing is done. Fails loudly on a refusal. */
export function play(index: ScenarioIndex, path: readonly PathStep[], seed = 1): VisitSession {
  const session = openVisit(index, { seed });
  for (const step of path) {
    if (session.context().cursor.kind === 'ready') session.send({ type: 'player.start' });
    const r = session.send(eventOfStep(step));
    if (!r.ok) throw new Error(`step ${JSON.stringify(step)} refused: ${r.reason}`);
  }
  return session;
}

export const choose = (choiceId: string): VisitEvent => ({ type: 'player.choose', choiceId });

/** The mini visit's best and poorest complete paths, as a teacher would play them. */
export const MINI_BEST = [
  'prep-plan',
  'p1-agenda',
  'd1-open',
  'd2-budget',
  'a1-cap',
  'o1-question',
  'c1-alt',
  'f1-next',
];
export const MINI_POOR = ['prep-none', 'p1-pitch', 'a1-generic', 'o1-discount', 'c1-force'];
