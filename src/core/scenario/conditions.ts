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
  | { revealed: string }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const GaugeSchema = z.enum(['trust', 'interest', 'irritation']);

/** The SONCAS(E) buying motives of persona.motives. */
export const MOTIVE_KEYS = [
  'securite',
  'orgueil',
  'nouveaute',
  'confort',
  'argent',
  'sympathie',
  'environnement',
] as const;
export type MotiveKey = (typeof MOTIVE_KEYS)[number];

/**
 * Something about the client the player can find out and argue to: a buying motive
 * ("motive.securite"), a frein by id ("frein.prix"), the budget ("budget") or who decides
 * ("decision-maker"). One vocabulary for `effects.reveal`, `targets` and `{ "revealed": … }`.
 */
export const PersonaFactSchema = z
  .string()
  .regex(
    new RegExp(`^(motive\\.(${MOTIVE_KEYS.join('|')})|frein\\.[A-Za-z0-9][A-Za-z0-9_.-]*|budget|decision-maker)$`),
    '"motive.<securite|orgueil|nouveaute|confort|argent|sympathie|environnement>", "frein.<id>", "budget" or "decision-maker"',
  )
  .max(90)
  .meta({ id: 'PersonaFact' });

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
      z
        .strictObject({ revealed: z.string() })
        .describe('The player has found out this motive, frein, budget or decision-maker ("motive.securite"…).'),
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
  /** Persona facts revealed so far ("motive.securite", "frein.prix", "budget", "decision-maker"). */
  revealed: readonly string[];
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
  if ('revealed' in cond) return s.revealed.includes(cond.revealed);
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
