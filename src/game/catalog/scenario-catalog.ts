import { diagnostic, type Diagnostic } from '../../core/diagnostics/codes.ts';
import { playabilityProblems } from '../../core/check/playability.ts';
import { duplicateIdProblems } from '../../core/scenario/duplicate-ids.ts';
import type { Scenario } from '../../core/scenario/format.ts';
import { loadScenarioText } from '../../core/scenario/load.ts';
import { indexScenario, type ScenarioIndex } from '../../core/scenario/scenario-index.ts';
import type { LocalizedText } from '../../core/scenario/text.ts';
import { quotedForMessage } from '../../core/scenario/unsafe-text.ts';
import type { SkillBook } from '../../core/referentials/skill-book.ts';
import { contentHash } from '../../core/save/index.ts';

export type ScenarioSources = Record<string, () => Promise<string>>;

/**
 * One card of the library: a playable scenario, or one the game refuses, shown with why — a
 * file that cannot be read or validated, or a valid scenario a student could not finish (then
 * its `title` is known and shown).
 */
export type CatalogEntry =
  | { ok: true; file: string; id: string; hash: string; scenario: Scenario; index: ScenarioIndex }
  | { ok: false; file: string; id: string; diagnostics: Diagnostic[]; title?: LocalizedText };

/**
 * Reads and validates every scenario. Content is data: one bad file becomes a card with its
 * error, never a crash, and the others still load. Each file is read in isolation — whatever
 * one file does (cannot be fetched: NS001; invalid: its codes; unplayable: NS102; anything
 * unforeseen: NS056), the promise resolves with a card for it and the others. It never rejects,
 * so a caller may keep it.
 */
export async function loadCatalog(
  sources: ScenarioSources,
  skills: SkillBook,
  onProgress?: (done: number, total: number) => void,
): Promise<CatalogEntry[]> {
  const files = Object.keys(sources).sort();
  let done = 0;
  const entries = await Promise.all(
    files.map(async (file) => {
      const entry = await loadEntry(file, sources[file], skills);
      onProgress?.(++done, files.length);
      return entry;
    }),
  );
  return refuseDuplicateIds(entries);
}

async function loadEntry(
  file: string,
  source: (() => Promise<string>) | undefined,
  skills: SkillBook,
): Promise<CatalogEntry> {
  const fallbackId = file.replace(/^.*\//, '').replace(/\.json$/, '');
  const refused = (diagnostics: Diagnostic[], title?: LocalizedText): CatalogEntry => ({
    ok: false,
    file,
    id: fallbackId,
    diagnostics,
    ...(title ? { title } : {}),
  });
  let text: string;
  try {
    text = String(await (source as () => Promise<string>)());
  } catch (error) {
    return refused([diagnostic('NS001', '', { reason: reasonOf(error) })]);
  }
  try {
    const result = loadScenarioText(text, skills);
    if (!result.scenario) return refused(result.diagnostics);
    const index = indexScenario(result.scenario, skills);
    // The game plays only what a student can finish: `negosim check` would say NS102 too.
    const unplayable = playabilityProblems(index);
    if (unplayable.length > 0)
      return { ...refused(unplayable, result.scenario.meta.title), id: result.scenario.meta.id };
    return { ok: true, file, id: result.scenario.meta.id, hash: contentHash(text), scenario: result.scenario, index };
  } catch (error) {
    // loadScenarioText never throws; this guards the steps after it, so a surprise stays one card.
    return refused([diagnostic('NS056', '', { detail: reasonOf(error) })]);
  }
}

/** Two files with one id: the rule of duplicateIdProblems, as in `negosim validate`. */
function refuseDuplicateIds(entries: CatalogEntry[]): CatalogEntry[] {
  const declared = entries.filter((e) => e.ok || e.title !== undefined).map((e) => ({ file: e.file, id: e.id }));
  const problems = duplicateIdProblems(declared);
  return entries.map((e) => {
    const problem = problems.get(e.file);
    if (!problem) return e;
    const { file, id } = e;
    const title = e.ok ? e.scenario.meta.title : e.title;
    return { ok: false, file, id, diagnostics: [problem, ...(e.ok ? [] : e.diagnostics)], ...(title ? { title } : {}) };
  });
}

function reasonOf(error: unknown): string {
  return quotedForMessage(error instanceof Error ? error.message : String(error), 160);
}
