import { diagnostic, pointer, type Diagnostic } from '../diagnostics/codes.ts';
import { itemOf } from '../negotiation/item-scales.ts';
import type { Condition } from './conditions.ts';
import { ENDING_PLACEHOLDERS, endingTexts, isEndingPlaceholder, placeholdersIn } from './ending-template.ts';
import type { Scenario, TextVariant } from './format.ts';
import type { ScenarioIndex } from './scenario-index.ts';
import { nearest } from './suggestions.ts';
import type { LocalizedText } from './text.ts';

type Path = (string | number)[];
type ConditionCheck = (cond: Condition, path: Path) => void;

/**
 * References of the conditional dialogue: the conditions of line and choice variants, the needs a
 * text `presumes`, and the placeholders of ending texts — each error at its exact JSON path.
 */
export function dialogueReferenceDiagnostics(
  scenario: Scenario,
  index: ScenarioIndex,
  checkCondition: ConditionCheck,
  out: Diagnostic[],
): void {
  const needs = scenario.persona.needs.map((n) => n.id);
  const presumed = (list: string[] | undefined, path: Path) =>
    list?.forEach((need, i) => {
      if (!needs.includes(need))
        out.push(diagnostic('NS035', pointer([...path, 'presumes', i]), { need, suggestion: nearest(need, needs) }));
    });
  const variants = (list: TextVariant[] | undefined, path: Path) =>
    list?.forEach((v, i) => {
      checkCondition(v.when, [...path, 'variants', i, 'when']);
      presumed(v.presumes, [...path, 'variants', i]);
    });
  for (const { node, phase, index: i } of index.nodeList) {
    const path = ['phases', phase, 'nodes', i];
    variants(node.variants, path);
    presumed(node.presumes, path);
  }
  for (const { choice, path } of index.choices.values()) {
    variants(choice.variants, path);
    presumed(choice.presumes, path);
  }
  endingPlaceholders(scenario, out);
}

function endingPlaceholders(scenario: Scenario, out: Diagnostic[]): void {
  const spec = scenario.phases.closing.negotiation;
  const known = Object.keys(ENDING_PLACEHOLDERS);
  scenario.endings.forEach((ending, e) => {
    const report = (text: LocalizedText, field: Path, inTitle: boolean) => {
      for (const [lang, value] of Object.entries(text)) {
        const at = pointer(['endings', e, ...field, lang]);
        for (const name of new Set(placeholdersIn(value ?? ''))) {
          if (!isEndingPlaceholder(name))
            out.push(diagnostic('NS070', at, { placeholder: name, suggestion: nearest(name, known) }));
          else if (inTitle) out.push(diagnostic('NS073', at, { placeholder: name }));
          else if (!spec) out.push(diagnostic('NS072', at, { placeholder: name }));
          else {
            const item = ENDING_PLACEHOLDERS[name];
            if (item !== null && !itemOf(spec, item)) out.push(diagnostic('NS071', at, { placeholder: name, item }));
          }
        }
      }
    };
    report(ending.title, ['title'], true);
    for (const { field, text } of endingTexts(ending)) report(text, field, false);
  });
}
