import type { TFunction } from 'i18next';
import { diagnostic } from '../../core/diagnostics/codes.ts';
import type { Referentials } from '../../core/referentials/load-referentials.ts';
import { EXIT, type CliIO } from '../io.ts';
import { diagnosticLine } from '../diagnostic-text.ts';
import { expandScenarioPaths, readScenarioFile, type ScenarioFile } from '../scenario-files.ts';

/**
 * `negosim validate <file|dir>...`: every file is checked, whatever happened to the others;
 * exit 0 only when all are valid.
 */
export function runValidate(paths: string[], io: CliIO, t: TFunction, refs: Referentials): number {
  const { files, problems } = expandScenarioPaths(paths, io.cwd);
  const results: ScenarioFile[] = [...problems, ...files.map((f) => readScenarioFile(f, io.cwd, refs.skills))];
  const owners = new Map<string, string>();
  for (const r of results) {
    const id = r.scenario?.meta.id;
    if (!id) continue;
    const first = owners.get(id);
    if (first !== undefined) {
      r.diagnostics.push(diagnostic('NS007', '/meta/id', { id, other: first }));
      delete r.scenario;
    } else owners.set(id, r.file);
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
  io.out(t('cli:validate.summary', { valid, total: results.length, errors }));
  return errors === 0 && results.length > 0 ? EXIT.ok : EXIT.failure;
}
