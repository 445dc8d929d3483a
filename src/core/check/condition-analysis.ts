import type { Condition } from '../scenario/conditions.ts';
import type { Effects } from '../scenario/format.ts';
import type { ScenarioIndex } from '../scenario/scenario-index.ts';

/**
 * What the whole scenario could ever make true, ignoring the order of choices: every flag
 * value some effect sets, every need some effect uncovers, the widest range a variable or a
 * gauge could reach. A condition that cannot hold even then can never hold in play.
 * It is a sound test for "never" (no false alarms), not a complete one.
 */
export interface Possibilities {
  flagValues: Map<string, Set<boolean>>;
  needs: Set<string>;
  /** Persona facts some reachable choice reveals. */
  revealed: Set<string>;
  varRange: Map<string, [number, number]>;
  gaugeRange: Record<'trust' | 'interest' | 'irritation', [number, number]>;
  reachableNodes: Set<string>;
  reachableChoices: Set<string>;
}

export function possibilities(
  index: ScenarioIndex,
  reachableNodes: Set<string>,
  reachableChoices: Set<string>,
  acyclic: boolean,
): Possibilities {
  const { scenario } = index;
  const flagValues = new Map<string, Set<boolean>>();
  const varRange = new Map<string, [number, number]>();
  for (const v of scenario.variables ?? []) {
    if (v.type === 'flag') flagValues.set(v.id, new Set([v.initial === true]));
    else {
      const x = typeof v.initial === 'number' ? v.initial : 0;
      varRange.set(v.id, [x, x]);
    }
  }
  const needs = new Set<string>();
  const revealed = new Set<string>();
  const init = scenario.persona.initial;
  const up = { trust: 0, interest: 0, irritation: 0 };
  const down = { trust: 0, interest: 0, irritation: 0 };
  const addSums = new Map<string, [number, number]>();
  const setValues = new Map<string, number[]>();
  const visit = (effects: Effects | undefined) => {
    if (!effects) return;
    for (const g of ['trust', 'interest', 'irritation'] as const) {
      const d = effects[g] ?? 0;
      if (d > 0) up[g] += d;
      else down[g] += d;
    }
    effects.discover?.forEach((n) => needs.add(n));
    effects.reveal?.forEach((f) => revealed.add(f));
    for (const [k, v] of Object.entries(effects.set ?? {})) {
      if (typeof v === 'boolean') flagValues.get(k)?.add(v);
      else setValues.set(k, [...(setValues.get(k) ?? []), v]);
    }
    for (const [k, v] of Object.entries(effects.add ?? {})) {
      const [lo, hi] = addSums.get(k) ?? [0, 0];
      addSums.set(k, v > 0 ? [lo, hi + v] : [lo + v, hi]);
    }
  };
  for (const [id, entry] of index.choices) if (reachableChoices.has(id)) visit(entry.choice.effects);
  for (const [k, [lo, hi]] of varRange) {
    const [dlo, dhi] = addSums.get(k) ?? [0, 0];
    const sets = setValues.get(k) ?? [];
    // Without loops each choice applies at most once; a loop can repeat an addition forever.
    const low = Math.min(lo, ...sets) + (dlo < 0 ? (acyclic ? dlo : -Infinity) : 0);
    const high = Math.max(hi, ...sets) + (dhi > 0 ? (acyclic ? dhi : Infinity) : 0);
    varRange.set(k, [low, high]);
  }
  const range = (g: 'trust' | 'interest' | 'irritation'): [number, number] =>
    acyclic
      ? [Math.max(0, init[g] + down[g]), Math.min(100, init[g] + up[g])]
      : [down[g] < 0 ? 0 : init[g], up[g] > 0 ? 100 : init[g]];
  return {
    flagValues,
    needs,
    revealed,
    varRange,
    // Gauges are clamped to 0–100; the negotiation step can move them too (see checkScenario).
    gaugeRange: { trust: range('trust'), interest: range('interest'), irritation: range('irritation') },
    reachableNodes,
    reachableChoices,
  };
}

/** False only when the condition provably never holds. */
export function canHold(cond: Condition, p: Possibilities): boolean {
  if ('all' in cond) return cond.all.every((c) => canHold(c, p));
  if ('any' in cond) return cond.any.some((c) => canHold(c, p));
  if ('not' in cond) return !mustHold(cond.not, p);
  if ('gauge' in cond) return overlaps(p.gaugeRange[cond.gauge], cond.gte, cond.lte);
  if ('need' in cond) return p.needs.has(cond.need);
  if ('flag' in cond) return p.flagValues.get(cond.flag)?.has(cond.is ?? true) ?? false;
  if ('var' in cond) {
    const r = p.varRange.get(cond.var) ?? [0, 0];
    if (cond.eq !== undefined && (cond.eq < r[0] || cond.eq > r[1])) return false;
    return overlaps(r, cond.gte, cond.lte);
  }
  if ('visited' in cond) return p.reachableNodes.has(cond.visited);
  if ('revealed' in cond) return p.revealed.has(cond.revealed);
  return p.reachableChoices.has(cond.chose);
}

/** True only when the condition provably always holds (used under `not`). */
function mustHold(cond: Condition, p: Possibilities): boolean {
  if ('all' in cond) return cond.all.every((c) => mustHold(c, p));
  if ('any' in cond) return cond.any.some((c) => mustHold(c, p));
  if ('not' in cond) return !canHold(cond.not, p);
  if ('gauge' in cond) {
    const [lo, hi] = p.gaugeRange[cond.gauge];
    return (cond.gte === undefined || lo >= cond.gte) && (cond.lte === undefined || hi <= cond.lte);
  }
  if ('flag' in cond) {
    const values = p.flagValues.get(cond.flag);
    return values !== undefined && values.size === 1 && values.has(cond.is ?? true);
  }
  return false;
}

function overlaps([lo, hi]: [number, number], gte: number | undefined, lte: number | undefined): boolean {
  return (gte === undefined || hi >= gte) && (lte === undefined || lo <= lte);
}
