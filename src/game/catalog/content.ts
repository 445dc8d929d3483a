import { diagnostic } from '../../core/diagnostics/codes.ts';
import type { Referentials } from '../../core/referentials/load-referentials.ts';
import type { CatalogEntry } from './scenario-catalog.ts';

export interface Content {
  /** Every scenario, playable or shown with its errors. */
  catalog: () => Promise<CatalogEntry[]>;
  /** The skill taxonomy and the packs; null when their files are broken (the library then says why). */
  referentials: () => Promise<Referentials | null>;
}

/**
 * What the game plays and marks, read once after the title is up: the referentials (taxonomy
 * and packs) and the scenarios validated against them. Validation (Zod, the whole core) is a
 * chunk of its own: the title needs none of it.
 */
export function contentLoader(): Content {
  let loading: Promise<{ refs: Referentials | null; entries: CatalogEntry[] }> | null = null;
  const load = () =>
    (loading ??= Promise.all([
      import('../../core/referentials/bundled.ts'),
      import('./scenario-catalog.ts'),
      import('./scenario-sources.ts'),
    ]).then(async ([r, c, s]) => {
      const { referentials, diagnostics } = r.bundledReferentials();
      if (!referentials) {
        // Nothing can be marked without them: each broken referential file becomes a card with its errors.
        const files = [...new Set(diagnostics.map((d) => d.file ?? ''))];
        const entries: CatalogEntry[] = files.map((file) => ({
          ok: false,
          file,
          id: file.replace(/^.*\//, '').replace(/\.json$/, ''),
          diagnostics: diagnostics.filter((d) => (d.file ?? '') === file),
        }));
        if (entries.length === 0) entries.push({ ok: false, file: '', id: '', diagnostics: [diagnostic('NS061', '')] });
        return { refs: null, entries };
      }
      return { refs: referentials, entries: await c.loadCatalog(s.scenarioSources, referentials.skills) };
    }));
  // loadCatalog never rejects; a chunk that failed to download must not be kept as the answer.
  const loadOrRetry = () =>
    load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return {
    catalog: async () => (await loadOrRetry()).entries,
    referentials: async () => (await loadOrRetry()).refs,
  };
}
