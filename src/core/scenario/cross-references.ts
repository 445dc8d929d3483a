import { canMoveBetweenPhases, VISIT_PHASES } from '../phases.ts';
import { diagnostic, pointer, type Diagnostic } from '../diagnostics/codes.ts';
import type { Condition } from './conditions.ts';
import { choiceQuality } from './choice-quality.ts';
import type { SkillBook } from '../referentials/skill-book.ts';
import type { Effects, Scenario, SkillEvidence } from './format.ts';
import { destinationOf, indexScenario, type ScenarioIndex } from './scenario-index.ts';
import { CONTENT_LANGUAGES } from './text.ts';
import { personaFactDiagnostics } from './persona-facts.ts';
import { nearest, nearestSkill } from './suggestions.ts';
import { dialogueReferenceDiagnostics } from './dialogue-references.ts';
import { economicsOf } from '../negotiation/economics.ts';
import { priceKind } from '../negotiation/item-scales.ts';
import type { NegotiationSpec } from '../negotiation/spec.ts';
import { toCents } from '../pricing/index.ts';

export { nearest };

type Path = (string | number)[];

/** What cross-references are checked against: the skills of the taxonomy, with their polarity. */
export type ReferenceContext = SkillBook;

const BUILT_IN_SPEAKERS = new Set(['client', 'narrator', 'seller']);

/**
 * What the JSON Schema cannot check: that ids point at something, are unique, that every
 * declared language has its text, that poor choices teach a better alternative, and that
 * the dialogue never walks back into the opening.
 */
export function crossReferenceDiagnostics(scenario: Scenario, ctx: ReferenceContext): Diagnostic[] {
  const index = indexScenario(scenario, ctx);
  const out: Diagnostic[] = [];
  const at = (path: Path) => pointer(path);

  duplicateIds(scenario, out);

  const variables = new Map((scenario.variables ?? []).map((v) => [v.id, v.type]));
  scenario.variables?.forEach((v, i) => {
    if (v.initial !== undefined && (typeof v.initial === 'boolean') !== (v.type === 'flag'))
      out.push(diagnostic('NS042', at(['variables', i, 'initial']), { name: v.id, expected: v.type }));
  });
  const needs = new Set(scenario.persona.needs.map((n) => n.id));
  const speakers = new Set([...BUILT_IN_SPEAKERS, ...(scenario.cast ?? []).map((c) => c.id)]);

  scenario.meta.skills?.forEach((skill, i) => {
    if (!ctx.polarity(skill))
      out.push(
        diagnostic('NS032', at(['meta', 'skills', i]), {
          skill,
          suggestion: nearestSkill(skill, ctx),
        }),
      );
  });

  if (index.startId === undefined || !index.nodes.has(index.startId)) {
    out.push(
      diagnostic('NS037', at(scenario.start ? ['start'] : ['phases', 'prospection', 'nodes']), {
        start: index.startId ?? '',
      }),
    );
  }

  const patience = scenario.persona.patience;
  if (patience && !index.endings.has(patience.ending))
    out.push(
      diagnostic('NS043', at(['persona', 'patience', 'ending']), {
        ending: patience.ending,
        suggestion: nearest(patience.ending, [...index.endings.keys()]),
      }),
    );

  for (const { choice, path, stage } of index.choices.values()) {
    for (const [si, ev] of (choice.skills ?? []).entries()) {
      if (!ctx.polarity(ev.skill))
        out.push(
          diagnostic('NS032', at([...path, 'skills', si, 'skill']), {
            skill: ev.skill,
            suggestion: nearestSkill(ev.skill, ctx, intendedPolarity(choice, si, ctx)),
          }),
        );
    }
    if (choiceQuality(choice.skills, ctx.polarity) === 'poor' && !choice.better)
      out.push(diagnostic('NS036', at(path), { choice: choice.id }));
    const better = choice.betterChoice === undefined ? undefined : index.choices.get(choice.betterChoice);
    const betterAt = at([...path, 'betterChoice']);
    if (choice.betterChoice !== undefined && !better)
      out.push(diagnostic('NS039', betterAt, { choice: choice.betterChoice }));
    // The better answer shown after a poor one is an answer of the same moment, and a good one.
    else if (better && choice.betterChoice !== undefined) {
      const { nodeId } = index.choices.get(choice.id) ?? {};
      if (better.nodeId !== nodeId)
        out.push(diagnostic('NS112', betterAt, { choice: choice.id, better: choice.betterChoice }));
      else if (index.qualityOf(choice.betterChoice) !== 'good')
        out.push(diagnostic('NS113', betterAt, { choice: choice.id, better: choice.betterChoice }));
    }
    if (choice.effects) effectReferences(choice.effects, [...path, 'effects'], variables, needs, out);
    if (choice.condition)
      conditionReferences(choice.condition.when, [...path, 'condition', 'when'], index, variables, needs, out);

    if (stage === 'briefing') {
      if (choice.next !== undefined && !index.preparation.has(choice.next))
        out.push(
          diagnostic('NS031', at([...path, 'next']), {
            target: choice.next,
            suggestion: nearest(choice.next, [...index.preparation.keys()]),
          }),
        );
      continue;
    }
    const next = choice.next ?? '';
    const dest = destinationOf(index, next);
    if (dest.kind === 'unknown') {
      out.push(
        diagnostic('NS031', at([...path, 'next']), { target: next, suggestion: nearest(next, allDestinations(index)) }),
      );
    } else if (dest.kind !== 'ending' && !canMoveBetweenPhases(stage, dest.phase)) {
      out.push(diagnostic('NS038', at([...path, 'next']), { from: stage, to: dest.phase }));
    }
  }

  for (const { node, phase, index: i } of index.nodeList) {
    if (!speakers.has(node.speaker))
      out.push(diagnostic('NS041', at(['phases', phase, 'nodes', i, 'speaker']), { speaker: node.speaker }));
  }

  const nego = scenario.phases.closing.negotiation;
  if (nego) {
    for (const key of ['deal', 'noDeal', 'walkAway'] as const) {
      const target = nego.outcomes[key];
      const dest = destinationOf(index, target);
      const path = ['phases', 'closing', 'negotiation', 'outcomes', key];
      if (dest.kind === 'unknown' || dest.kind === 'negotiation')
        out.push(diagnostic('NS031', at(path), { target, suggestion: nearest(target, allDestinations(index)) }));
      else if (dest.kind === 'ending') {
        const kind = index.endings.get(target)?.ending.kind;
        if ((key === 'deal') !== (kind === 'sale'))
          out.push(diagnostic('NS044', at(path), { outcome: key, ending: target, kind: kind ?? '' }));
      }
    }
  }

  if (nego) reservationBelowFloor(nego, out);
  dialogueReferenceDiagnostics(
    scenario,
    index,
    (cond, path) => conditionReferences(cond, path, index, variables, needs, out),
    out,
  );
  out.push(...personaFactDiagnostics(scenario));
  missingTranslations(scenario, out);
  return out;
}

/**
 * The polarity the author meant for the skill evidence at `at`, when the choice tells: a missed
 * skill is a good one; the only sign of a poor choice (it has a better alternative) is a poor
 * habit. Otherwise every skill may be meant.
 */
function intendedPolarity(
  choice: { skills?: SkillEvidence[]; better?: unknown; betterChoice?: string },
  at: number,
  ctx: ReferenceContext,
): 'positive' | 'negative' | undefined {
  const evidence = choice.skills ?? [];
  if (evidence[at]?.missed) return 'positive';
  if (choice.better === undefined && choice.betterChoice === undefined) return undefined;
  const others = evidence.filter((_, i) => i !== at);
  return others.some((e) => e.missed || ctx.polarity(e.skill) === 'negative') ? undefined : 'negative';
}

/**
 * The client's reservation on the price lies past the seller's floor: every price the client
 * would accept loses the seller money by the margin rule, so no deal can be signed.
 */
function reservationBelowFloor(nego: NegotiationSpec, out: Diagnostic[]): void {
  const kind = priceKind(nego);
  const reservation = nego.client.targets[kind]?.reservation;
  if (reservation === undefined) return;
  const economics = economicsOf(nego, { [kind]: reservation });
  if (!economics.belowFloor || !economics.floorPriceHt.isFinite()) return;
  out.push(
    diagnostic('NS046', pointer(['phases', 'closing', 'negotiation', 'client', 'targets', kind, 'reservation']), {
      price: economics.netUnitPriceHt.toNumber(),
      floor: toCents(economics.floorPriceHt).toNumber(),
    }),
  );
}

function duplicateIds(scenario: Scenario, out: Diagnostic[]): void {
  const seen = new Map<string, string>();
  const check = (id: string, kind: string, path: Path) => {
    const first = seen.get(`${kind}:${id}`);
    if (first !== undefined) out.push(diagnostic('NS030', pointer(path), { id, kind, first }));
    else seen.set(`${kind}:${id}`, pointer(path));
  };
  // Nodes, the negotiation step and endings share one namespace: they are all `next` targets.
  scenario.preparation?.nodes.forEach((n, i) => {
    check(n.id, 'step', ['preparation', 'nodes', i, 'id']);
    n.choices.forEach((c, ci) => check(c.id, 'choice', ['preparation', 'nodes', i, 'choices', ci, 'id']));
  });
  for (const phase of VISIT_PHASES) {
    scenario.phases[phase].nodes.forEach((n, i) => {
      check(n.id, 'step', ['phases', phase, 'nodes', i, 'id']);
      n.choices.forEach((c, ci) => check(c.id, 'choice', ['phases', phase, 'nodes', i, 'choices', ci, 'id']));
    });
  }
  const nego = scenario.phases.closing.negotiation;
  if (nego) check(nego.id, 'step', ['phases', 'closing', 'negotiation', 'id']);
  scenario.endings.forEach((e, i) => check(e.id, 'step', ['endings', i, 'id']));
  scenario.persona.needs.forEach((n, i) => check(n.id, 'need', ['persona', 'needs', i, 'id']));
  scenario.variables?.forEach((v, i) => check(v.id, 'variable', ['variables', i, 'id']));
  scenario.cast?.forEach((c, i) => check(c.id, 'cast', ['cast', i, 'id']));
  scenario.brief.offer.items.forEach((it, i) => check(it.id, 'offer-item', ['brief', 'offer', 'items', i, 'id']));
}

function effectReferences(
  effects: Effects,
  path: Path,
  variables: Map<string, 'flag' | 'number'>,
  needs: Set<string>,
  out: Diagnostic[],
): void {
  effects.discover?.forEach((need, i) => {
    if (!needs.has(need))
      out.push(diagnostic('NS035', pointer([...path, 'discover', i]), { need, suggestion: nearest(need, [...needs]) }));
  });
  for (const [name, value] of Object.entries(effects.set ?? {})) {
    const type = variables.get(name);
    if (!type)
      out.push(
        diagnostic('NS034', pointer([...path, 'set', name]), {
          name,
          suggestion: nearest(name, [...variables.keys()]),
        }),
      );
    else if ((typeof value === 'boolean') !== (type === 'flag'))
      out.push(diagnostic('NS042', pointer([...path, 'set', name]), { name, expected: type }));
  }
  for (const name of Object.keys(effects.add ?? {})) {
    const type = variables.get(name);
    if (!type)
      out.push(
        diagnostic('NS034', pointer([...path, 'add', name]), {
          name,
          suggestion: nearest(name, [...variables.keys()]),
        }),
      );
    else if (type !== 'number')
      out.push(diagnostic('NS042', pointer([...path, 'add', name]), { name, expected: type }));
  }
}

function conditionReferences(
  cond: Condition,
  path: Path,
  index: ScenarioIndex,
  variables: Map<string, 'flag' | 'number'>,
  needs: Set<string>,
  out: Diagnostic[],
): void {
  walkCondition(cond, path, (leaf, leafPath) => {
    if ('need' in leaf && !needs.has(leaf.need))
      out.push(
        diagnostic('NS035', pointer([...leafPath, 'need']), {
          need: leaf.need,
          suggestion: nearest(leaf.need, [...needs]),
        }),
      );
    if ('flag' in leaf || 'var' in leaf) {
      const name = 'flag' in leaf ? leaf.flag : leaf.var;
      const expected = 'flag' in leaf ? 'flag' : 'number';
      const key = 'flag' in leaf ? 'flag' : 'var';
      const type = variables.get(name);
      if (!type)
        out.push(
          diagnostic('NS034', pointer([...leafPath, key]), { name, suggestion: nearest(name, [...variables.keys()]) }),
        );
      else if (type !== expected) out.push(diagnostic('NS042', pointer([...leafPath, key]), { name, expected: type }));
    }
    if ('visited' in leaf && !index.nodes.has(leaf.visited) && leaf.visited !== index.negotiationId)
      out.push(diagnostic('NS040', pointer([...leafPath, 'visited']), { node: leaf.visited }));
    if ('chose' in leaf && !index.choices.has(leaf.chose))
      out.push(diagnostic('NS039', pointer([...leafPath, 'chose']), { choice: leaf.chose }));
  });
}

/** Visits every leaf with its exact JSON path (conditionLeaves loses the path). */
function walkCondition(cond: Condition, path: Path, visit: (leaf: Condition, path: Path) => void): void {
  if ('all' in cond) cond.all.forEach((c, i) => walkCondition(c, [...path, 'all', i], visit));
  else if ('any' in cond) cond.any.forEach((c, i) => walkCondition(c, [...path, 'any', i], visit));
  else if ('not' in cond) walkCondition(cond.not, [...path, 'not'], visit);
  else visit(cond, path);
}

/**
 * Every object made only of language keys with string values is authored text; it must have
 * each declared language. Walking the document generically keeps this check in step with the
 * format as it grows (the negotiation step's lines, for instance).
 */
function missingTranslations(scenario: Scenario, out: Diagnostic[]): void {
  const languages = scenario.meta.languages;
  const isText = (v: object) => {
    const entries = Object.entries(v);
    return (
      entries.length > 0 &&
      entries.every(([k, s]) => (CONTENT_LANGUAGES as readonly string[]).includes(k) && typeof s === 'string')
    );
  };
  const walk = (value: unknown, path: Path) => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, [...path, i]));
    if (!value || typeof value !== 'object') return;
    if (isText(value)) {
      for (const lang of languages) if (!(lang in value)) out.push(diagnostic('NS033', pointer(path), { lang }));
      return;
    }
    for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(scenario, []);
}

function allDestinations(index: ScenarioIndex): string[] {
  return [...index.nodes.keys(), ...index.endings.keys(), ...(index.negotiationId ? [index.negotiationId] : [])];
}
