import { readFileSync, writeFileSync } from 'node:fs';

/**
 * How `npm run bench:game` reports: every figure beside its baseline from the same run, the
 * ratio, and the target where the project has one (issue 15). The table also replaces the
 * marked section of docs/performance.md, so the file keeps the last run and every other
 * section as its writers left it.
 */
export interface Row {
  measure: string;
  game: string;
  baseline: string;
  /** game ÷ baseline, when both are numbers of the same kind. */
  ratio: number | null;
  /** A bound on the ratio (or, with `absolute`, on the game's own figure). */
  target?: { max: number; absolute?: number; label: string };
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
export const ms = (n: number) => `${n.toFixed(0)} ms`;
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
export const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? NaN;

export function met(row: Row): boolean | null {
  if (!row.target) return null;
  const value = row.target.absolute ?? row.ratio;
  return value !== null && value !== undefined && Number.isFinite(value) && value <= row.target.max;
}

export function table(rows: Row[]): string {
  const cell = (r: Row) => {
    const ok = met(r);
    return r.target ? `${r.target.label} ${ok ? '✓' : '✗'}` : '';
  };
  return [
    '| measure | NegoSim | baseline (same run) | ratio | target |',
    '|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.measure} | ${r.game} | ${r.baseline} | ${r.ratio === null ? '—' : r.ratio.toFixed(2)} | ${cell(r)} |`,
    ),
  ].join('\n');
}

const START = '<!-- bench:game:start (written by npm run bench:game) -->';
const END = '<!-- bench:game:end -->';

/** Replaces the marked section of the document (or adds it after the first heading). */
export function writeLastRun(docPath: string, section: string): void {
  const doc = readFileSync(docPath, 'utf8');
  const block = `${START}\n${section.trim()}\n${END}`;
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  let next: string;
  if (start >= 0 && end > start) next = doc.slice(0, start) + block + doc.slice(end + END.length);
  else {
    const firstBreak = doc.indexOf('\n\n');
    next = firstBreak >= 0 ? `${doc.slice(0, firstBreak)}\n\n${block}\n${doc.slice(firstBreak)}` : `${doc}\n${block}\n`;
  }
  writeFileSync(docPath, next);
}
