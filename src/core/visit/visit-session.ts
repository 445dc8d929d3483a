import { createActor, type Actor, type Snapshot } from 'xstate';
import type { Scenario } from '../scenario/format.ts';
import { indexScenario, type ScenarioIndex } from '../scenario/scenario-index.ts';
import type { VisitStage } from '../phases.ts';
import { createVisitMachine, placeOf, type Place, type VisitMachine } from './visit-machine.ts';
import type { NegotiationPort } from './negotiation-port.ts';
import { explainRefusal, makeRules, stageOf, type Rules } from './visit-rules.ts';
import type { RefusalReason, VisitContext, VisitEmitted, VisitEvent, VisitInput } from './visit-types.ts';

/** `detail` names the negotiation model's own reason when a move is refused (invalid-terms…). */
export type SendResult = { ok: true; emitted: VisitEmitted[] } | { ok: false; reason: RefusalReason; detail?: string };

/**
 * A running visit: the actor plus a `send` that says why an event was refused instead of
 * silently ignoring it. The game, the CLI and the tests all drive visits through this.
 */
export interface VisitSession {
  readonly rules: Rules;
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

export interface SessionOptions {
  negotiation?: NegotiationPort;
  /** Resume from a snapshot persisted by `persisted()`. */
  snapshot?: Snapshot<unknown>;
}

export function createVisitSession(
  scenario: Scenario | ScenarioIndex,
  input: VisitInput,
  options: SessionOptions = {},
): VisitSession {
  const index = 'nodeList' in scenario ? scenario : indexScenario(scenario);
  const rules = makeRules(index, options.negotiation);
  const machine = createVisitMachine(rules);
  const actor = createActor(machine, { input, ...(options.snapshot ? { snapshot: options.snapshot } : {}) });
  let collected: VisitEmitted[] = [];
  actor.on('*', (e) => collected.push(e));
  actor.start();
  const context = () => actor.getSnapshot().context;
  return {
    rules,
    actor,
    context,
    stage: () => stageOf(rules, context()),
    place: () => placeOf(rules, context()),
    done: () => actor.getSnapshot().status === 'done',
    persisted: () => actor.getPersistedSnapshot(),
    stop: () => actor.stop(),
    send(event) {
      const reason = explainRefusal(rules, context(), event);
      if (reason === 'move-refused' && event.type === 'nego.move')
        return { ok: false, reason, detail: rules.negotiation.check(rules.index, context(), event.move) ?? '' };
      if (reason) return { ok: false, reason };
      collected = [];
      const before = context().log.length;
      actor.send(event);
      if (context().log.length === before) {
        // The rules accepted it but the machine drew no edge for it (a phase jump the method forbids).
        return { ok: false, reason: 'choice-not-offered' };
      }
      return { ok: true, emitted: collected };
    },
  };
}

/** Replays a log from the start: the same scenario, seed and events give the same visit. */
export function replayVisit(
  scenario: Scenario | ScenarioIndex,
  input: VisitInput,
  log: readonly VisitEvent[],
  options: Omit<SessionOptions, 'snapshot'> = {},
) {
  const session = createVisitSession(scenario, input, options);
  const refused: { at: number; reason: RefusalReason }[] = [];
  log.forEach((event, at) => {
    const r = session.send(event);
    if (!r.ok) refused.push({ at, reason: r.reason });
  });
  return { session, refused };
}
