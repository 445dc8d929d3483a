import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Vitest global setup: builds the `negosim` command from the sources before any test runs, so
 * the command-line tests exercise exactly what `npx negosim` runs, never a stale build.
 */
export default function setup(): void {
  execFileSync(process.execPath, [join(import.meta.dirname, '..', '..', 'scripts', 'build-cli.mjs')], {
    stdio: 'inherit',
  });
}
