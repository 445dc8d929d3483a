import { negotiationSupport, type NegotiationSupport } from '../../core/negotiation-support.ts';
import { packs } from '../../core/referentials/bundled.ts';
import type { InProgress } from '../../core/save/index.ts';
import type { Evaluation } from '../../core/scoring/evaluate.ts';
import { evaluateVisitFor } from '../../core/evaluate-visit.ts';
import type { ScenarioIndex } from '../../core/scenario/scenario-index.ts';
import { createVisitSession, type SendResult, type VisitSession } from '../../core/visit/visit-session.ts';
import type { VisitContext, VisitEmitted, VisitEvent } from '../../core/visit/visit-types.ts';

/**
 * A visit as the view drives it: the core's session, the event log that is saved after every
 * accepted event, and the effects (sounds, faces, lines read aloud) handed to listeners. The
 * controller decides nothing; it sends the player's events and reports what the core said.
 */
export class VisitController {
  private listeners: ((emitted: VisitEmitted[]) => void)[] = [];

  private constructor(
    readonly index: ScenarioIndex,
    readonly support: NegotiationSupport,
    readonly session: VisitSession,
    public record: InProgress,
    private readonly persist: (record: InProgress) => void,
    private readonly elapsed: () => number,
  ) {}

  /**
   * Opens a visit from its record. A record with events (a reload, a "continue") is replayed
   * silently to where it stopped; `refused` counts events the scenario no longer accepts.
   */
  static open(index: ScenarioIndex, record: InProgress, persist: (r: InProgress) => void, now: () => number) {
    const support = negotiationSupport(index);
    const session = createVisitSession(
      index,
      { seed: record.seed },
      support.negotiation ? { negotiation: support.negotiation } : {},
    );
    let refused = 0;
    for (const event of record.log) if (!session.send(event as VisitEvent).ok) refused++;
    const controller = new VisitController(index, support, session, record, persist, () =>
      Math.max(0, Math.round(now() - record.startedAt)),
    );
    return { controller, refused };
  }

  context(): VisitContext {
    return this.session.context();
  }

  on(listener: (emitted: VisitEmitted[]) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  send(event: VisitEvent): SendResult {
    const stamped = { ...event, at: this.elapsed() } as VisitEvent;
    const result = this.session.send(stamped);
    if (result.ok) {
      this.record = { ...this.record, log: [...this.record.log, stamped as unknown as InProgress['log'][number]] };
      this.persist(this.record);
      for (const l of this.listeners) l(result.emitted);
    }
    return result;
  }

  evaluate(packId: keyof typeof packs): Evaluation {
    return evaluateVisitFor(this.index, packs[packId], this.context());
  }

  stop(): void {
    this.listeners = [];
    this.session.stop();
  }
}

/** The mark under a referential: the core's one evaluation function, shared with the CLI and the tests. */
export function evaluateWith(index: ScenarioIndex, ctx: VisitContext, packId: keyof typeof packs): Evaluation {
  return evaluateVisitFor(index, packs[packId], ctx);
}

/** Replays a finished attempt's log to rebuild its visit (for the debrief, under any referential). */
export function replayAttempt(index: ScenarioIndex, seed: number, log: readonly unknown[]) {
  const support = negotiationSupport(index);
  const session = createVisitSession(index, { seed }, support.negotiation ? { negotiation: support.negotiation } : {});
  for (const event of log) session.send(event as VisitEvent);
  return { session, support, context: session.context() };
}
