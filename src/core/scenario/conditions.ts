import { z } from 'zod';

/**
 * Conditions over the state accumulated during a visit. Each form has one distinctive key, so
 * an author reads `{ "gauge": "trust", "gte": 60 }` or `{ "need": "budget" }` without a
 * separate "type" field, and the validator can tell which form was meant.
 */
export type Gauge = 'trust' | 'interest' | 'irritation';

export type Condition =
  | { gauge: Gauge; gte?: number; lte?: number }
  | { need: string }
  | { flag: string; is?: boolean }
  | { var: string; gte?: number; lte?: number; eq?: number }
  | { visited: string }
  | { chose: string }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const GaugeSchema = z.enum(['trust', 'interest', 'irritation']);

const Bound = z.number().min(0).max(100);

export const ConditionSchema: z.ZodType<Condition> = z
  .lazy(() =>
    z.union([
      z
        .strictObject({ gauge: GaugeSchema, gte: Bound.optional(), lte: Bound.optional() })
        .describe('A client gauge (0–100) at or above `gte` and/or at or below `lte`.'),
      z.strictObject({ need: z.string() }).describe('The player has discovered this need of the client.'),
      z
        .strictObject({ flag: z.string(), is: z.boolean().optional() })
        .describe('A declared flag is true (or equals `is`).'),
      z
        .strictObject({
          var: z.string(),
          gte: z.number().optional(),
          lte: z.number().optional(),
          eq: z.number().optional(),
        })
        .describe('A declared numeric variable compared with a value.'),
      z.strictObject({ visited: z.string() }).describe('The dialogue went through this node.'),
      z.strictObject({ chose: z.string() }).describe('The player picked this choice earlier.'),
      z.strictObject({ all: z.array(ConditionSchema).min(1) }).describe('Every condition holds.'),
      z.strictObject({ any: z.array(ConditionSchema).min(1) }).describe('At least one condition holds.'),
      z.strictObject({ not: ConditionSchema }).describe('The condition does not hold.'),
    ]),
  )
  .meta({ id: 'Condition' });

/** The state a condition reads; the visit machine's context provides it. */
export interface ConditionState {
  gauges: Record<Gauge, number>;
  needs: readonly string[];
  flags: Readonly<Record<string, boolean>>;
  vars: Readonly<Record<string, number>>;
  visited: readonly string[];
  chosen: readonly string[];
}

export function holds(cond: Condition, s: ConditionState): boolean {
  if ('all' in cond) return cond.all.every((c) => holds(c, s));
  if ('any' in cond) return cond.any.some((c) => holds(c, s));
  if ('not' in cond) return !holds(cond.not, s);
  if ('gauge' in cond) return inRange(s.gauges[cond.gauge], cond.gte, cond.lte);
  if ('need' in cond) return s.needs.includes(cond.need);
  if ('flag' in cond) return (s.flags[cond.flag] ?? false) === (cond.is ?? true);
  if ('var' in cond) {
    const v = s.vars[cond.var] ?? 0;
    return inRange(v, cond.gte, cond.lte) && (cond.eq === undefined || v === cond.eq);
  }
  if ('visited' in cond) return s.visited.includes(cond.visited);
  return s.chosen.includes(cond.chose);
}

function inRange(v: number, gte: number | undefined, lte: number | undefined): boolean {
  return (gte === undefined || v >= gte) && (lte === undefined || v <= lte);
}

/** Every leaf of a condition tree, for cross-reference checks and static analysis. */
export function conditionLeaves(cond: Condition): Condition[] {
  if ('all' in cond) return cond.all.flatMap(conditionLeaves);
  if ('any' in cond) return cond.any.flatMap(conditionLeaves);
  if ('not' in cond) return conditionLeaves(cond.not);
  return [cond];
}
