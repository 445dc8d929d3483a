import { VISIT_PHASES, type VisitPhase } from '../phases.ts';
import type { SkillBook } from '../referentials/skill-book.ts';
import { choiceQuality, type ChoiceQuality } from './choice-quality.ts';
import type { Choice, Ending, PreparationChoice, PreparationNode, Scenario, ScenarioNode } from './format.ts';

export interface IndexedNode {
  node: ScenarioNode;
  phase: VisitPhase;
  /** Position in phases.<phase>.nodes, for JSON paths in diagnostics. */
  index: number;
}

export interface IndexedChoice {
  choice: Choice | PreparationChoice;
  /** The node offering it. */
  nodeId: string;
  /** 'briefing' for preparation choices. */
  stage: VisitPhase | 'briefing';
  index: number;
  path: (string | number)[];
}

export interface ScenarioIndex {
  scenario: Scenario;
  nodes: Map<string, IndexedNode>;
  preparation: Map<string, { node: PreparationNode; index: number }>;
  choices: Map<string, IndexedChoice>;
  endings: Map<string, { ending: Ending; index: number }>;
  negotiationId: string | undefined;
  startId: string | undefined;
  /** Every dialogue node in file order (phase by phase). */
  nodeList: IndexedNode[];
  /** The taxonomy the scenario was read against: what its skills mean. */
  skills: SkillBook;
  /** Good, neutral or poor, from the choice's evidence (see choiceQuality); neutral for an unknown id. */
  qualityOf(choiceId: string): ChoiceQuality;
}

/**
 * Lookup tables over a scenario. Built once per scenario and shared by validation, the visit
 * machine, scoring and the content checks, so that they agree on what an id refers to.
 * On duplicate ids the first occurrence wins (validation reports the duplicates).
 */
export function indexScenario(scenario: Scenario, skills: SkillBook): ScenarioIndex {
  const nodes = new Map<string, IndexedNode>();
  const nodeList: IndexedNode[] = [];
  const choices = new Map<string, IndexedChoice>();
  const preparation = new Map<string, { node: PreparationNode; index: number }>();
  const endings = new Map<string, { ending: Ending; index: number }>();

  scenario.preparation?.nodes.forEach((node, index) => {
    if (!preparation.has(node.id)) preparation.set(node.id, { node, index });
    node.choices.forEach((choice, ci) => {
      if (!choices.has(choice.id))
        choices.set(choice.id, {
          choice,
          nodeId: node.id,
          stage: 'briefing',
          index: ci,
          path: ['preparation', 'nodes', index, 'choices', ci],
        });
    });
  });
  for (const phase of VISIT_PHASES) {
    scenario.phases[phase].nodes.forEach((node, index) => {
      const entry = { node, phase, index };
      nodeList.push(entry);
      if (!nodes.has(node.id)) nodes.set(node.id, entry);
      node.choices.forEach((choice, ci) => {
        if (!choices.has(choice.id))
          choices.set(choice.id, {
            choice,
            nodeId: node.id,
            stage: phase,
            index: ci,
            path: ['phases', phase, 'nodes', index, 'choices', ci],
          });
      });
    });
  }
  scenario.endings.forEach((ending, index) => {
    if (!endings.has(ending.id)) endings.set(ending.id, { ending, index });
  });
  const negotiationId = scenario.phases.closing.negotiation?.id;
  const startId = scenario.start ?? scenario.phases.prospection.nodes[0]?.id ?? nodeList[0]?.node.id;
  const qualities = new Map<string, ChoiceQuality>();
  for (const [id, { choice }] of choices) qualities.set(id, choiceQuality(choice.skills, skills.polarity));
  const qualityOf = (choiceId: string) => qualities.get(choiceId) ?? 'neutral';
  return { scenario, nodes, preparation, choices, endings, negotiationId, startId, nodeList, skills, qualityOf };
}

export type Destination =
  | { kind: 'node'; id: string; phase: VisitPhase }
  | { kind: 'negotiation'; id: string; phase: 'closing' }
  | { kind: 'ending'; id: string }
  | { kind: 'unknown'; id: string };

/** What an id in `next` (or a negotiation outcome) leads to. */
export function destinationOf(index: ScenarioIndex, id: string): Destination {
  const node = index.nodes.get(id);
  if (node) return { kind: 'node', id, phase: node.phase };
  if (id === index.negotiationId) return { kind: 'negotiation', id, phase: 'closing' };
  if (index.endings.has(id)) return { kind: 'ending', id };
  return { kind: 'unknown', id };
}
