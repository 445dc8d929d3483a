import type { TFunction } from 'i18next';
import type { Referentials } from '../../core/referentials/load-referentials.ts';
import { duplicateIdProblems } from '../../core/scenario/duplicate-ids.ts';
import { EXIT, type CliIO } from '../io.ts';
import { diagnosticLine } from '../diagnostic-text.ts';
import { expandScenarioPaths, readScenarioFile, type ScenarioFile } from '../scenario-files.ts';
import { terminalSafeIO } from '../terminal-text.ts';

/**
 * `negosim validate <file|dir>...`: every file is checked, whatever happened to the others;
 * exit 0 only when all are valid.
 */
export function runValidate(paths: string[], terminal: CliIO, t: TFunction, refs: Referentials): number {
  const io = terminalSafeIO(terminal); // file names come from outside too
  const { files, problems } = expandScenarioPaths(paths, io.cwd);
  const results: ScenarioFile[] = [...problems, ...files.map((f) => readScenarioFile(f, io.cwd, refs.skills))];
  const duplicates = duplicateIdProblems(
    results.flatMap((r) => (r.scenario ? [{ file: r.file, id: r.scenario.meta.id }] : [])),
  );
  for (const r of results) {
    const problem = duplicates.get(r.file);
    if (!problem) continue;
    r.diagnostics.push(problem);
    delete r.scenario;
  }
  let errors = 0;
  for (const r of results) {
    const errs = r.diagnostics.filter((d) => d.severity === 'error');
    errors += errs.length;
    for (const d of r.diagnostics) {
      if (d.severity === 'error') io.err(diagnosticLine(d, r.file, t));
      else io.out(diagnosticLine(d, r.file, t));
    }
    if (r.scenario && errs.length === 0) io.out(t('cli:validate.ok', { file: r.file, id: r.scenario.meta.id }));
  }
  const valid = results.filter((r) => r.scenario).length;
  io.out(
    t('cli:validate.summary', {
      count: valid,
      total: results.length,
      errors: t('cli:validate.errors', { count: errors }),
    }),
  );
  return errors === 0 && results.length > 0 ? EXIT.ok : EXIT.failure;
}
