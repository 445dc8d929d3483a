import { MicError, type Clip, type Microphone, type MicProblem } from '../../src/adapters/voice/microphone.ts';
import type { Recording, RecordingStore } from '../../src/adapters/voice/recordings.ts';

/**
 * A microphone without a browser: `record()` opens it (or fails with the problem asked for),
 * `stop()` gives a clip as long as the fake clock ran. `open` says whether it is still in use —
 * what a student sees as the browser's red recording dot.
 */
export function fakeMicrophone(opts: { problem?: MicProblem; now: () => number }) {
  const state = { opened: 0, open: false };
  const mic: Microphone = {
    supported: opts.problem !== 'unsupported',
    record() {
      if (opts.problem) return Promise.reject(new MicError(opts.problem));
      state.opened++;
      state.open = true;
      const began = opts.now();
      return Promise.resolve({
        stop(): Promise<Clip> {
          state.open = false;
          const audio = new Blob([new Uint8Array([1, 2, 3, 4])], { type: 'audio/webm;codecs=opus' });
          return Promise.resolve({ audio, mime: audio.type, durationMs: opts.now() - began });
        },
        cancel() {
          state.open = false;
        },
      });
    },
  };
  return { mic, state };
}

/** The recordings' store in memory, with the IndexedDB one's contract. */
export function memoryRecordings(): RecordingStore & { all: Map<string, Recording> } {
  const all = new Map<string, Recording>();
  const remove = (keep: (r: Recording) => boolean) => {
    let n = 0;
    for (const [id, r] of all)
      if (!keep(r)) {
        all.delete(id);
        n++;
      }
    return Promise.resolve(n);
  };
  return {
    all,
    put: (r) => Promise.resolve(void all.set(r.id, r)),
    list: (attemptId) =>
      Promise.resolve([...all.values()].filter((r) => r.attemptId === attemptId).sort((a, b) => a.step - b.step)),
    removeVisit: (attemptId) => remove((r) => r.attemptId !== attemptId),
    clear: () => remove(() => false),
    count: () => Promise.resolve(all.size),
  };
}

/** Lets pending promise callbacks run (the panel awaits the microphone). */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
