import { createActor, type Actor, type Snapshot } from 'xstate';
import type { ScenarioIndex } from '../scenario/scenario-index.ts';
import type { VisitStage } from '../phases.ts';
import { createVisitMachine, placeOf, type Place, type VisitMachine } from './visit-machine.ts';
import { makeRules, stageOf, type Rules } from './visit-rules.ts';
import type { RefusalReason, VisitContext, VisitEmitted, VisitEvent, VisitInput } from './visit-types.ts';

/** `detail` names the negotiation model's own reason when a move is refused (invalid-terms…). */
export type SendResult = { ok: true; emitted: VisitEmitted[] } | { ok: false; reason: RefusalReason; detail?: string };

/**
 * A running visit: the actor plus a `send` that says why an event was refused instead of
 * silently ignoring it. The game, the CLI, the server and the tests all drive visits through this.
 */
export interface VisitSession {
  readonly rules: Rules;
  readonly index: ScenarioIndex;
  readonly actor: Actor<VisitMachine>;
  send(event: VisitEvent): SendResult;
  context(): VisitContext;
  stage(): VisitStage;
  place(): Place;
  done(): boolean;
  /** The machine's own persisted snapshot (JSON-safe; the scenario is not in it). */
  persisted(): Snapshot<unknown>;
  stop(): void;
}

export interface OpenOptions extends VisitInput {
  /** Resume from a snapshot persisted by `persisted()`. */
  snapshot?: Snapshot<unknown>;
}

/**
 * Opens a visit of a scenario. The scenario's negotiation step, if it has one, is wired by the
 * rules themselves: there is nothing to forget.
 */
export function openVisit(index: ScenarioIndex, options: OpenOptions): VisitSession {
  const rules = makeRules(index);
  const machine = createVisitMachine(rules);
  const input: VisitInput = {
    seed: options.seed,
    ...(options.shuffle === undefined ? {} : { shuffle: options.shuffle }),
  };
  const actor = createActor(machine, { input, ...(options.snapshot ? { snapshot: options.snapshot } : {}) });
  let collected: VisitEmitted[] = [];
  actor.on('*', (e) => collected.push(e));
  actor.start();
  const context = () => actor.getSnapshot().context;
  const done = () => actor.getSnapshot().status === 'done';
  return {
    rules,
    index,
    actor,
    context,
    stage: () => stageOf(rules, context()),
    place: () => placeOf(rules, context()),
    done,
    persisted: () => actor.getPersistedSnapshot(),
    stop: () => actor.stop(),
    send(event) {
      // A finished visit's machine is in its final state and takes no more events.
      if (done()) return { ok: false, reason: 'visit-over' };
      collected = [];
      actor.send(event);
      const refused = collected.find((e) => e.type === 'visit.refused');
      if (refused?.type === 'visit.refused')
        return refused.detail === undefined
          ? { ok: false, reason: refused.reason }
          : { ok: false, reason: refused.reason, detail: refused.detail };
      return { ok: true, emitted: collected };
    },
  };
}

/** Replays a log from the start: the same scenario, seed and events give the same visit. */
export function replayVisit(index: ScenarioIndex, input: VisitInput, log: readonly VisitEvent[]) {
  const session = openVisit(index, input);
  const refused: { at: number; reason: RefusalReason }[] = [];
  log.forEach((event, at) => {
    const r = session.send(event);
    if (!r.ok) refused.push({ at, reason: r.reason });
  });
  return { session, refused };
}
