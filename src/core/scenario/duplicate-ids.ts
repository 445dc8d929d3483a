import { diagnostic, type Diagnostic } from '../diagnostics/codes.ts';

export interface DeclaredId {
  /** The file as it is shown to the author (any path; only its base name matters). */
  file: string;
  id: string;
}

/**
 * Which files lose their `meta.id` when several declare the same one (NS007). The rule a
 * teacher can predict, whatever order files are read or sorted in: the file named after the
 * id (`<id>.json`) keeps it, and every other file declaring it is refused; when no file (or more
 * than one, in different folders) bears that name, all of them are refused — NegoSim does not
 * guess which is the original. Returns the diagnostic for each refused file.
 */
export function duplicateIdProblems(declared: readonly DeclaredId[]): Map<string, Diagnostic> {
  const byId = new Map<string, DeclaredId[]>();
  for (const d of declared) byId.set(d.id, [...(byId.get(d.id) ?? []), d]);
  const problems = new Map<string, Diagnostic>();
  for (const [id, files] of byId) {
    if (files.length < 2) continue;
    const named = files.filter((f) => baseName(f.file) === `${id}.json`);
    const keeper = named.length === 1 ? named[0] : undefined;
    for (const f of files) {
      if (f === keeper) continue;
      const other = keeper ?? files.find((g) => g !== f);
      problems.set(f.file, diagnostic('NS007', '/meta/id', { id, other: other?.file ?? '' }));
    }
  }
  return problems;
}

function baseName(file: string): string {
  return file.replace(/^.*[\\/]/, '');
}
