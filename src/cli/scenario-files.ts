import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { diagnostic } from '../core/diagnostics/codes.ts';
import type { SkillBook } from '../core/referentials/skill-book.ts';
import { loadScenarioText, MAX_SCENARIO_BYTES, type LoadResult } from '../core/scenario/load.ts';

/**
 * Scenario files are the `.json` files of a folder and its subfolders, except the published
 * schemas and referentials (scenarios/schema, scenarios/referentials) and expected
 * playthroughs (`*.playthroughs.json`), which are data of another kind.
 */
const SKIPPED_FOLDERS = new Set(['schema', 'referentials', 'node_modules']);
export const isScenarioFileName = (name: string) => name.endsWith('.json') && !name.endsWith('.playthroughs.json');

export interface ScenarioFile extends LoadResult {
  /** As the user should read it: relative to the working directory. */
  file: string;
}

export function expandScenarioPaths(
  paths: readonly string[],
  cwd: string,
): { files: string[]; problems: ScenarioFile[] } {
  const files: string[] = [];
  const problems: ScenarioFile[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch (error) {
      problems.push({
        file: p,
        diagnostics: [diagnostic('NS001', '', { reason: reasonOf(error as NodeJS.ErrnoException) })],
      });
      continue;
    }
    if (!isDir) {
      files.push(abs);
      continue;
    }
    const found = listScenarioFiles(abs);
    if (found.length === 0) problems.push({ file: p, diagnostics: [diagnostic('NS006', '')] });
    files.push(...found);
  }
  return { files: files.map((f) => relative(cwd, f) || f), problems };
}

function listScenarioFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.'))
        out.push(...listScenarioFiles(join(dir, entry.name)));
    } else if (isScenarioFileName(entry.name)) out.push(join(dir, entry.name));
  }
  return out;
}

/** Reads and validates one file; the size is checked before reading so a 50 MB file costs nothing. */
export function readScenarioFile(file: string, cwd: string, skills: SkillBook): ScenarioFile {
  const abs = resolve(cwd, file);
  try {
    const size = statSync(abs).size;
    if (size > MAX_SCENARIO_BYTES)
      return { file, diagnostics: [diagnostic('NS004', '', { size, limit: MAX_SCENARIO_BYTES })] };
    return { file, ...loadScenarioText(readFileSync(abs, 'utf8'), skills) };
  } catch (error) {
    return { file, diagnostics: [diagnostic('NS001', '', { reason: reasonOf(error as NodeJS.ErrnoException) })] };
  }
}

/** What the file system said (fs only throws Errors, with a code such as ENOENT). */
function reasonOf(error: NodeJS.ErrnoException): string {
  const code = error.code;
  if (code === 'ENOENT') return 'ENOENT';
  if (code === 'EACCES') return 'EACCES';
  if (code === 'EISDIR') return 'EISDIR';
  return code ?? (error instanceof Error ? error.message : String(error));
}
