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
import { eventOfStep, type PathStep } from '../../core/playthroughs/path.ts';
import { bundledReferentials } from '../../core/referentials/bundled.ts';
import type { LevelId, ReferentialPack } from '../../core/referentials/formats.ts';
import type { Referentials } from '../../core/referentials/load-referentials.ts';
import type { NegotiationMove } from '../../core/negotiation/moves.ts';
import type { ScenarioIndex } from '../../core/scenario/scenario-index.ts';
import { evaluateVisit, levelOf, roundToStep, type Evaluation } from '../../core/scoring/evaluate.ts';
import { stepQuality } from '../../core/visit/step-quality.ts';
import { openVisit, replayVisit } from '../../core/visit/visit-session.ts';
import type { VisitContext, VisitEvent } from '../../core/visit/visit-types.ts';

export type { ReferentialPack, LevelId };

/**
 * The taxonomy and packs the server marks against: the shipped ones, loaded once when first
 * needed (the server refuses to start when they are broken, see `serve`).
 */
export function serverReferentials(): Referentials {
  const { referentials, diagnostics } = bundledReferentials();
  if (!referentials)
    throw new Error(`the shipped referentials are broken: ${diagnostics.map((d) => d.code).join(', ')}`);
  return referentials;
}

/** The referential packs the server marks against, in their order (never hard-coded ids). */
export function referentialPacks(): ReferentialPack[] {
  return [...serverReferentials().packs];
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
  // Uploaded events are checked by the rules as they replay; a refused one rejects the log.
  const { session, refused } = replayVisit(index, { seed }, log as VisitEvent[]);
  const ctx = session.context();
  session.stop();
  const first = refused[0];
  return first ? { ok: false as const, step: first.at, detail: first.reason } : { ok: true as const, ctx };
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

function decisionsOf(ctx: VisitContext): Decision[] {
  return ctx.steps.map((s) =>
    s.kind === 'choice'
      ? { nodeId: s.nodeId, stage: s.stage, choiceId: s.choiceId }
      : { nodeId: s.nodeId, stage: s.stage, choiceId: `nego:${s.move.type}` },
  );
}

/** Replays a finished visit's log and marks it under every pack. A refused event rejects the whole log. */
export function replayFinishedVisit(index: ScenarioIndex, seed: number, log: readonly unknown[]): ReplayOutcome {
  const r = replay(index, seed, log);
  if (!r.ok) return { ok: false, reason: 'log-refused', step: r.step, detail: r.detail };
  if (r.ctx.cursor.kind !== 'ended' || !r.ctx.ending) return { ok: false, reason: 'visit-unfinished' };
  const evaluations: Record<string, StoredEvaluation> = {};
  for (const pack of referentialPacks()) evaluations[pack.id] = stored(evaluateVisit(index, pack, r.ctx));
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
  move: NegotiationMove | null;
  /** Which wording of the choice the student saw (absent: its base text). */
  variant?: number;
}

/** The debrief rebuilt from the log: every step in order and the full evaluation under one pack. */
export function debriefOf(
  index: ScenarioIndex,
  seed: number,
  log: readonly unknown[],
  pack: ReferentialPack,
): { steps: DebriefStep[]; evaluation: Evaluation; ctx: VisitContext } | null {
  const r = replay(index, seed, log);
  if (!r.ok) return null;
  const steps = r.ctx.steps.map((s): DebriefStep => {
    if (s.kind === 'negotiation') {
      return {
        stage: s.stage,
        kind: 'negotiation',
        nodeId: s.nodeId,
        choiceId: null,
        quality: stepQuality(index, s),
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
      ...(s.variant === undefined ? {} : { variant: s.variant }),
    };
  });
  return { steps, evaluation: evaluateVisit(index, pack, r.ctx), ctx: r.ctx };
}

export function qualityOfChoice(index: ScenarioIndex, choiceId: string): 'good' | 'neutral' | 'poor' {
  return index.qualityOf(choiceId);
}

export function skillLabel(id: string) {
  return serverReferentials().skills.get(id)?.label;
}

/**
 * A teacher's override of competence levels: the automatic mark is a proposal. An overridden
 * competence counts at the middle of its level's band (e.g. « acquis » from 0.6 to 0.85 counts
 * 0.725); the others keep their computed share. Without an override the automatic mark stands
 * as is. With one, the /20 is recomputed the core's way — the pack's weights renormalised over
 * the criteria the scenario exercises (a criterion with no share, like NDRC's optional
 * prospection criteria in a field visit, weighs nothing) — and the automatic cap of a severe
 * fault no longer applies: the mark is then the teacher's judgement, not the machine's.
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
  if (Object.keys(overrides).length === 0) return { mark: evaluation.mark, competences };
  const marked = competences.filter((c) => c.weight > 0 && c.ratio !== null);
  const total = marked.reduce((sum, c) => sum + c.weight, 0);
  let exact = 0;
  for (const c of marked) exact += (20 * c.weight * (c.ratio ?? 0)) / (total || 1);
  return { mark: roundToStep(exact, pack.mark.step), competences };
}

/** The level a share of points reaches under a pack (for tests and displays). */
export function levelFor(pack: ReferentialPack, ratio: number): LevelId {
  return levelOf(pack, ratio);
}

/**
 * Plays a path of choice ids and { nego } moves the way the game does (choices shuffled by the
 * seed), starting the visit when the briefing is done. For scripts, tests and benchmarks that
 * need real visits to upload. `at` stamps are added as the game would (ms since the start).
 */
export function playPath(
  index: ScenarioIndex,
  seed: number,
  steps: readonly PathStep[],
  stepMs = 0,
): { log: VisitEvent[]; endingId: string | null; refusedAt: number | null } {
  const session = openVisit(index, { seed });
  let refusedAt: number | null = null;
  const stamp = () => session.context().log.length * stepMs;
  for (const [i, step] of steps.entries()) {
    if (session.context().cursor.kind === 'ready') session.send({ type: 'player.start', at: stamp() });
    if (!session.send({ ...eventOfStep(step), at: stamp() }).ok) {
      refusedAt = i;
      break;
    }
  }
  const ctx = session.context();
  session.stop();
  return { log: ctx.log, endingId: ctx.ending?.id ?? null, refusedAt };
}
