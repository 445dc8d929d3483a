import type { ReferentialPack } from '../referentials/formats.ts';
import type { ScenarioIndex } from '../scenario/scenario-index.ts';
import { evaluateVisit, type Evaluation } from '../scoring/evaluate.ts';
import { openVisit } from '../visit/visit-session.ts';
import type { RefusalReason } from '../visit/visit-types.ts';
import type { Playthrough } from './format.ts';
import { eventOfStep, type PathStep } from './path.ts';

export interface PlaythroughRun {
  /** Where the path stopped being playable, if it did. */
  refused: { step: number; token: PathStep; reason: RefusalReason } | null;
  complete: boolean;
  endingId: string | null;
  /** The evaluation under each pack, by pack id. */
  evaluations: ReadonlyMap<string, Evaluation>;
  /** Skills the visit showed (good or poor), for checking a playthrough's claimed habit. */
  shown: Set<string>;
}

/** Replays an expected playthrough the way `negosim play --choices` does, and marks it under every pack. */
export function runPlaythrough(
  index: ScenarioIndex,
  playthrough: Pick<Playthrough, 'path' | 'seed'>,
  packs: readonly ReferentialPack[],
): PlaythroughRun {
  const session = openVisit(index, { seed: playthrough.seed ?? 1, shuffle: false });
  let refused: PlaythroughRun['refused'] = null;
  for (const [at, step] of playthrough.path.entries()) {
    if (session.context().cursor.kind === 'ready') session.send({ type: 'player.start' });
    const result = session.send(eventOfStep(step));
    if (!result.ok) {
      refused = { step: at, token: step, reason: result.reason };
      break;
    }
  }
  const ctx = session.context();
  const evaluations = new Map(packs.map((pack) => [pack.id, evaluateVisit(index, pack, ctx)]));
  const shown = new Set<string>();
  for (const step of ctx.steps) {
    const evidence = step.kind === 'choice' ? (index.choices.get(step.choiceId)?.choice.skills ?? []) : step.evidence;
    for (const e of evidence) if (!('missed' in e && e.missed) && index.skills.get(e.skill)) shown.add(e.skill);
  }
  return { refused, complete: ctx.cursor.kind === 'ended', endingId: ctx.ending?.id ?? null, evaluations, shown };
}
