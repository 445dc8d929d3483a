import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shownPath } from '../../core/diagnostics/id-paths.ts';
import { loadScenarioText } from '../../core/scenario/load.ts';
import type { Scenario } from '../../core/scenario/format.ts';
import { indexScenario, type ScenarioIndex } from '../../core/scenario/scenario-index.ts';
import { serverReferentials } from './replay.ts';
import { contentHash } from '../../core/save/index.ts';
import { pickText, type ContentLanguage } from '../../core/scenario/text.ts';
import { isScenarioFileName } from '../../cli/scenario-files.ts';

export interface LibraryScenario {
  id: string;
  /** FNV hash of the file's text: an attempt played on other text is refused, not re-marked. */
  hash: string;
  scenario: Scenario;
  index: ScenarioIndex;
}

export interface ScenarioLibrary {
  get(id: string): LibraryScenario | undefined;
  list(): LibraryScenario[];
  title(id: string, lang: ContentLanguage): string;
}

/**
 * The scenarios a class can play: the `*.json` files of the scenarios folder (the same files the
 * game bundles), read and validated once at start with the core loader. A broken file is left
 * out and reported; the others load.
 */
export function loadScenarioLibrary(dir: string, warn: (message: string) => void = () => undefined): ScenarioLibrary {
  const byId = new Map<string, LibraryScenario>();
  for (const name of readdirSync(dir).sort()) {
    if (!isScenarioFileName(name)) continue;
    const text = readFileSync(join(dir, name), 'utf8');
    const loaded = loadScenarioText(text, serverReferentials().skills);
    if (!loaded.scenario) {
      // The code and where, as `negosim validate` names it (array elements by their id).
      warn(`${name}: ${loaded.diagnostics.map((d) => `${d.code} ${shownPath(d) || '/'}`).join(', ')}`);
      continue;
    }
    const id = loaded.scenario.meta.id;
    if (byId.has(id)) continue;
    byId.set(id, {
      id,
      hash: contentHash(text),
      scenario: loaded.scenario,
      index: indexScenario(loaded.scenario, serverReferentials().skills),
    });
  }
  return {
    get: (id) => byId.get(id),
    list: () => [...byId.values()],
    title: (id, lang) => {
      const s = byId.get(id);
      return s ? pickText(s.scenario.meta.title, lang) : id;
    },
  };
}
