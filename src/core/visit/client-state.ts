import type { ConditionState, Gauge } from '../scenario/conditions.ts';
import type { Effects, Expression, Scenario } from '../scenario/format.ts';
import type { Mood, VisitContext } from './visit-types.ts';

export const GAUGE_MIN = 0;
export const GAUGE_MAX = 100;

export function clampGauge(value: number): number {
  return Math.min(GAUGE_MAX, Math.max(GAUGE_MIN, Math.round(value)));
}

/**
 * The client's mood as the view shows it (face, posture, music). Irritation wins over
 * everything: an annoyed client does not look convinced, whatever their interest.
 */
export function moodOf(gauges: Record<Gauge, number>): Mood {
  if (gauges.irritation >= 70) return 'annoyed';
  if (gauges.trust >= 70 && gauges.interest >= 60) return 'convinced';
  if (gauges.interest >= 50 && gauges.trust >= 40) return 'interested';
  if (gauges.trust < 30) return 'distrustful';
  return 'neutral';
}

export function initialVariables(scenario: Scenario): Pick<VisitContext, 'flags' | 'vars'> {
  const flags: Record<string, boolean> = {};
  const vars: Record<string, number> = {};
  for (const v of scenario.variables ?? []) {
    if (v.type === 'flag') flags[v.id] = v.initial === true;
    else vars[v.id] = typeof v.initial === 'number' ? v.initial : 0;
  }
  return { flags, vars };
}

export interface EffectOutcome {
  gauges: Record<Gauge, number>;
  needs: string[];
  revealed: string[];
  flags: Record<string, boolean>;
  vars: Record<string, number>;
  discovered: string[];
}

export function applyEffects(
  ctx: Pick<VisitContext, 'gauges' | 'needs' | 'flags' | 'vars'> & { revealed?: readonly string[] },
  effects: Effects | undefined,
): EffectOutcome {
  const gauges = { ...ctx.gauges };
  if (effects?.trust) gauges.trust = clampGauge(gauges.trust + effects.trust);
  if (effects?.interest) gauges.interest = clampGauge(gauges.interest + effects.interest);
  if (effects?.irritation) gauges.irritation = clampGauge(gauges.irritation + effects.irritation);
  const discovered = (effects?.discover ?? []).filter((n, i, all) => !ctx.needs.includes(n) && all.indexOf(n) === i);
  const flags = { ...ctx.flags };
  const vars = { ...ctx.vars };
  for (const [k, v] of Object.entries(effects?.set ?? {})) {
    if (typeof v === 'boolean') flags[k] = v;
    else vars[k] = v;
  }
  for (const [k, v] of Object.entries(effects?.add ?? {})) vars[k] = (vars[k] ?? 0) + v;
  const before = ctx.revealed ?? [];
  const revealed = [...before];
  for (const fact of effects?.reveal ?? []) if (!revealed.includes(fact)) revealed.push(fact);
  return { gauges, needs: [...ctx.needs, ...discovered], revealed, flags, vars, discovered };
}

export function conditionState(ctx: VisitContext): ConditionState {
  return {
    gauges: ctx.gauges,
    needs: ctx.needs,
    flags: ctx.flags,
    vars: ctx.vars,
    visited: ctx.visited,
    chosen: ctx.chosen,
    revealed: ctx.revealed ?? [],
  };
}

/** The face a mood shows when the scenario's cue does not say. */
export function expressionForMood(mood: Mood): Expression {
  const faces: Record<Mood, Expression> = {
    annoyed: 'annoyed',
    distrustful: 'skeptical',
    neutral: 'neutral',
    interested: 'interested',
    convinced: 'smile',
  };
  return faces[mood];
}
