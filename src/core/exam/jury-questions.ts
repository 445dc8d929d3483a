import type { ScenarioIndex } from '../scenario/scenario-index.ts';
import type { VisitContext } from '../visit/visit-types.ts';

/**
 * The jury's questions after the simulation (issue 14, item 5; docs/exam.md): the commission
 * asks the candidate to justify what they did. Chosen from this visit's own steps, never at
 * random, so the same log always gets the same questions.
 */
export type JuryQuestionKind = 'concession' | 'objection' | 'motive' | 'choice';

/** The justifications a student picks from, per kind; the first of each list is the one a jury expects. */
export const JUSTIFICATIONS = {
  concession: ['counterpart', 'please-client', 'client-insisted'],
  objection: ['reformulate-answer', 'contradict', 'move-on'],
  motive: ['open-question', 'not-important', 'client-hid-it'],
  choice: ['method', 'instinct', 'save-time'],
} as const satisfies Record<JuryQuestionKind, readonly string[]>;

export type Justification = (typeof JUSTIFICATIONS)[JuryQuestionKind][number];

export interface JuryQuestion {
  id: string;
  kind: JuryQuestionKind;
  /** The step asked about (null for a motive the visit never uncovered). */
  step: number | null;
  /** What the question names: the choice taken, the conceded item, the need not uncovered. */
  choiceId?: string;
  item?: string;
  withCounterpart?: boolean;
  needId?: string;
  /** The justifications in the order shown (rotated by the step, so the expected one is not always first). */
  options: Justification[];
  expected: Justification;
}

/** At most this many questions (the jury asks two or three). */
export const MAX_JURY_QUESTIONS = 3;

export function juryQuestions(index: ScenarioIndex, ctx: VisitContext): JuryQuestion[] {
  const questions: JuryQuestion[] = [];
  const ask = (kind: JuryQuestionKind, step: number | null, about: Partial<JuryQuestion>) => {
    const list = JUSTIFICATIONS[kind] as readonly Justification[];
    const turn = (step ?? questions.length) % list.length;
    const options = [...list.slice(turn), ...list.slice(0, turn)];
    questions.push({
      id: `${kind}-${step ?? about.needId ?? ''}`,
      kind,
      step,
      ...about,
      options,
      expected: list[0] as Justification,
    });
  };

  const concession = ctx.steps.findIndex((s) => s.kind === 'negotiation' && s.move.type === 'concede');
  const conceded = ctx.steps[concession];
  if (conceded?.kind === 'negotiation' && conceded.move.type === 'concede')
    ask('concession', concession, {
      item: conceded.move.item,
      withCounterpart: conceded.move.counterpart !== undefined,
    });

  // An objection: a line the scenario marks as one, or any turn of the objection phase.
  const isObjection = (nodeId: string) => {
    const at = index.nodes.get(nodeId);
    return at !== undefined && (at.node.objection !== undefined || at.phase === 'objection');
  };
  const objection = ctx.steps.findIndex((s) => s.kind === 'choice' && isObjection(s.nodeId));
  const handled = ctx.steps[objection];
  if (handled?.kind === 'choice') ask('objection', objection, { choiceId: handled.choiceId });

  const missed = index.scenario.persona.needs.find((n) => !ctx.needs.includes(n.id));
  if (missed) ask('motive', null, { needId: missed.id });

  // Fewer than three: the answers the debrief calls poor, then any other, latest first.
  const asked = new Set(questions.map((q) => q.step));
  const others = ctx.steps
    .map((s, i) => ({ s, i }))
    .filter(({ s, i }) => s.kind === 'choice' && s.stage !== 'briefing' && !asked.has(i))
    .sort((a, b) => rank(index, b.s) - rank(index, a.s) || b.i - a.i);
  for (const { s, i } of others) {
    if (questions.length >= MAX_JURY_QUESTIONS) break;
    if (s.kind === 'choice') ask('choice', i, { choiceId: s.choiceId });
  }
  return questions.slice(0, MAX_JURY_QUESTIONS);
}

function rank(index: ScenarioIndex, step: VisitContext['steps'][number]): number {
  return step.kind === 'choice' && index.qualityOf(step.choiceId) === 'poor' ? 1 : 0;
}

/** The reflective-analysis part: how many of the answers are the justification a jury expects. */
export function reflectiveScore(
  questions: readonly JuryQuestion[],
  answers: Readonly<Record<string, string>>,
): { sound: number; asked: number } {
  return { sound: questions.filter((q) => answers[q.id] === q.expected).length, asked: questions.length };
}
