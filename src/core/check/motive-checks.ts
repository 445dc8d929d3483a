import { diagnostic, pointer, type Diagnostic } from '../diagnostics/codes.ts';
import { dominantMotives, revealableFacts, SUITED_TECHNIQUES, techniqueSuits } from '../scenario/persona-facts.ts';
import type { ScenarioIndex } from '../scenario/scenario-index.ts';

/**
 * Motives that matter, as `negosim check` warnings:
 * - NS119 an argument targets a fact no choice reveals (the debrief would always say "not found");
 * - NS120 a good answer to an objection uses a technique that does not suit its kind;
 * - NS121 a dominant motive no choice reveals (the debrief would always report it missed);
 * - NS122 a technique declared on an answer to a line that is not an objection.
 */
export function motiveDiagnostics(index: ScenarioIndex): Diagnostic[] {
  const { scenario } = index;
  const out: Diagnostic[] = [];
  const revealable = revealableFacts(scenario);
  for (const [id, { choice, path, nodeId, stage }] of index.choices) {
    if (choice.targets !== undefined && !revealable.has(choice.targets))
      out.push(diagnostic('NS119', pointer([...path, 'targets']), { choice: id, fact: choice.targets }));
    if (choice.technique === undefined) continue;
    const kind = stage === 'briefing' ? undefined : index.nodes.get(nodeId)?.node.objection?.kind;
    if (kind === undefined)
      out.push(diagnostic('NS122', pointer([...path, 'technique']), { choice: id, technique: choice.technique }));
    else if (index.qualityOf(id) === 'good' && !techniqueSuits(kind, choice.technique))
      out.push(
        diagnostic('NS120', pointer([...path, 'technique']), {
          choice: id,
          technique: choice.technique,
          kind,
          suited: SUITED_TECHNIQUES[kind].join(', '),
        }),
      );
  }
  for (const fact of dominantMotives(scenario))
    if (!revealable.has(fact))
      out.push(diagnostic('NS121', pointer(['persona', 'motives', fact.slice('motive.'.length)]), { fact }));
  return out;
}
