import { diagnostic, type Diagnostic } from '../../core/diagnostics/codes.ts';
import type { Scenario } from '../../core/scenario/format.ts';
import { loadScenarioText } from '../../core/scenario/load.ts';
import { indexScenario, type ScenarioIndex } from '../../core/scenario/scenario-index.ts';
import type { SkillBook } from '../../core/referentials/skill-book.ts';
import { contentHash } from '../../core/save/index.ts';

export type ScenarioSources = Record<string, () => Promise<string>>;

/** One card of the library: a playable scenario, or a broken file shown with its errors. */
export type CatalogEntry =
  | { ok: true; file: string; id: string; hash: string; scenario: Scenario; index: ScenarioIndex }
  | { ok: false; file: string; id: string; diagnostics: Diagnostic[] };

/**
 * Reads and validates every scenario. Content is data: one bad file becomes a card with its
 * error, never a crash, and the others still load. A file that cannot even be fetched is
 * reported the same way (NS001).
 */
export async function loadCatalog(
  sources: ScenarioSources,
  skills: SkillBook,
  onProgress?: (done: number, total: number) => void,
): Promise<CatalogEntry[]> {
  const files = Object.keys(sources).sort();
  let done = 0;
  const entries = await Promise.all(
    files.map(async (file): Promise<CatalogEntry> => {
      const fallbackId = file.replace(/^.*\//, '').replace(/\.json$/, '');
      let text: string;
      try {
        text = await (sources[file] as () => Promise<string>)();
      } catch (error) {
        return {
          ok: false,
          file,
          id: fallbackId,
          diagnostics: [diagnostic('NS001', '', { reason: error instanceof Error ? error.message : String(error) })],
        };
      } finally {
        onProgress?.(++done, files.length);
      }
      const result = loadScenarioText(text, skills);
      if (!result.scenario) return { ok: false, file, id: fallbackId, diagnostics: result.diagnostics };
      return {
        ok: true,
        file,
        id: result.scenario.meta.id,
        hash: contentHash(text),
        scenario: result.scenario,
        index: indexScenario(result.scenario, skills),
      };
    }),
  );
  const seen = new Map<string, string>();
  return entries.map((e) => {
    if (!e.ok) return e;
    const other = seen.get(e.id);
    if (other)
      return { ok: false, file: e.file, id: e.id, diagnostics: [diagnostic('NS007', '/meta/id', { id: e.id, other })] };
    seen.set(e.id, e.file);
    return e;
  });
}
