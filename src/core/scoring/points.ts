import type { Step, VisitContext } from '../visit/visit-types.ts';
import { stepQuality } from '../visit/step-quality.ts';
import type { Occasion } from './occasions.ts';
import { contributionOf, type Contribution, type ScoringModel } from './scoring-model.ts';

/** A step the debrief singles out: what it earned or cost, and for a weakness, the better answer. */
export interface Point {
  step: number;
  stage: Step['stage'];
  choiceId?: string;
  /** Competences this point concerns, most affected first. */
  competences: string[];
  /** Marks /20 this step earned (or cost). */
  value: number;
  /** For a weakness: the better answer that was on offer at that moment, and its worth. */
  betterChoice?: string;
  betterValue?: number;
  /** For a negotiation move: the poor habits it showed, in the order the move showed them. */
  faults?: string[];
}

/** Marks /20 a contribution is worth in this visit: each competence's points over what was at stake for it. */
function worth(model: ScoringModel, contribution: Contribution, denominators: ReadonlyMap<string, number>): number {
  let v = 0;
  for (const [code, w] of model.weights) {
    const d = denominators.get(code) ?? 0;
    if (d > 0) v += (20 * w * (contribution.get(code) ?? 0)) / d;
  }
  return v;
}

function stepWorth(
  occasions: readonly Occasion[],
  step: number,
  model: ScoringModel,
  denominators: ReadonlyMap<string, number>,
) {
  const earned: Contribution = new Map();
  for (const o of occasions) if (o.step === step) earned.set(o.competence, (earned.get(o.competence) ?? 0) + o.earned);
  return { value: worth(model, earned, denominators), earned };
}

function ranked(c: Contribution, sign: 1 | -1): string[] {
  return [...c.entries()]
    .filter(([, v]) => v * sign > 0)
    .sort((a, b) => (b[1] - a[1]) * sign)
    .map(([code]) => code);
}

/** The three answers that earned the most, among those the feedback called good. */
export function strengthsOf(
  model: ScoringModel,
  ctx: VisitContext,
  occasions: readonly Occasion[],
  denominators: ReadonlyMap<string, number>,
): Point[] {
  return ctx.steps
    .flatMap((step, i): Point[] => {
      if (step.kind !== 'choice' || model.index.qualityOf(step.choiceId) !== 'good') return [];
      const { value, earned } = stepWorth(occasions, i, model, denominators);
      if (value <= 1e-9) return [];
      return [
        { step: i, stage: step.stage, choiceId: step.choiceId, competences: ranked(earned, 1), value: round3(value) },
      ];
    })
    .sort((a, b) => b.value - a.value || a.step - b.step)
    .slice(0, 3);
}

/**
 * The three steps that cost the most, among those the feedback called poor: a choice with a poor
 * habit (or a missed skill), a negotiation move with a fault. A choice the feedback called good is
 * never one, whatever a better answer would have earned. The better answer shown is one the
 * student could pick at that moment: the author's when it was on offer, else the best on offer.
 */
export function weaknessesOf(
  model: ScoringModel,
  ctx: VisitContext,
  occasions: readonly Occasion[],
  denominators: ReadonlyMap<string, number>,
): Point[] {
  const points = ctx.steps.flatMap((step, i): Point[] => {
    if (stepQuality(model.index, step) !== 'poor') return [];
    if (step.kind === 'negotiation') {
      const poor = step.evidence.filter((e) => model.index.skills.polarity(e.skill) === 'negative');
      const cost = contributionOf(poor, model.pack, model.index.skills);
      const value = worth(model, cost, denominators) * model.pack.scoring.faultWeight;
      return [
        {
          step: i,
          stage: step.stage,
          competences: ranked(cost, -1),
          value: round3(value),
          faults: poor.map((e) => e.skill),
        },
      ];
    }
    const { value, earned } = stepWorth(occasions, i, model, denominators);
    const better = betterOnOffer(model, step.offered, step.choiceId, denominators);
    return [
      {
        step: i,
        stage: step.stage,
        choiceId: step.choiceId,
        competences: ranked(earned, -1).length ? ranked(earned, -1) : ranked(model.choiceNet(step.choiceId), -1),
        value: round3(value),
        ...(better && better.value > value ? { betterChoice: better.id, betterValue: round3(better.value) } : {}),
      },
    ];
  });
  const lost = (p: Point) => (p.betterValue ?? 0) - p.value;
  return points.sort((a, b) => lost(b) - lost(a) || a.step - b.step).slice(0, 3);
}

function betterOnOffer(
  model: ScoringModel,
  offered: readonly string[],
  chosen: string,
  denominators: ReadonlyMap<string, number>,
): { id: string; value: number } | null {
  const authored = model.index.choices.get(chosen)?.choice.betterChoice;
  const valued = offered
    .filter((id) => id !== chosen && model.index.qualityOf(id) !== 'poor')
    .map((id) => ({ id, value: worth(model, model.choiceNet(id), denominators) }));
  const preferred = valued.find((v) => v.id === authored);
  if (preferred) return preferred;
  return valued.sort((a, b) => b.value - a.value)[0] ?? null;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
