import type { ScoringRules } from '../referentials/formats.ts';
import type { Step, VisitContext } from '../visit/visit-types.ts';
import {
  contributionOf,
  negotiationEvidenceCounter,
  type Contribution,
  type EvidenceItem,
  type ScoringModel,
} from './scoring-model.ts';

/**
 * One chance the visit gave to show a competence, and what the student made of it: the unit a
 * jury ticks on its grid. `stake` is what the best answer on offer was worth for the competence;
 * `earned` is what the student's answer earned, at most the stake, and below zero for a fault —
 * a fault costs `faultWeight` times its share of the stake.
 */
export interface Occasion {
  /** Position of the step in the visit (for the negotiation, its last move). */
  step: number;
  stage: Step['stage'];
  competence: string;
  stake: number;
  earned: number;
  /** The answer showed a poor habit for this competence. */
  fault: boolean;
  /** …and it is one a jury does not let pass (an illegal term, a sale below the floor…). */
  severe: boolean;
}

export function occasionsOf(model: ScoringModel, ctx: VisitContext): Occasion[] {
  const { rules } = { rules: model.pack.scoring };
  const out: Occasion[] = [];
  const counted = new Set<string>();
  ctx.steps.forEach((step, i) => {
    if (step.kind !== 'choice') return;
    // A choice's evidence counts once, even if a loop lets the player pick it again.
    if (counted.has(step.choiceId)) return;
    counted.add(step.choiceId);
    const chosen = model.choiceNet(step.choiceId);
    const offered = step.offered.length > 0 ? step.offered : [step.choiceId];
    const severe = severeCompetences(model, model.index.choices.get(step.choiceId)?.choice.skills ?? []);
    for (const code of competencesIn(model, [chosen, ...offered.map((id) => model.choiceNet(id))])) {
      const best = Math.max(...offered.map((id) => model.choiceNet(id).get(code) ?? 0));
      const occasion = judge(chosen.get(code) ?? 0, best, rules);
      if (occasion) out.push({ step: i, stage: step.stage, competence: code, ...occasion, severe: severe.has(code) });
    }
  });
  out.push(...negotiationOccasions(model, ctx, rules));
  return out;
}

/** The competences any of these contributions touch, in the pack's order. */
function competencesIn(model: ScoringModel, contributions: Contribution[]): string[] {
  return model.pack.competences
    .map((c) => c.code)
    .filter((code) => contributions.some((c) => (c.get(code) ?? 0) !== 0));
}

/**
 * An answer worth `net` points for a competence where the best answer on offer was worth `best`.
 * Nothing is at stake when no answer earns anything and the student's is no worse than the rest.
 */
function judge(
  net: number,
  best: number,
  rules: ScoringRules,
): Omit<Occasion, 'step' | 'stage' | 'competence' | 'severe'> | null {
  if (best > 0) {
    const share = Math.max(-1, Math.min(1, net / best));
    return { stake: best, earned: share < 0 ? share * rules.faultWeight * best : share * best, fault: net < 0 };
  }
  // Every answer on offer was poor for this competence: a less poor one was the right call.
  if (net < 0 && best > net) return { stake: -net, earned: net * rules.faultWeight, fault: true };
  return null;
}

/**
 * The negotiation is judged as a whole, once per competence, against what the reference best
 * negotiator earns on the same step: the method (traded concessions, argued refusals, price after
 * value) and the result (the margin kept), minus the faults.
 */
function negotiationOccasions(model: ScoringModel, ctx: VisitContext, rules: ScoringRules): Occasion[] {
  const steps = ctx.steps.map((s, i) => [s, i] as const).filter(([s]) => s.kind === 'negotiation');
  const last = steps.at(-1);
  if (!last) return [];
  const counts = negotiationEvidenceCounter(model.index.scenario.phases.closing.negotiation, model.index.skills);
  const evidence: EvidenceItem[] = steps.flatMap(([s]) => (s.kind === 'negotiation' ? s.evidence.filter(counts) : []));
  const net = contributionOf(evidence, model.pack, model.index.skills);
  const severe = severeCompetences(model, evidence);
  const faults = new Set(
    evidence
      .filter((e) => model.index.skills.polarity(e.skill) === 'negative')
      .flatMap((e) => Object.keys(model.pack.skillMap[e.skill] ?? {})),
  );
  const out: Occasion[] = [];
  for (const code of competencesIn(model, [net, model.negotiation.best])) {
    const judged = judge(net.get(code) ?? 0, model.negotiation.best.get(code) ?? 0, rules);
    if (!judged) continue;
    out.push({
      step: last[1],
      stage: 'closing',
      competence: code,
      ...judged,
      fault: judged.fault || faults.has(code),
      severe: severe.has(code),
    });
  }
  return out;
}

/** Competences a severe fault in this evidence touches, under the pack. */
function severeCompetences(model: ScoringModel, evidence: readonly EvidenceItem[]): Set<string> {
  const severe = new Set(model.pack.scoring.severe.skills);
  return new Set(
    evidence
      .filter((e) => !e.missed && severe.has(e.skill))
      .flatMap((e) => Object.keys(model.pack.skillMap[e.skill] ?? {})),
  );
}
