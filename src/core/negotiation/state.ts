import type { ClientLineKey } from './client-lines.ts';
import type { Influence } from './influence.ts';
import type { LocalizedText } from './localizedText.ts';
import type { Evidence, NegotiationSkill } from './skills.ts';
import type { ItemKind } from './spec-items.ts';
import type { Terms, TermValue } from './terms.ts';

/**
 * The whole negotiation as a plain JSON object: no class, Map, Set or Decimal (decimals are
 * strings), so it goes into a save, a replay log or an XState context as is.
 */
export interface NegotiationState {
  specId: string;
  status: 'open' | 'deal' | 'no-deal' | 'walked-away';
  /** Moves played so far. */
  round: number;
  influence: Influence;
  /** Irritation the client bears before walking away (the spec's patience, raised by goodwill). */
  patience: number;
  /** 0…patience. */
  irritation: number;
  /** Concession steps the seller has earned from the client (argued refusals, trades…). */
  clientSteps: number;
  /** 0 (still at its opening demand) … 1 (at its reservation). Never decreases. */
  level: number;
  /** Per targeted item, on the client's scale (see item-scales.ts), as decimal strings. */
  targets: Partial<Record<ItemKind, ClientTarget>>;
  /** The client's current demand: every declared item. */
  clientDemand: Terms;
  /** The seller's standing proposal: every declared item. */
  sellerTerms: Terms;
  /** Size in discount points of the seller's last price concession, or null before the first. */
  lastPriceStep: string | null;
  consecutiveRefusals: number;
  pricePresented: boolean;
  techniquesUsed: string[];
  concessions: ConcessionRecord[];
  evidence: Evidence[];
  evidenceCounts: Partial<Record<NegotiationSkill, number>>;
  agreedTerms: Terms | null;
  /** The client's last answer (its opening demand at first): what the view shows and reads aloud. */
  lastResponse: ClientResponse | null;
}

export interface ClientTarget {
  opening: string;
  /** After the influence shift: the worst value this client accepts. */
  reservation: string;
  /** Normalised so the weights of all targets sum to 1. */
  weight: number;
}

export interface ConcessionRecord {
  round: number;
  item: ItemKind;
  from: TermValue;
  to: TermValue;
  /** What the seller obtained in return in the same move, if anything. */
  counterparts: { item: ItemKind; from: TermValue; to: TermValue }[];
  /** The move was a conditional close: the signature is the counterpart. */
  conditional: boolean;
}

export interface ClientLine {
  key: ClientLineKey;
  /** The scenario's wording when it gives one; otherwise the interface's text for `key`. */
  text?: LocalizedText;
}

export type RejectReason = 'illegal-terms' | 'offer-too-low' | 'backtrack' | 'seller-left';
export type WalkAwayReason = 'out-of-patience' | 'too-long';

export type ClientResponse =
  | { kind: 'accept'; terms: Terms; line: ClientLine }
  | { kind: 'counter-offer'; terms: Terms; line: ClientLine }
  | { kind: 'reject'; reason: RejectReason; line: ClientLine }
  | { kind: 'walk-away'; reason: WalkAwayReason; line: ClientLine };
