import type { Store } from '../db/store.ts';
import type { LiveBus } from '../live/live-bus.ts';
import type { ScenarioLibrary } from './scenario-library.ts';

/** What the domain functions share: storage, scenarios, live updates and the clock (time is an input). */
export interface Classroom {
  store: Store;
  library: ScenarioLibrary;
  bus: LiveBus;
  now(): number;
}

/** A class session as the API shows it (no internal columns). */
export interface SessionView {
  id: string;
  code: string;
  title: string;
  scenarios: string[];
  referential: string;
  mode: 'assisted' | 'exam';
  opensAt: number | null;
  closesAt: number | null;
  retentionDays: number;
  /** The exam rehearsal's durations the class sets, in seconds (null: the official 40 and 20 minutes). */
  prepSeconds: number | null;
  simSeconds: number | null;
  createdAt: number;
  deleteAfter: number;
}

export type SessionState = 'not-open' | 'open' | 'closed';

export function stateOf(session: SessionView, now: number): SessionState {
  if (session.opensAt !== null && now < session.opensAt) return 'not-open';
  if (session.closesAt !== null && now >= session.closesAt) return 'closed';
  return 'open';
}

export function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
