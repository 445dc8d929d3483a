import type { TFunction } from 'i18next';
import { checkScenario, type CheckReport } from '../../core/check/check-scenario.ts';
import type { PackId } from '../../core/referentials/bundled.ts';
import { indexScenario } from '../../core/scenario/scenario-index.ts';
import { diagnosticLine, diagnosticMessage } from '../diagnostic-text.ts';
import { EXIT, type CliIO } from '../io.ts';
import { formatMark, formatNumber } from '../number-format.ts';
import { readScenarioFile } from '../scenario-files.ts';

export interface CheckArgs {
  file: string;
  json: boolean;
  referential: PackId;
  seed: number;
  lang: string;
}

/** `negosim check <file>`: the content checks; exit 1 when a node is unreachable, a dead end or an ending is never reached. */
export function runCheck(args: CheckArgs, io: CliIO, t: TFunction): number {
  const loaded = readScenarioFile(args.file, io.cwd);
  if (!loaded.scenario) {
    for (const d of loaded.diagnostics) io.err(diagnosticLine(d, args.file, t));
    return EXIT.failure;
  }
  const index = indexScenario(loaded.scenario);
  const report = checkScenario(index, args.referential, { seed: args.seed });
  if (args.json) {
    const { diagnostics, ...rest } = report;
    io.out(
      JSON.stringify(
        { ...rest, diagnostics: diagnostics.map((d) => ({ ...d, message: diagnosticMessage(d, t) })) },
        null,
        2,
      ),
    );
  } else {
    printReport(report, args, io, t);
  }
  return report.diagnostics.some((d) => d.severity === 'error') ? EXIT.failure : EXIT.ok;
}

function printReport(r: CheckReport, args: CheckArgs, io: CliIO, t: TFunction): void {
  // French agrees "aucun"/"aucune" with the noun: nœuds (m.), impasses, fins, conditions, phases, compétences (f.).
  const list = (ids: readonly string[], feminine = true) =>
    ids.length ? ids.join(', ') : t(feminine ? 'cli:check.noneF' : 'cli:check.none');
  io.out(t('cli:check.title', { id: r.id, referential: r.referential.toUpperCase() }));
  io.out(t('cli:check.size', { nodes: r.nodes, endings: r.endings, paths: r.paths }));
  if (r.loops) io.out(t('cli:check.loops'));
  io.out(t('cli:check.unreachableNodes', { list: list(r.unreachableNodes, false) }));
  io.out(t('cli:check.deadEnds', { list: list(r.deadEnds) }));
  io.out(t('cli:check.unreachableEndings', { list: list(r.unreachableEndings) }));
  io.out(t('cli:check.conditionsNeverHold', { list: list(r.conditionsNeverHold) }));
  io.out(t('cli:check.phasesNeverVisited', { list: list(r.phasesNeverVisited.map((p) => t(`common:phases.${p}`))) }));
  io.out(t('cli:check.skillsNeverEvidenced', { list: list(r.skillsNeverEvidenced) }));
  const exact = r.bounds.exact
    ? t('cli:check.exact')
    : t('cli:check.sound', {
        upper: formatMark(r.bounds.bestUpper, args.lang),
        lower: formatMark(r.bounds.worstLower, args.lang),
      });
  io.out(t('cli:check.best', { mark: formatMark(r.bestScore, args.lang), exact, path: r.bestPath.join(' → ') }));
  io.out(t('cli:check.worst', { mark: formatMark(r.worstScore, args.lang), path: r.worstPath.join(' → ') }));
  if (r.bounds.bestPathGaps.length)
    io.out(
      t('cli:check.gaps', {
        list: r.bounds.bestPathGaps
          .map((g) => `${g.code} ${formatNumber(g.ratio * 100, args.lang, 0)}\u00a0%`)
          .join(', '),
      }),
    );
  for (const d of r.diagnostics) io.out(diagnosticLine(d, args.file, t));
}
