import { RESULTS_KIND, SAVE_VERSION, type Attempt } from '../../core/save/index.ts';
import {
  acknowledge,
  CLASS_KEY,
  queueAttempt,
  queueProgress,
  readClassState,
  type ClassState,
  type QueueItem,
} from './class-state.ts';

export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type JoinResult = { ok: true } | { ok: false; code: string };

/** Retries wait 1 s, 2 s, 4 s… up to 30 s; coming back online retries at once. */
const MAX_BACKOFF = 30_000;

/**
 * The student's side of a class session: joining, and a queue of uploads that survives a lost
 * network and a reload. Items are sent one at a time, in order; an item leaves the queue only
 * once the server has answered for it (taken, or refused with a code). A network failure or a
 * server error leaves it there and the queue is tried again later. The server is idempotent by
 * attempt id, so an answer lost on the way back only costs a harmless resend.
 */
export class ClassSync {
  private state: ClassState | null;
  private flushing: Promise<void> | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private backoff = 1000;
  private listeners = new Set<() => void>();

  constructor(
    private readonly storage: KeyValue | null,
    private readonly base: string,
    private readonly fetchFn: typeof fetch = (...args) => fetch(...args),
  ) {
    this.state = readClassState(this.read());
  }

  get current(): ClassState | null {
    return this.state;
  }

  get pending(): number {
    return this.state?.queue.filter((q) => q.kind === 'attempt').length ?? 0;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async join(code: string, pseudonym: string): Promise<JoinResult> {
    const previous = this.state?.session.code === code.toUpperCase() ? this.state : null;
    let response: Response;
    try {
      response = await this.post(`api/sessions/${encodeURIComponent(code)}/students`, {
        pseudonym,
        ...(previous && previous.pseudonym === pseudonym ? { key: previous.key } : {}),
      });
    } catch {
      return { ok: false, code: 'network' };
    }
    const body = (await response.json().catch(() => null)) as {
      key?: string;
      student?: { pseudonym: string };
      session?: ClassState['session'];
      error?: { code?: string };
    } | null;
    if (!response.ok || !body?.key || !body.session || !body.student)
      return { ok: false, code: body?.error?.code ?? String(response.status) };
    const keep = previous && previous.pseudonym === body.student.pseudonym ? previous : null;
    this.set({
      session: body.session,
      pseudonym: body.student.pseudonym,
      key: body.key,
      queue: keep?.queue ?? [],
      sent: keep?.sent ?? [],
      refused: keep?.refused ?? [],
    });
    return { ok: true };
  }

  /** Leaves the class on this browser (what is still queued is dropped; the save keeps every visit). */
  leave(): void {
    this.set(null);
  }

  attemptRecorded(attempt: Attempt): void {
    if (!this.state) return;
    this.set(queueAttempt(this.state, attempt));
    void this.flush();
  }

  phaseChanged(progress: { attemptId: string; scenarioId: string; phase: string }): void {
    if (!this.state) return;
    this.set(queueProgress(this.state, progress));
    void this.flush();
  }

  /** Sends what is queued; resolves when the queue is empty or the network gave up for now. */
  flush(): Promise<void> {
    this.flushing ??= this.drain().finally(() => (this.flushing = null));
    return this.flushing;
  }

  private async drain(): Promise<void> {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    for (;;) {
      const item = this.state?.queue[0];
      if (!this.state || !item) return;
      const outcome = await this.send(this.state, item);
      if (outcome === 'retry') {
        this.retry = setTimeout(() => void this.flush(), this.backoff);
        this.backoff = Math.min(MAX_BACKOFF, this.backoff * 2);
        return;
      }
      this.backoff = 1000;
      if (this.state) this.set(acknowledge(this.state, item, outcome === 'sent' ? undefined : outcome));
    }
  }

  /** 'sent', a refusal code, or 'retry' (no answer, or the server could not answer now). */
  private async send(state: ClassState, item: QueueItem): Promise<string> {
    const code = encodeURIComponent(state.session.code);
    let response: Response;
    try {
      response =
        item.kind === 'attempt'
          ? await this.post(`api/sessions/${code}/attempts`, {
              student: state.pseudonym,
              results: {
                kind: RESULTS_KIND,
                saveVersion: SAVE_VERSION,
                exportedAt: item.attempt.endedAt,
                attempts: [item.attempt],
                best: {},
              },
            })
          : await this.post(`api/sessions/${code}/progress`, {
              student: state.pseudonym,
              attemptId: item.attemptId,
              scenarioId: item.scenarioId,
              phase: item.phase,
            });
    } catch {
      return 'retry';
    }
    if (response.status >= 500 || response.status === 429 || response.status === 408) return 'retry';
    const body = (await response.json().catch(() => null)) as {
      rejected?: { id: string; code: string }[];
      error?: { code?: string };
    } | null;
    if (!response.ok) return body?.error?.code ?? String(response.status);
    if (item.kind === 'attempt') return body?.rejected?.find((r) => r.id === item.attempt.id)?.code ?? 'sent';
    return 'sent';
  }

  private post(path: string, body: unknown): Promise<Response> {
    return this.fetchFn(new URL(path, this.base).toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  private set(state: ClassState | null): void {
    this.state = state;
    try {
      if (state) this.storage?.setItem(CLASS_KEY, JSON.stringify(state));
      else this.storage?.removeItem(CLASS_KEY);
    } catch {
      // Storage full or refused: the queue still lives in memory for this page.
    }
    for (const l of this.listeners) l();
  }

  private read(): string | null {
    try {
      return this.storage?.getItem(CLASS_KEY) ?? null;
    } catch {
      return null;
    }
  }

  /** Stops retrying (tests, page teardown). */
  stop(): void {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
  }
}
