/**
 * The six phases of a client visit, in the order the BTS method teaches them. Ids are stable
 * (they appear in scenario files, saves and reports); labels live in the UI translations.
 */
export const VISIT_PHASES = ['prospection', 'discovery', 'argument', 'objection', 'closing', 'followup'] as const;
export type VisitPhase = (typeof VISIT_PHASES)[number];

/** The states of a visit around the phases: preparation before, debrief after. */
export type VisitStage = 'briefing' | VisitPhase | 'debrief';

export function phaseIndex(phase: VisitPhase): number {
  return VISIT_PHASES.indexOf(phase);
}

/**
 * Which phase a choice may lead to. A visit moves forward, may skip phases, and may loop back
 * between discovery and closing (an objection sends you back to arguing, an unconfirmed
 * synthesis back to discovery — the method asks for exactly that). It never returns to the
 * opening once past it, and the follow-up only leads to an ending.
 */
export function canMoveBetweenPhases(from: VisitPhase, to: VisitPhase): boolean {
  if (from === to) return true;
  if (phaseIndex(to) > phaseIndex(from)) return true;
  if (to === 'prospection' || from === 'followup') return false;
  return true;
}
