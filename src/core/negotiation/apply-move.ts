/**
 * One seller move and the client's answer. Pure: the input state is never touched, the
 * returned state is a fresh JSON object, and a move that cannot be played comes back as a
 * typed refusal with nothing changed.
 */
import { nextFloat, type RngState } from '../random.ts';
import { shapeDiscount } from './cascade.ts';
import { acceptable, levelFor, nextDemand, utility } from './client-model.ts';
import type { ClientLineKey } from './client-lines.ts';
import { economicsOf } from './economics.ts';
import { recordEvidence } from './evidence.ts';
import { itemOf, termFavour } from './item-scales.ts';
import { type NegotiationMove, NegotiationMoveSchema, type PriceTechnique, type RawMove } from './moves.ts';
import { paymentIllegality } from './payment-law.ts';
import { compareTerms } from './proposal.ts';
import { marginEvidence, priceStep, proposalEvidence, type ProposalForm } from './proposal-evidence.ts';
import type { Evidence } from './skills.ts';
import type { NegotiationSpec } from './spec.ts';
import { ITEM_KINDS, type ItemKind } from './spec-items.ts';
import type { ClientResponse, NegotiationState } from './state.ts';
import { completeTerms, type TermsProblem, validateTerms } from './terms-check.ts';
import type { Terms } from './terms.ts';
import { speak } from './voice.ts';

export type MoveRefusal =
  | { code: 'negotiation-over'; status: NegotiationState['status'] }
  | { code: 'spec-mismatch'; specId: string }
  | { code: 'invalid-move'; message: string }
  | { code: 'unknown-item'; item: string }
  | { code: 'invalid-terms'; problems: TermsProblem[] }
  | { code: 'not-a-concession'; item: ItemKind }
  | { code: 'internal-error'; message: string };

export type MoveOutcome =
  | { ok: false; reason: MoveRefusal }
  | { ok: true; state: NegotiationState; rng: RngState; response: ClientResponse; evidence: Evidence[] };

/** After this many moves the client ends a negotiation that goes round in circles. */
export const MAX_ROUNDS = 40;
/** An offer worth less than this to the client (0 = its reservation) is an insult, not a proposal. */
export const LOWBALL_UTILITY = -0.5;

const IRRITATION = {
  stall: 1,
  lowball: 1,
  backtrack: 2,
  unargued: 2,
  repeatedRefusal: 1,
  stubborn: 2,
  exhausted: 1,
} as const;

interface Turn {
  spec: NegotiationSpec;
  state: NegotiationState;
  rng: RngState;
  evidence: Evidence[];
}

type Reply =
  | { kind: 'accept'; terms: Terms; line: ClientLineKey }
  | { kind: 'counter-offer'; line: ClientLineKey }
  | { kind: 'reject'; reason: 'illegal-terms' | 'offer-too-low' | 'backtrack' | 'seller-left'; line: ClientLineKey };

export function applyNegotiationMove(
  spec: NegotiationSpec,
  state: NegotiationState,
  move: NegotiationMove,
  rng: RngState,
): MoveOutcome {
  try {
    return play(spec, state, move, rng);
  } catch (error) {
    // A bug must not take the visit down: the caller keeps its state and can report the move.
    return {
      ok: false,
      reason: { code: 'internal-error', message: error instanceof Error ? error.message : String(error) },
    };
  }
}

function refuse(reason: MoveRefusal): MoveOutcome {
  return { ok: false, reason };
}

function play(spec: NegotiationSpec, state: NegotiationState, move: unknown, rng: RngState): MoveOutcome {
  if (state.specId !== spec.id) return refuse({ code: 'spec-mismatch', specId: state.specId });
  if (state.status !== 'open') return refuse({ code: 'negotiation-over', status: state.status });
  const parsed = NegotiationMoveSchema.safeParse(move);
  if (!parsed.success)
    return refuse({ code: 'invalid-move', message: parsed.error.issues[0]?.message ?? 'invalid move' });

  const turn: Turn = { spec, state: structuredClone(state), rng, evidence: [] };
  turn.state.round += 1;
  const wasExhausted = state.level >= 1;
  let reply: Reply;
  const m = parsed.data;
  switch (m.type) {
    case 'leave':
      turn.state.status = 'no-deal';
      reply = { kind: 'reject', reason: 'seller-left', line: 'seller-left' };
      break;
    case 'present-price':
      reply = presentPrice(turn, m.technique);
      break;
    case 'refuse':
      reply = refusal(turn, m.argument);
      break;
    default: {
      const proposal = buildProposal(spec, state, m);
      if (!proposal.ok) return refuse(proposal.reason);
      reply = settle(turn, proposal.terms, proposal.form);
    }
  }
  return finish(turn, reply, wasExhausted);
}

type Proposal = { ok: true; terms: Terms; form: ProposalForm } | { ok: false; reason: MoveRefusal };

function isItemKind(value: string): value is ItemKind {
  return (ITEM_KINDS as readonly string[]).includes(value);
}

function checked(spec: NegotiationSpec, terms: Record<string, unknown>): TermsProblem[] {
  return validateTerms(spec, terms).filter((p) => p.code !== 'payment-terms-illegal');
}

function buildProposal(
  spec: NegotiationSpec,
  state: NegotiationState,
  m: Exclude<RawMove, { type: 'leave' | 'present-price' | 'refuse' }>,
): Proposal {
  if (m.type !== 'concede') {
    const problems = checked(spec, m.terms);
    if (problems.length > 0) return { ok: false, reason: { code: 'invalid-terms', problems } };
    // Checked just above, so the loose record is valid Terms.
    return { ok: true, terms: shaped(spec, completeTerms(state.sellerTerms, m.terms)), form: m.type };
  }
  const changes: Record<string, unknown> = {};
  for (const part of [m, ...(m.counterpart ? [m.counterpart] : [])]) {
    if (!isItemKind(part.item) || !itemOf(spec, part.item))
      return { ok: false, reason: { code: 'unknown-item', item: part.item } };
    if (part.item in changes)
      return { ok: false, reason: { code: 'invalid-move', message: 'the counterpart must be another item' } };
    changes[part.item] = part.value;
  }
  const problems = checked(spec, changes);
  if (problems.length > 0) return { ok: false, reason: { code: 'invalid-terms', problems } };
  // Checked just above: from here on `changes` holds valid values of declared items.
  const terms = shaped(spec, completeTerms(state.sellerTerms, changes));
  const item = m.item as ItemKind;
  const conceded = compareTerms(spec, state.sellerTerms, terms).concessions.some((c) => c.kind === item);
  if (!conceded) return { ok: false, reason: { code: 'not-a-concession', item } };
  return { ok: true, terms, form: 'concede' };
}

/** A single rate typed against a declared cascade becomes its first step (see cascade.ts). */
function shaped(spec: NegotiationSpec, terms: Terms): Terms {
  if (terms.discountPercent !== undefined) terms.discountPercent = shapeDiscount(spec, terms.discountPercent);
  return terms;
}

/** Draws the jitter and moves the client's level and demand after the steps it granted. */
function advance(turn: Turn): void {
  const [jitter, rng] = nextFloat(turn.rng);
  turn.rng = rng;
  const s = turn.state;
  s.level = Math.max(s.level, levelFor(turn.spec, s.clientSteps, jitter * 0.25));
  s.clientDemand = nextDemand(turn.spec, s, s.level);
}

function irritate(turn: Turn, amount: number): void {
  turn.state.irritation += amount;
}

function presentPrice(turn: Turn, technique: PriceTechnique): Reply {
  const s = turn.state;
  const established = s.influence.valueEstablished;
  if (!s.pricePresented)
    turn.evidence.push({ skill: established ? 'price.after-value' : 'price.before-value', strength: 2 });
  let line: ClientLineKey = 'price-reaction';
  if (technique !== 'plain') {
    if (s.techniquesUsed.includes(technique)) {
      irritate(turn, IRRITATION.stall);
      line = 'stalling';
    } else {
      s.techniquesUsed.push(technique);
      turn.evidence.push({ skill: `price.${technique}`, strength: established ? 2 : 1 });
      // The first well-presented price, after value, softens the demand by one step.
      if (!s.pricePresented && established) s.clientSteps += 1;
    }
  }
  s.pricePresented = true;
  advance(turn);
  return { kind: 'counter-offer', line };
}

/** Whether the client is asking for something the seller has not given. */
function pendingDemand(spec: NegotiationSpec, s: NegotiationState): boolean {
  return spec.items.some(({ kind }) =>
    termFavour(spec, s.clientDemand, kind).gt(termFavour(spec, s.sellerTerms, kind)),
  );
}

/**
 * Holding firm with an argument is how a seller earns a concession (théorème de la résistance);
 * the second refusal in a row still works but annoys, the third is stonewalling.
 */
function refusal(turn: Turn, argument: string | undefined): Reply {
  const s = turn.state;
  let line: ClientLineKey = 'counter-after-refusal';
  if (argument === undefined) {
    irritate(turn, IRRITATION.unargued);
    line = 'stalling';
  } else if (!pendingDemand(turn.spec, s)) {
    irritate(turn, IRRITATION.stall);
    line = 'stalling';
  } else if (s.consecutiveRefusals === 0) {
    s.clientSteps += 1;
    turn.evidence.push({ skill: 'negotiation.refusal-argued', strength: 2 });
  } else if (s.consecutiveRefusals === 1) {
    s.clientSteps += 1;
    irritate(turn, IRRITATION.repeatedRefusal);
    turn.evidence.push({ skill: 'negotiation.refusal-argued', strength: 1 });
  } else {
    irritate(turn, IRRITATION.stubborn);
    line = 'stalling';
  }
  s.consecutiveRefusals += 1;
  advance(turn);
  return { kind: 'counter-offer', line };
}

function settle(turn: Turn, proposed: Terms, form: ProposalForm): Reply {
  const { spec } = turn;
  const s = turn.state;
  s.consecutiveRefusals = 0;
  if (proposed.paymentDays && paymentIllegality(proposed.paymentDays)) {
    turn.evidence.push({
      skill: 'negotiation.illegal-terms',
      strength: 3,
      facts: { payment: paymentIllegality(proposed.paymentDays) ?? '' },
    });
    return { kind: 'reject', reason: 'illegal-terms', line: 'reject-illegal' };
  }

  const analysis = compareTerms(spec, s.sellerTerms, proposed);
  const economics = economicsOf(spec, proposed);
  turn.evidence.push(...proposalEvidence(spec, s, proposed, analysis, form, economics));
  const step = priceStep(spec, s.sellerTerms, proposed);
  if (step.gt(0)) s.lastPriceStep = step.toString();
  for (const c of analysis.concessions) {
    s.concessions.push({
      round: s.round,
      item: c.kind,
      from: c.from,
      to: c.to,
      counterparts: analysis.gains
        .filter((g) => g.kind !== c.kind)
        .map((g) => ({ item: g.kind, from: g.from, to: g.to })),
      conditional: form === 'conditional-close',
    });
  }
  s.sellerTerms = proposed;

  if (acceptable(spec, s, proposed)) {
    s.status = 'deal';
    s.agreedTerms = proposed;
    turn.evidence.push(...marginEvidence(spec, economics));
    if (form === 'conditional-close') turn.evidence.push({ skill: 'closing.conditional', strength: 2 });
    return { kind: 'accept', terms: proposed, line: 'accept' };
  }
  if (form === 'conditional-close') turn.evidence.push({ skill: 'closing.conditional', strength: 1 });

  const conceded = analysis.concessions.length > 0;
  if (!conceded && analysis.gains.length > 0) {
    irritate(turn, IRRITATION.backtrack);
    return { kind: 'reject', reason: 'backtrack', line: 'reject-backtrack' };
  }
  if (!conceded) {
    irritate(turn, IRRITATION.stall);
    advance(turn);
    return { kind: 'counter-offer', line: 'stalling' };
  }
  if (utility(spec, s, proposed) < LOWBALL_UTILITY) {
    irritate(turn, IRRITATION.lowball);
    return { kind: 'reject', reason: 'offer-too-low', line: 'reject-too-low' };
  }
  // Reciprocity: a concession bought with a counterpart (or a signature) earns one step back;
  // a free one is simply pocketed.
  const traded = analysis.gains.length > 0 || form === 'conditional-close';
  if (traded) s.clientSteps += 1;
  advance(turn);
  return { kind: 'counter-offer', line: traded ? 'counter' : 'counter-pocketed' };
}

function finish(turn: Turn, reply: Reply, wasExhausted: boolean): MoveOutcome {
  const { spec } = turn;
  const s = turn.state;
  // A client with nothing left to give tires of every further round.
  if (s.status === 'open' && wasExhausted) irritate(turn, IRRITATION.exhausted);

  let response: ClientResponse;
  let line;
  if (s.status === 'open' && (s.irritation >= s.patience || s.round >= MAX_ROUNDS)) {
    const reason = s.irritation >= s.patience ? 'out-of-patience' : 'too-long';
    s.status = 'walked-away';
    [line, turn.rng] = speak(spec, 'walk-away', turn.rng);
    response = { kind: 'walk-away', reason, line };
  } else {
    [line, turn.rng] = speak(spec, reply.line, turn.rng);
    response =
      reply.kind === 'accept'
        ? { kind: 'accept', terms: completeTerms(reply.terms, {}), line }
        : reply.kind === 'reject'
          ? { kind: 'reject', reason: reply.reason, line }
          : { kind: 'counter-offer', terms: completeTerms(s.clientDemand, {}), line };
  }
  s.irritation = Math.min(s.irritation, s.patience);
  const evidence = recordEvidence(spec, s, turn.evidence);
  s.lastResponse = response;
  return { ok: true, state: s, rng: turn.rng, response, evidence };
}
