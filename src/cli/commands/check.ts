import type { TFunction } from 'i18next';
import { checkScenario, type CheckReport } from '../../core/check/check-scenario.ts';
import type { ReferentialPack } from '../../core/referentials/formats.ts';
import type { Referentials } from '../../core/referentials/load-referentials.ts';
import { shownPath } from '../../core/diagnostics/id-paths.ts';
import { indexScenario } from '../../core/scenario/scenario-index.ts';
import { pickText } from '../../core/scenario/text.ts';
import { diagnosticLine, diagnosticMessage } from '../diagnostic-text.ts';
import { EXIT, type CliIO } from '../io.ts';
import type { UiLanguage } from '../../i18n/languages.ts';
import { formats } from '../../present/format.ts';
import { readScenarioFile } from '../scenario-files.ts';

export interface CheckArgs {
  file: string;
  json: boolean;
  pack: ReferentialPack;
  seed: number;
  dealt?: boolean;
  lang: UiLanguage;
}

/**
 * `negosim check <file>`: the content checks; exit 1 when a node is unreachable, a dead end or an ending is
 * never reached.
 */
export function runCheck(args: CheckArgs, io: CliIO, t: TFunction, refs: Referentials): number {
  const loaded = readScenarioFile(args.file, io.cwd, refs.skills);
  if (!loaded.scenario) {
    for (const d of loaded.diagnostics) io.err(diagnosticLine(d, args.file, t));
    return EXIT.failure;
  }
  const index = indexScenario(loaded.scenario, refs.skills);
  const report = checkScenario(index, args.pack, { seed: args.seed, allPacks: refs.packs });
  if (args.json) {
    const { diagnostics, ...rest } = report;
    io.out(
      JSON.stringify(
        {
          ...rest,
          // `path` stays the RFC 6901 pointer tools resolve; `idPath` is the line's id-based path.
          diagnostics: diagnostics.map((d) => ({ ...d, idPath: shownPath(d), message: diagnosticMessage(d, t) })),
        },
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
  const f = formats(args.lang);
  // The path as `negosim play --choices` reads it back: a JSON array of choice ids and { nego } moves.
  const pathText = (path: CheckReport['bestPath']) => JSON.stringify(path);
  // French agrees "aucun"/"aucune" with the noun: nœuds (m.), impasses, fins, conditions, phases, compétences (f.).
  const list = (ids: readonly string[], feminine = true) =>
    ids.length ? ids.join(', ') : t(feminine ? 'cli:check.noneF' : 'cli:check.none');
  io.out(t('cli:check.title', { id: r.id, referential: pickText(args.pack.title, args.lang) }));
  io.out(t('cli:check.size', { nodes: r.nodes, endings: r.endings, paths: r.paths }));
  if (r.loops) io.out(t('cli:check.loops'));
  io.out(t('cli:check.unreachableNodes', { list: list(r.unreachableNodes, false) }));
  io.out(t('cli:check.deadEnds', { list: list(r.deadEnds) }));
  io.out(t('cli:check.unreachableEndings', { list: list(r.unreachableEndings) }));
  io.out(t('cli:check.conditionsNeverHold', { list: list(r.conditionsNeverHold) }));
  io.out(t('cli:check.phasesNeverVisited', { list: list(r.phasesNeverVisited.map((p) => t(`common:phases.${p}`))) }));
  io.out(t('cli:check.skillsNeverEvidenced', { list: list(r.skillsNeverEvidenced) }));
  io.out(t('cli:check.best', { mark: f.mark(r.bestScore), path: pathText(r.bestPath) }));
  io.out(t('cli:check.worst', { mark: f.mark(r.worstScore), path: pathText(r.worstPath) }));
  io.out(t('cli:check.tellRate', { rate: f.percent(r.tellRate * 100, 0) }));
  if (r.bestPathGaps.length)
    io.out(
      t('cli:check.gaps', {
        list: r.bestPathGaps.map((g) => `${g.code} ${f.percent(g.ratio * 100, 0)}`).join(', '),
      }),
    );
  for (const d of r.diagnostics) io.out(diagnosticLine(d, args.file, t));
}
