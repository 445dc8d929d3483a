import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';

/** Every file of a built site, as paths relative to its root with forward slashes. */
function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(root, path) : [relative(root, path).split(sep).join('/')];
  });
}

/**
 * Offline play for a class whose network drops: after a build, lists every file of the site in
 * `precache.json` for the service worker (public/sw.js) to cache at install, and stamps sw.js
 * with a hash of the site so that each new deployment installs a new worker (a browser only
 * updates a worker whose bytes changed). The whole site is about 4 MB; caching what a visit
 * happened to fetch would leave the other settings' art and sounds out.
 */
export function precache(): Plugin {
  let outDir = '';
  return {
    name: 'negosim-precache',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const files = filesUnder(outDir)
        .filter((f) => f !== 'sw.js' && f !== 'precache.json')
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
