import { packs, PACK_IDS, type PackId } from '../referentials/bundled.ts';
import type { ScenarioIndex } from '../scenario/scenario-index.ts';
import { evaluateVisitFor } from '../evaluate-visit.ts';
import type { Evaluation } from '../scoring/evaluate.ts';
import { eventOfToken } from '../visit/path-tokens.ts';
import { createVisitSession } from '../visit/visit-session.ts';
import { negotiationSupport } from '../negotiation-support.ts';
import type { RefusalReason } from '../visit/visit-types.ts';
import { skillById } from '../referentials/bundled.ts';
import type { Playthrough } from './format.ts';

export interface PlaythroughRun {
  /** Where the path stopped being playable, if it did. */
  refused: { step: number; token: string; reason: RefusalReason | 'bad-token' } | null;
  complete: boolean;
  endingId: string | null;
  evaluations: Record<PackId, Evaluation>;
  /** Skills the visit showed (good or poor), for checking a playthrough's claimed habit. */
  shown: Set<string>;
}

/** Replays an expected playthrough the way `negosim play --choices` does, and marks it under every pack. */
export function runPlaythrough(index: ScenarioIndex, playthrough: Playthrough): PlaythroughRun {
  const support = negotiationSupport(index);
  const session = createVisitSession(
    index,
    { seed: playthrough.seed ?? 1, shuffle: false },
    support.negotiation ? { negotiation: support.negotiation } : {},
  );
  let refused: PlaythroughRun['refused'] = null;
  for (const [step, token] of playthrough.path.entries()) {
    if (session.context().cursor.kind === 'ready') session.send({ type: 'player.start' });
    const event = eventOfToken(token);
    const result = event ? session.send(event) : ({ ok: false, reason: 'bad-token' } as const);
    if (!result.ok) {
      refused = { step, token, reason: result.reason };
      break;
    }
  }
  const ctx = session.context();
  const evaluations = Object.fromEntries(PACK_IDS.map((id) => [id, evaluateVisitFor(index, packs[id], ctx)])) as Record<
    PackId,
    Evaluation
  >;
  const shown = new Set<string>();
  for (const step of ctx.steps) {
    const evidence = step.kind === 'choice' ? (index.choices.get(step.choiceId)?.choice.skills ?? []) : step.evidence;
    for (const e of evidence) if (!('missed' in e && e.missed) && skillById(e.skill)) shown.add(e.skill);
  }
  return { refused, complete: ctx.cursor.kind === 'ended', endingId: ctx.ending?.id ?? null, evaluations, shown };
}
