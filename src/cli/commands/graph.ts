import type { TFunction } from 'i18next';
import type { Referentials } from '../../core/referentials/load-referentials.ts';
import { VISIT_PHASES } from '../../core/phases.ts';
import { indexScenario, type ScenarioIndex } from '../../core/scenario/scenario-index.ts';
import { pickText, type ContentLanguage } from '../../core/scenario/text.ts';
import { buildVisitGraph } from '../../core/graph/visit-graph.ts';
import { diagnosticLine } from '../diagnostic-text.ts';
import { EXIT, type CliIO } from '../io.ts';
import { readScenarioFile } from '../scenario-files.ts';
import { terminalSafeIO, terminalText } from '../terminal-text.ts';

export type GraphFormat = 'mermaid' | 'dot';

/**
 * `negosim graph`: the dialogue map, grouped by phase. Poor choices are dashed and marked ✗,
 * endings are rounded and named by kind, so an author sees at a glance where a path goes wrong.
 */
export function runGraph(
  file: string,
  format: GraphFormat,
  lang: ContentLanguage,
  terminal: CliIO,
  t: TFunction,
  refs: Referentials,
): number {
  const io = terminalSafeIO(terminal); // the file name comes from outside too
  const loaded = readScenarioFile(file, io.cwd, refs.skills);
  if (!loaded.scenario) {
    for (const d of loaded.diagnostics) io.err(diagnosticLine(d, file, t));
    return EXIT.failure;
  }
  const index = indexScenario(loaded.scenario, refs.skills);
  io.out(format === 'dot' ? toDot(index, lang, t) : toMermaid(index, lang, t));
  return EXIT.ok;
}

interface GraphEdge {
  from: string;
  to: string;
  label: string;
  poor: boolean;
}

function edgesOf(index: ScenarioIndex, t: TFunction): GraphEdge[] {
  const graph = buildVisitGraph(index);
  return graph.edges.map((e) => {
    const from = graph.vertices[e.from]?.id ?? '';
    const to = graph.vertices[e.to]?.id ?? '';
    if (e.outcome) return { from, to, label: t(`cli:graph.outcome.${e.outcome}`), poor: e.outcome !== 'deal' };
    if (!e.choice) return { from, to, label: '', poor: false };
    const poor = index.qualityOf(e.choice.id) === 'poor';
    const label = (poor ? '✗ ' : '') + e.choice.id + (e.walkOut ? ` (${t('cli:graph.walkOut')})` : '');
    return { from, to, label, poor: poor || e.walkOut === true };
  });
}

/** Mermaid node ids must be simple; authored ids may contain dots. */
const mid = (id: string) => 'n_' + id.replace(/[^A-Za-z0-9_]/g, '_');
/**
 * Label text Mermaid reads as text only: what would end the label (`"`), start an entity code
 * (`#`), a Markdown string (`` ` ``) or HTML (`<`, `>`, `&` — Mermaid renders labels as HTML, so a
 * line holding `<img src=x onerror=…>` would become an image) is written as an entity code.
 */
const MERMAID_ENTITY: Record<string, string> = {
  '#': '#35;',
  '"': '#quot;',
  '<': '#lt;',
  '>': '#gt;',
  '&': '#amp;',
  '`': '#96;',
};
const quote = (text: string) =>
  terminalText(text.replace(/[\n\t]/g, ' ')).replace(/[#"<>&`]/g, (c) => MERMAID_ENTITY[c] ?? c);
/** Cut by code points, so an emoji is never split into a lone surrogate. */
const short = (text: string) => {
  const chars = Array.from(text);
  return chars.length > 48 ? chars.slice(0, 47).join('') + '…' : text;
};

function toMermaid(index: ScenarioIndex, lang: ContentLanguage, t: TFunction): string {
  const lines = ['flowchart TD'];
  const prep = index.scenario.preparation?.nodes ?? [];
  if (prep.length) {
    lines.push(`  subgraph briefing["${quote(t('common:phases.briefing'))}"]`);
    for (const n of prep) lines.push(`    ${mid(n.id)}["${quote(n.id + ': ' + short(pickText(n.text, lang)))}"]`);
    lines.push('  end');
  }
  lines.push(`  ${mid('@start')}(("${quote(t('cli:graph.start'))}"))`);
  for (const phase of VISIT_PHASES) {
    const nodes = index.scenario.phases[phase].nodes;
    const nego = phase === 'closing' ? index.scenario.phases.closing.negotiation : undefined;
    if (!nodes.length && !nego) continue;
    lines.push(`  subgraph ${phase}["${quote(t(`common:phases.${phase}`))}"]`);
    for (const n of nodes) lines.push(`    ${mid(n.id)}["${quote(n.id + ': ' + short(pickText(n.text, lang)))}"]`);
    if (nego) lines.push(`    ${mid(nego.id)}{{"${quote(nego.id + ': ' + t('cli:graph.negotiation'))}"}}`);
    lines.push('  end');
  }
  for (const { ending } of index.endings.values()) {
    lines.push(
      `  ${mid(ending.id)}(["${quote(t(`cli:graph.ending.${ending.kind}`) + ' — ' + short(pickText(ending.title, lang)))}"])`,
    );
  }
  for (const e of edgesOf(index, t)) {
    const arrow = e.poor ? '-.->' : '-->';
    lines.push(
      e.label
        ? `  ${mid(e.from)} ${arrow}|"${quote(e.label)}"| ${mid(e.to)}`
        : `  ${mid(e.from)} ${arrow} ${mid(e.to)}`,
    );
  }
  lines.push('  classDef ending stroke-width:3px');
  lines.push(`  class ${[...index.endings.keys()].map(mid).join(',')} ending`);
  return lines.join('\n');
}

function toDot(index: ScenarioIndex, lang: ContentLanguage, t: TFunction): string {
  // A quoted DOT string is never HTML; a backslash would start an escape such as \N or \l.
  const q = (s: string) =>
    '"' +
    terminalText(s.replace(/[\n\t]/g, ' '))
      .replace(/\\/g, '\\\\')
      .replace(/"/g, '\\"') +
    '"';
  const lines = ['digraph scenario {', '  rankdir=TB;', '  node [shape=box, fontname="Liberation Sans"];'];
  const prep = index.scenario.preparation?.nodes ?? [];
  if (prep.length) {
    lines.push(`  subgraph cluster_briefing { label=${q(t('common:phases.briefing'))};`);
    for (const n of prep) lines.push(`    ${q(n.id)} [label=${q(n.id + ': ' + short(pickText(n.text, lang)))}];`);
    lines.push('  }');
  }
  lines.push(`  ${q('@start')} [shape=circle, label=${q(t('cli:graph.start'))}];`);
  for (const phase of VISIT_PHASES) {
    const nodes = index.scenario.phases[phase].nodes;
    const nego = phase === 'closing' ? index.scenario.phases.closing.negotiation : undefined;
    if (!nodes.length && !nego) continue;
    lines.push(`  subgraph cluster_${phase} { label=${q(t(`common:phases.${phase}`))};`);
    for (const n of nodes) lines.push(`    ${q(n.id)} [label=${q(n.id + ': ' + short(pickText(n.text, lang)))}];`);
    if (nego) lines.push(`    ${q(nego.id)} [shape=hexagon, label=${q(nego.id + ': ' + t('cli:graph.negotiation'))}];`);
    lines.push('  }');
  }
  for (const { ending } of index.endings.values()) {
    lines.push(
      `  ${q(ending.id)} [shape=box, style="rounded,bold", label=${q(t(`cli:graph.ending.${ending.kind}`) + ' — ' + short(pickText(ending.title, lang)))}];`,
    );
  }
  for (const e of edgesOf(index, t))
    lines.push(`  ${q(e.from)} -> ${q(e.to)} [label=${q(e.label)}${e.poor ? ', style=dashed' : ''}];`);
  lines.push('}');
  return lines.join('\n');
}
