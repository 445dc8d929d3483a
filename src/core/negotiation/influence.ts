/**
 * How the dialogue before the negotiation shapes the client. The gauges come from discovery
 * and argumentation; they only ever help the seller, within fixed bounds, so that a scenario's
 * reservation values stay what a cold, unconvinced client accepts at worst.
 */
export interface Influence {
  /** 0–100: how much the client trusts the seller. */
  trust: number;
  /** 0–100: how much the offer interests the client. */
  interest: number;
  /** Arguments (value) were presented before the price. */
  valueEstablished: boolean;
}

/** Share of the opening–reservation gap by which full trust and interest move the reservation. */
export const GOODWILL_RESERVATION_SHIFT = 0.3;
/** Extra shift when value was established before the price. */
export const VALUE_RESERVATION_SHIFT = 0.1;
/** Extra patience, as a share of the spec's patience, at full trust and interest. */
export const GOODWILL_PATIENCE_BONUS = 0.5;

function gauge(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(100, Math.max(0, value)) : 0;
}

/** Gauges clamped to 0–100 (anything that is not a finite number counts as 0). */
export function normalizeInfluence(influence: Influence): Influence {
  return {
    trust: gauge(influence.trust),
    interest: gauge(influence.interest),
    valueEstablished: influence.valueEstablished === true,
  };
}

/** 0 (cold) to 1 (won over): the mean of trust and interest. */
export function goodwill(influence: Influence): number {
  const i = normalizeInfluence(influence);
  return (i.trust + i.interest) / 200;
}

/** 0 to 0.4: how far each reservation moves toward the seller, as a share of the client's gap. */
export function reservationShift(influence: Influence): number {
  return GOODWILL_RESERVATION_SHIFT * goodwill(influence) + (influence.valueEstablished ? VALUE_RESERVATION_SHIFT : 0);
}

/** From the spec's patience p up to 1.5 p + 1. */
export function effectivePatience(patience: number, influence: Influence): number {
  return (
    patience +
    Math.round(patience * GOODWILL_PATIENCE_BONUS * goodwill(influence)) +
    (influence.valueEstablished ? 1 : 0)
  );
}
