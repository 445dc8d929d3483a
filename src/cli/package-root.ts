import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * NegoSim's own folder (scenarios, the built game), found by walking up to its package.json:
 * the command runs from its sources in development and from dist-cli/ once built, at different
 * depths.
 */
export function packageRoot(from: string = import.meta.dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'negosim')
      return dir;
    if (dirname(dir) === dir) return from;
  }
}
