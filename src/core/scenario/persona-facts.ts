import { diagnostic, pointer, type Diagnostic } from '../diagnostics/codes.ts';
import { MOTIVE_KEYS, type Condition, type MotiveKey } from './conditions.ts';
import type { ObjectionKind, ObjectionTechnique, Scenario } from './format.ts';
import { nearest } from './suggestions.ts';

/**
 * Persona facts: what the player can find out about the client and argue to — a SONCAS(E)
 * buying motive ("motive.securite"), a frein ("frein.<id>"), the budget ("budget") and who
 * decides ("decision-maker"). Choices reveal them (`effects.reveal`), conditions test them
 * (`{ "revealed": … }`), arguments target them (`targets`); the debrief lists the facts found
 * and missed. Pure: the game, the CLI and the checks read the same lists.
 */
export type PersonaFact = `motive.${MotiveKey}` | `frein.${string}` | 'budget' | 'decision-maker';

/** A motive weighing this much (0–5) or more is a dominant one: the debrief expects the player to find it. */
export const DOMINANT_MOTIVE = 4;

export function motiveFacts(scenario: Scenario): PersonaFact[] {
  const motives = scenario.persona.motives as Partial<Record<MotiveKey, number>>;
  return MOTIVE_KEYS.filter((k) => motives[k] !== undefined).map((k) => `motive.${k}` as const);
}

/** Every fact the persona declares, in the order the debrief lists them. */
export function declaredFacts(scenario: Scenario): PersonaFact[] {
  return [
    ...motiveFacts(scenario),
    ...scenario.persona.freins.map((f) => `frein.${f.id}` as const),
    'budget',
    'decision-maker',
  ];
}

export function motiveWeight(scenario: Scenario, fact: string): number | undefined {
  if (!fact.startsWith('motive.')) return undefined;
  return (scenario.persona.motives as Partial<Record<string, number>>)[fact.slice('motive.'.length)];
}

export function dominantMotives(scenario: Scenario): PersonaFact[] {
  return motiveFacts(scenario).filter((f) => (motiveWeight(scenario, f) ?? 0) >= DOMINANT_MOTIVE);
}

/** Facts some choice of the scenario reveals (whether or not it can be reached). */
export function revealableFacts(scenario: Scenario): Set<string> {
  const out = new Set<string>();
  for (const { choice } of allChoices(scenario)) choice.effects?.reveal?.forEach((f) => out.add(f));
  return out;
}

/**
 * What the debrief asks the player to have found: the dominant motives, and every other fact
 * the scenario lets them find. A fact no choice reveals is not held against them.
 */
export function factsToFind(scenario: Scenario): PersonaFact[] {
  const dominant = new Set<string>(dominantMotives(scenario));
  const revealable = revealableFacts(scenario);
  return declaredFacts(scenario).filter((f) => dominant.has(f) || revealable.has(f));
}

type Path = (string | number)[];
type AnyChoice = NonNullable<Scenario['preparation']>['nodes'][number]['choices'][number];

function allChoices(scenario: Scenario): { choice: AnyChoice; path: Path }[] {
  const out: { choice: AnyChoice; path: Path }[] = [];
  scenario.preparation?.nodes.forEach((n, i) =>
    n.choices.forEach((choice, ci) => out.push({ choice, path: ['preparation', 'nodes', i, 'choices', ci] })),
  );
  for (const [phase, { nodes }] of Object.entries(scenario.phases))
    nodes.forEach((n, i) =>
      n.choices.forEach((choice, ci) => out.push({ choice, path: ['phases', phase, 'nodes', i, 'choices', ci] })),
    );
  return out;
}

/**
 * NS075: a reveal, a target or a `revealed` condition names a fact the persona does not
 * declare (a motive it gives no weight, an unknown frein); NS030: two freins share an id.
 */
export function personaFactDiagnostics(scenario: Scenario): Diagnostic[] {
  const declared = declaredFacts(scenario);
  const known = new Set<string>(declared);
  const out: Diagnostic[] = [];
  const check = (fact: string, path: Path) => {
    if (!known.has(fact)) out.push(diagnostic('NS075', pointer(path), { fact, suggestion: nearest(fact, declared) }));
  };
  const seen = new Map<string, number>();
  scenario.persona.freins.forEach((f, i) => {
    const first = seen.get(f.id);
    if (first === undefined) seen.set(f.id, i);
    else
      out.push(
        diagnostic('NS030', pointer(['persona', 'freins', i, 'id']), {
          id: f.id,
          kind: 'frein',
          first: pointer(['persona', 'freins', first, 'id']),
        }),
      );
  });
  for (const { choice, path } of allChoices(scenario)) {
    choice.effects?.reveal?.forEach((f, i) => check(f, [...path, 'effects', 'reveal', i]));
    if (choice.targets !== undefined) check(choice.targets, [...path, 'targets']);
    if (choice.condition) revealedLeaves(choice.condition.when, [...path, 'condition', 'when'], check);
  }
  return out;
}

function revealedLeaves(cond: Condition, path: Path, visit: (fact: string, path: Path) => void): void {
  if ('all' in cond) cond.all.forEach((c, i) => revealedLeaves(c, [...path, 'all', i], visit));
  else if ('any' in cond) cond.any.forEach((c, i) => revealedLeaves(c, [...path, 'any', i], visit));
  else if ('not' in cond) revealedLeaves(cond.not, [...path, 'not'], visit);
  else if ('revealed' in cond) visit(cond.revealed, [...path, 'revealed']);
}

/**
 * Which techniques answer which kind of objection (domain reference §c.4). Questioning
 * (« Trop cher… par rapport à quoi ? ») is the qualifying step of every answer, so it suits
 * every kind. Beyond it: a sincere and founded objection is a real weak point — admit it and
 * compensate (« oui, mais… », compensation); an unfounded one is a misunderstanding — inform,
 * prove, turn it round; a pretext hides the real frein — only questioning isolates it; a tacit
 * one is not voiced — bring it up first; an objection of principle is a reflex — never concede
 * a weak point it did not name: ask, postpone, prove, turn it round.
 */
export const SUITED_TECHNIQUES: Record<ObjectionKind, readonly ObjectionTechnique[]> = {
  'sincere-founded': ['questioning', 'compensation', 'yes-but'],
  'sincere-unfounded': ['questioning', 'proof', 'testimony', 'boomerang', 'yes-but'],
  pretext: ['questioning'],
  tacit: ['questioning', 'anticipation'],
  principle: ['questioning', 'postpone', 'proof', 'testimony', 'boomerang'],
};

export function techniqueSuits(kind: ObjectionKind, technique: ObjectionTechnique): boolean {
  return SUITED_TECHNIQUES[kind].includes(technique);
}
