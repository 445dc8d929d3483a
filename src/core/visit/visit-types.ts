import type { ClientResponse, Evidence, NegotiationMove, NegotiationState } from '../negotiation/index.ts';
import type { Gauge } from '../scenario/conditions.ts';
import type { VisitPhase, VisitStage } from '../phases.ts';
import type { RngState } from '../random.ts';

/** Optional time stamp the view adds (ms since the visit opened): kept in the log, never read by the rules. */
interface Timed {
  at?: number;
}

/** What the player does. Dot-namespaced so logs read like sentences: "player.choose d2-open". */
export type PlayerEvent =
  | ({ type: 'player.choose'; choiceId: string } & Timed)
  | ({ type: 'player.start' } & Timed)
  | ({ type: 'player.note'; text: string } & Timed)
  | ({ type: 'player.leave' } & Timed);

export type VisitEvent = PlayerEvent | NegotiationEvent;

/** Moves in the numeric negotiation step (closing phase). */
export type NegotiationEvent = { type: 'nego.move'; move: NegotiationMove } & Timed;

export type RefusalReason =
  | 'visit-over'
  | 'unknown-event'
  | 'unknown-choice'
  | 'choice-not-offered'
  | 'choice-hidden'
  | 'choice-disabled'
  | 'phase-order'
  | 'preparation-incomplete'
  | 'already-started'
  | 'not-started'
  | 'note-invalid'
  | 'in-negotiation'
  | 'not-negotiating'
  | 'move-refused'
  | 'no-negotiation';

export type Mood = 'annoyed' | 'distrustful' | 'neutral' | 'interested' | 'convinced';

export type Cursor =
  | { kind: 'preparation'; id: string }
  | { kind: 'ready' }
  | { kind: 'node'; id: string }
  | { kind: 'negotiation'; id: string }
  | { kind: 'ended' };

/** One accepted choice, the unit of evidence for scoring and of the debrief timeline. */
export interface ChoiceStep {
  kind: 'choice';
  stage: VisitPhase | 'briefing';
  nodeId: string;
  choiceId: string;
  /** Choices the player could pick at that moment: what "the best available" is measured against. */
  offered: string[];
  /** Which of the choice's text variants was shown (absent: its base text), for the debrief. */
  variant?: number;
  /** Which variant of the node's line the client said before this choice (absent: the base line). */
  lineVariant?: number;
}

/** One move of the negotiation step, with the evidence the negotiation model found in it. */
export interface NegotiationStep {
  kind: 'negotiation';
  stage: 'closing';
  nodeId: string;
  move: NegotiationMove;
  evidence: Evidence[];
  /** What the client answered to this move, for transcripts and timelines. */
  response: ClientResponse;
}

export type Step = ChoiceStep | NegotiationStep;

export interface EndingReached {
  id: string;
  /** How it was reached: a choice, the client's patience running out, the player leaving, the negotiation. */
  by: 'choice' | 'patience' | 'leave' | 'negotiation';
}

export interface VisitContext {
  scenarioId: string;
  seed: number;
  shuffle: boolean;
  rng: RngState;
  cursor: Cursor;
  /** Ids of the choices shown at the cursor, in display order (seeded shuffle). */
  order: string[];
  gauges: Record<Gauge, number>;
  needs: string[];
  /** What the client has said about their motives, freins, budget and decision-maker (effects.reveal). */
  revealed: string[];
  flags: Record<string, boolean>;
  vars: Record<string, number>;
  visited: string[];
  chosen: string[];
  steps: Step[];
  notebook: string[];
  notes: { stage: VisitStage; text: string }[];
  /** Every accepted event, exactly as sent: the visit *is* this log. */
  log: VisitEvent[];
  ending: EndingReached | null;
  negotiation: NegotiationState | null;
}

export interface VisitInput {
  seed: number;
  /** Shuffle the order of choices (default true) so that the best answer is not always first. */
  shuffle?: boolean;
}

/** Effects for the view: it may animate, play a sound or read aloud; it never decides. */
export type VisitEmitted =
  | { type: 'visit.stage-changed'; from: VisitStage; to: VisitStage }
  | { type: 'client.line'; nodeId: string }
  | { type: 'client.mood-changed'; from: Mood; to: Mood }
  | { type: 'notebook.added'; needId: string }
  | { type: 'choice.feedback'; choiceId: string; quality: 'good' | 'neutral' | 'poor' }
  | { type: 'cue.sound'; sound: CueSound }
  | { type: 'visit.ended'; endingId: string; by: EndingReached['by'] }
  | { type: 'visit.refused'; event: string; reason: RefusalReason; detail?: string };

export type CueSound = 'door' | 'phone-ring' | 'positive' | 'negative' | 'discovery' | 'deal' | 'no-deal' | 'walk-out';
