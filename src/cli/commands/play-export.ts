import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { contentHash, exportResults, emptySave, bestFromAttempts, type Attempt } from '../../core/save/index.ts';
import type { ScenarioIndex } from '../../core/scenario/scenario-index.ts';
import type { ContentLanguage } from '../../core/scenario/text.ts';
import { replayFinishedVisit } from '../../server/domain/replay.ts';

/**
 * `negosim play … --export out.json`: the visit as a `negosim-results` document, exactly what the
 * game exports, so a script can feed a class session. Marks come from the same replay the server
 * does (the visit is played the game's way, choices shuffled by the seed), so the file's marks
 * are the ones the server stores. Returns false when the visit did not finish.
 */
export function writeVisitExport(options: {
  out: string;
  cwd: string;
  scenarioFile: string;
  index: ScenarioIndex;
  seed: number;
  referential: string;
  lang: ContentLanguage;
  log: readonly unknown[];
  startedAt: number;
}): boolean {
  const replay = replayFinishedVisit(options.index, options.seed, options.log);
  if (!replay.ok) return false;
  const text = readFileSync(resolve(options.cwd, options.scenarioFile), 'utf8');
  const marks: Record<string, number> = {};
  for (const [pack, evaluation] of Object.entries(replay.evaluations)) marks[pack] = evaluation.mark;
  const attempt = {
    id: `${options.index.scenario.meta.id}-${randomUUID()}`,
    scenarioId: options.index.scenario.meta.id,
    scenarioVersion: options.index.scenario.meta.version,
    contentHash: contentHash(text),
    seed: options.seed,
    pack: options.referential,
    mode: 'assisted',
    lang: options.lang,
    startedAt: options.startedAt,
    endedAt: options.startedAt + Math.max(0, ...options.log.map((e) => Number((e as { at?: unknown }).at) || 0)),
    endingId: replay.endingId,
    marks,
    log: options.log,
  } as Attempt;
  const doc = exportResults({ ...emptySave(), attempts: [attempt], best: bestFromAttempts([attempt]) }, Date.now());
  writeFileSync(resolve(options.cwd, options.out), JSON.stringify(doc, null, 2) + '\n');
  return true;
}

/** The hook `negosim play` calls: writes the file and says so, or says why not (false). */
export function exportPlayedVisit(
  args: { export?: string | undefined; file: string; seed: number; referential: string; lang: ContentLanguage },
  index: ScenarioIndex,
  log: readonly unknown[],
  io: { cwd: string; err(text: string): void },
  t: (key: string, options?: Record<string, unknown>) => string,
): boolean {
  if (!args.export) return true;
  const written = writeVisitExport({
    out: args.export,
    cwd: io.cwd,
    scenarioFile: args.file,
    index,
    seed: args.seed,
    referential: args.referential,
    lang: args.lang,
    log,
    startedAt: Date.now(),
  });
  io.err(written ? t('cli:play.exported', { file: args.export }) : t('cli:play.exportUnfinished'));
  return written;
}
