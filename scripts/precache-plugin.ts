import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { MAX_SCENARIO_BYTES } from '../src/core/scenario/limits.ts';

/** Every file of a built site, as paths relative to its root with forward slashes. */
function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(root, path) : [relative(root, path).split(sep).join('/')];
  });
}

/** What generateBundle shows of an output chunk: its file and the modules in it. */
export interface BundledChunk {
  type: string;
  fileName: string;
  moduleIds?: readonly string[];
}

/**
 * Chunks that only hold scenario files (`*.json?raw`) larger than the game accepts: the game
 * refuses them (NS004) anyway, so no player's browser should download them for the offline
 * cache — a stray 50 MB file would cost every student 50 MB.
 */
export function oversizedScenarioChunks(
  chunks: readonly BundledChunk[],
  sizeOf: (file: string) => number = (file) => statSync(file).size,
): Set<string> {
  const out = new Set<string>();
  for (const chunk of chunks) {
    const ids = chunk.moduleIds ?? [];
    const scenarios = ids.filter((id) => /\.json\?raw$/.test(id));
    if (chunk.type !== 'chunk' || scenarios.length === 0 || scenarios.length !== ids.length) continue;
    if (scenarios.every((id) => sizeOf(id.replace(/\?raw$/, '')) > MAX_SCENARIO_BYTES)) out.add(chunk.fileName);
  }
  return out;
}

/**
 * Offline play for a class whose network drops: after a build, lists every file of the site in
 * `precache.json` for the service worker (public/sw.js) to cache at install, and stamps sw.js
 * with a hash of the site so that each new deployment installs a new worker (a browser only
 * updates a worker whose bytes changed). The whole site is about 4 MB; caching what a visit
 * happened to fetch would leave the other settings' art and sounds out. Chunks of scenario
 * files over the size limit are left out (oversizedScenarioChunks).
 */
export function precache(): Plugin {
  let outDir = '';
  let oversized = new Set<string>();
  return {
    name: 'negosim-precache',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    generateBundle(_options, bundle) {
      oversized = oversizedScenarioChunks(Object.values(bundle));
    },
    closeBundle() {
      const files = filesUnder(outDir)
        .filter((f) => f !== 'sw.js' && f !== 'precache.json' && !oversized.has(f))
        .sort();
      const hash = createHash('sha256');
      for (const f of files) hash.update(f).update(readFileSync(join(outDir, f)));
      const version = hash.digest('hex').slice(0, 12);
      writeFileSync(join(outDir, 'precache.json'), JSON.stringify({ version, files }));
      const sw = join(outDir, 'sw.js');
      writeFileSync(sw, readFileSync(sw, 'utf8').replace('__NEGOSIM_SITE_VERSION__', version));
    },
  };
}
