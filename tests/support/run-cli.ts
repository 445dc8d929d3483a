import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './fixtures.ts';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `negosim` executable, as a teacher would from a terminal. */
export function negosim(
  args: string[],
  options: { cwd?: string; input?: string; env?: Record<string, string> } = {},
): CliRun {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'negosim.js'), ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', LANG: 'fr_FR.UTF-8', NEGOSIM_LANG: '', ...options.env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
