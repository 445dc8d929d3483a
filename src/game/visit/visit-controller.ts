import type { InProgress } from '../../core/save/index.ts';
import type { ScenarioIndex } from '../../core/scenario/scenario-index.ts';
import { openVisit, replayVisit, type SendResult, type VisitSession } from '../../core/visit/visit-session.ts';
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
    const { session, refused } = replayVisit(index, { seed: record.seed }, record.log as VisitEvent[]);
    const elapsed = () => Math.max(0, Math.round(now() - record.startedAt));
    return { controller: new VisitController(index, session, record, persist, elapsed), refused: refused.length };
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
    const stamped: VisitEvent = { ...event, at: this.elapsed() };
    const result = this.session.send(stamped);
    if (result.ok) {
      // The save keeps events as loose JSON records (it checks them by replaying); an event is one.
      this.record = { ...this.record, log: [...this.record.log, stamped as unknown as InProgress['log'][number]] };
      this.persist(this.record);
      for (const l of this.listeners) l(result.emitted);
    }
    return result;
  }

  stop(): void {
    this.listeners = [];
    this.session.stop();
  }
}

/** Replays a finished attempt's log to rebuild its visit (for the debrief, under any referential). */
export function replayAttempt(index: ScenarioIndex, seed: number, log: readonly unknown[]): VisitContext {
  const { session } = replayVisit(index, { seed }, log as VisitEvent[]);
  return session.context();
}

/** Opens a fresh visit without a record: what the briefing shows before anything is chosen. */
export function previewVisit(index: ScenarioIndex, seed: number): VisitSession {
  return openVisit(index, { seed });
}
