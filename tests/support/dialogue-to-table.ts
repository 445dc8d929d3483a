import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPlaythroughs } from '../../src/core/playthroughs/load.ts';
import { ROOT } from './fixtures.ts';

/**
 * The dialogue choices of a shipped scenario's own "best" playthrough, up to the negotiation
 * table: tests that need to reach the table take them from the data, not from a copied list.
 */
export function bestDialogueToTable(scenarioId: string): string[] {
  const read = readPlaythroughs(
    JSON.parse(readFileSync(join(ROOT, 'scenarios', `${scenarioId}.playthroughs.json`), 'utf8')),
  );
  if (!('file' in read)) throw new Error(`${scenarioId}: ${read.problem}`);
  const best = read.file.playthroughs.find((p) => p.kind === 'best');
  if (!best) throw new Error(`${scenarioId} has no best playthrough`);
  const atTable = best.path.findIndex((step) => typeof step !== 'string');
  return best.path.slice(0, atTable < 0 ? best.path.length : atTable).filter((s): s is string => typeof s === 'string');
}
