/**
 * The server's one bridge to the core's visit and scoring API. Everything the classroom server
 * (and `negosim play --export`) needs from a visit — replaying an uploaded event log, marking it
 * under every referential pack, the steps of the debrief, a teacher's override of a level — goes
 * through this file, so that the core's new visit API (issue 9: openVisit / replayVisit /
 * evaluateVisit) is one edit here.
 *
 * The server never trusts a mark from the browser: it replays the log with the core, exactly as
 * the game does (choices shuffled by the seed), and keeps its own evaluation.
 */
import { evaluateVisitFor } from '../../core/evaluate-visit.ts';
import { negotiationSupport } from '../../core/negotiation-support.ts';
import { packs, skillById } from '../../core/referentials/bundled.ts';
import type { LevelId, ReferentialPack } from '../../core/referentials/formats.ts';
import { choiceQuality } from '../../core/scenario/choice-quality.ts';
import type { ScenarioIndex } from '../../core/scenario/scenario-index.ts';
import { levelOf, roundToStep, type Evaluation } from '../../core/scoring/evaluate.ts';
import { createVisitSession } from '../../core/visit/visit-session.ts';
import { eventOfToken } from '../../core/visit/path-tokens.ts';
import type { VisitContext, VisitEvent } from '../../core/visit/visit-types.ts';

export type { ReferentialPack, LevelId };

/** The referential packs the server marks against, in a stable order (never hard-coded ids). */
export function referentialPacks(): ReferentialPack[] {
  return Object.values(packs);
}

export function packById(id: string): ReferentialPack | undefined {
  return referentialPacks().find((p) => p.id === id);
}

/** What the server keeps of an evaluation: enough for the board, the CSV and overrides. */
export interface StoredEvaluation {
  pack: string;
  mark: number;
  exactMark: number;
  competences: { code: string; weight: number; ratio: number | null; level: LevelId | null }[];
}

/** One decision of the visit: where the player was, and what they picked. */
export interface Decision {
  nodeId: string;
  stage: string;
  /** A choice id, or `nego:<move type>` for a negotiation move. */
  choiceId: string;
}

export type ReplayOutcome =
  | {
      ok: true;
      endingId: string;
      evaluations: Record<string, StoredEvaluation>;
      decisions: Decision[];
    }
  | { ok: false; reason: 'log-refused'; step: number; detail: string }
  | { ok: false; reason: 'visit-unfinished' };

function replay(index: ScenarioIndex, seed: number, log: readonly unknown[]) {
  const support = negotiationSupport(index);
  const session = createVisitSession(index, { seed }, support.negotiation ? { negotiation: support.negotiation } : {});
  for (const [step, event] of log.entries()) {
    const result = session.send(event as VisitEvent);
    if (!result.ok) {
      session.stop();
      return { ok: false as const, step, detail: result.reason };
    }
  }
  const ctx = session.context();
  session.stop();
  return { ok: true as const, ctx };
}

function stored(evaluation: Evaluation): StoredEvaluation {
  return {
    pack: evaluation.pack,
    mark: evaluation.mark,
    exactMark: evaluation.exactMark,
    competences: evaluation.competences.map((c) => ({
      code: c.code,
      weight: c.weight,
      ratio: c.ratio,
      level: c.level,
    })),
  };
}

function moveType(move: unknown): string {
  const type = (move as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? type : '';
}

function decisionsOf(ctx: VisitContext): Decision[] {
  return ctx.steps.map((s) =>
    s.kind === 'choice'
      ? { nodeId: s.nodeId, stage: s.stage, choiceId: s.choiceId }
      : { nodeId: s.nodeId, stage: s.stage, choiceId: `nego:${moveType(s.move)}` },
  );
}

/** Replays a finished visit's log and marks it under every pack. A refused event rejects the whole log. */
export function replayFinishedVisit(index: ScenarioIndex, seed: number, log: readonly unknown[]): ReplayOutcome {
  const r = replay(index, seed, log);
  if (!r.ok) return { ok: false, reason: 'log-refused', step: r.step, detail: r.detail };
  if (r.ctx.cursor.kind !== 'ended' || !r.ctx.ending) return { ok: false, reason: 'visit-unfinished' };
  const evaluations: Record<string, StoredEvaluation> = {};
  for (const pack of referentialPacks()) evaluations[pack.id] = stored(evaluateVisitFor(index, pack, r.ctx));
  return { ok: true, endingId: r.ctx.ending.id, evaluations, decisions: decisionsOf(r.ctx) };
}

/** The phase a visit in progress is at, from its log (null when the log does not replay). */
export function phaseOf(index: ScenarioIndex, seed: number, log: readonly unknown[]): string | null {
  const r = replay(index, seed, log);
  if (!r.ok) return null;
  const c = r.ctx.cursor;
  if (c.kind === 'ended') return 'debrief';
  if (c.kind === 'preparation' || c.kind === 'ready') return 'briefing';
  return index.nodes.get(c.id)?.phase ?? (c.kind === 'negotiation' ? 'closing' : null);
}

export interface DebriefStep {
  stage: string;
  kind: 'choice' | 'negotiation';
  nodeId: string;
  choiceId: string | null;
  quality: 'good' | 'neutral' | 'poor';
  /** Skills a negotiation move showed (ids; the caller names them). */
  skills: string[];
  move: unknown;
}

/** The debrief rebuilt from the log: every step in order and the full evaluation under one pack. */
export function debriefOf(
  index: ScenarioIndex,
  seed: number,
  log: readonly unknown[],
  pack: ReferentialPack,
): { steps: DebriefStep[]; evaluation: Evaluation } | null {
  const r = replay(index, seed, log);
  if (!r.ok) return null;
  const steps = r.ctx.steps.map((s): DebriefStep => {
    if (s.kind === 'negotiation') {
      const poor = s.evidence.some((e) => skillById(e.skill)?.polarity === 'negative');
      const good = s.evidence.some((e) => skillById(e.skill)?.polarity === 'positive');
      return {
        stage: s.stage,
        kind: 'negotiation',
        nodeId: s.nodeId,
        choiceId: null,
        quality: poor ? 'poor' : good ? 'good' : 'neutral',
        skills: s.evidence.map((e) => e.skill),
        move: s.move,
      };
    }
    return {
      stage: s.stage,
      kind: 'choice',
      nodeId: s.nodeId,
      choiceId: s.choiceId,
      quality: qualityOfChoice(index, s.choiceId),
      skills: [],
      move: null,
    };
  });
  return { steps, evaluation: evaluateVisitFor(index, pack, r.ctx) };
}

export function qualityOfChoice(index: ScenarioIndex, choiceId: string): 'good' | 'neutral' | 'poor' {
  return choiceQuality(index.choices.get(choiceId)?.choice.skills, (id) => skillById(id)?.polarity);
}

export function skillLabel(id: string) {
  return skillById(id)?.label;
}

/**
 * A teacher's override of competence levels: the automatic mark is a proposal. An overridden
 * competence counts at the middle of its level's band (e.g. « acquis » from 0.6 to 0.85 counts
 * 0.725); the others keep their computed share. The /20 is recomputed with the pack's weights
 * and rounding step.
 */
export function markWithOverrides(
  evaluation: StoredEvaluation,
  pack: ReferentialPack,
  overrides: Record<string, LevelId>,
): { mark: number; competences: StoredEvaluation['competences'] } {
  const levels = [...pack.levels].sort((a, b) => a.min - b.min);
  const middleOf = (level: LevelId): number => {
    const i = levels.findIndex((l) => l.id === level);
    const low = levels[i]?.min ?? 0;
    const high = levels[i + 1]?.min ?? 1;
    return (low + high) / 2;
  };
  const competences = evaluation.competences.map((c) => {
    const level = overrides[c.code];
    return level ? { ...c, ratio: middleOf(level), level } : c;
  });
  let exact = 0;
  for (const c of competences) exact += 20 * c.weight * (c.ratio ?? 0);
  return { mark: roundToStep(exact, pack.mark.step), competences };
}

/** The level a share of points reaches under a pack (for tests and displays). */
export function levelFor(pack: ReferentialPack, ratio: number): LevelId {
  return levelOf(pack, ratio);
}

/**
 * Plays a path of choice ids and `@nego{…}` moves the way the game does (choices shuffled by the
 * seed), starting the visit when the briefing is done. For scripts, tests and benchmarks that
 * need real visits to upload. `at` stamps are added as the game would (ms since the start).
 */
export function playPath(
  index: ScenarioIndex,
  seed: number,
  tokens: readonly string[],
  stepMs = 0,
): { log: VisitEvent[]; endingId: string | null; refusedAt: number | null } {
  const support = negotiationSupport(index);
  const session = createVisitSession(index, { seed }, support.negotiation ? { negotiation: support.negotiation } : {});
  let refusedAt: number | null = null;
  const stamp = () => session.context().log.length * stepMs;
  for (const [i, token] of tokens.entries()) {
    if (session.context().cursor.kind === 'ready') session.send({ type: 'player.start', at: stamp() });
    const event = eventOfToken(token);
    if (!event || !session.send({ ...event, at: stamp() }).ok) {
      refusedAt = i;
      break;
    }
  }
  const ctx = session.context();
  session.stop();
  return { log: ctx.log, endingId: ctx.ending?.id ?? null, refusedAt };
}
