/**
 * The microphone, behind a small port: `record()` asks the browser for the microphone
 * (getUserMedia) and records with MediaRecorder until `stop()`. Nothing leaves the browser: the
 * clip comes back as a Blob for the caller to keep or drop. Unit tests use a fake
 * (tests/game/voice-fakes.ts); the real one is tested in Chromium with its fake devices
 * (tests/e2e/spoken-answers.test.ts).
 */

/** Why there is no recording: no MediaRecorder, the student (or the browser) said no, no device, anything else. */
export type MicProblem = 'unsupported' | 'denied' | 'no-device' | 'failed';

export class MicError extends Error {
  constructor(
    readonly problem: MicProblem,
    cause?: unknown,
  ) {
    super(`microphone: ${problem}`, { cause });
    this.name = 'MicError';
  }
}

/** One spoken answer: the audio, its type (e.g. `audio/webm;codecs=opus`) and how long it lasted. */
export interface Clip {
  audio: Blob;
  mime: string;
  durationMs: number;
}

/** A recording under way. */
export interface Take {
  /** Stops recording, lets go of the microphone, and gives the clip. */
  stop(): Promise<Clip>;
  /** Stops and lets go of the microphone, keeping nothing. */
  cancel(): void;
}

export interface Microphone {
  /** The browser can record at all (MediaRecorder and getUserMedia exist). */
  readonly supported: boolean;
  /** Starts recording; rejects with a MicError when it cannot. */
  record(): Promise<Take>;
}

/** The types tried in order: Opus in WebM (Chromium, Firefox), then MP4 (Safari). */
const TYPES = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus', 'audio/mp4'];

export function problemOf(error: unknown): MicProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError')
    return 'no-device';
  return 'failed';
}

export function browserMicrophone(now: () => number = () => performance.now()): Microphone {
  const supported =
    typeof MediaRecorder !== 'undefined' && typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;
  return {
    supported,
    async record() {
      if (!supported) throw new MicError('unsupported');
      let stream: MediaStream;
      try {
        stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      } catch (error) {
        throw new MicError(problemOf(error), error);
      }
      const release = () => stream.getTracks().forEach((track) => track.stop());
      try {
        return startTake(stream, release, now);
      } catch (error) {
        release();
        throw new MicError('failed', error);
      }
    },
  };
}

function startTake(stream: MediaStream, release: () => void, now: () => number): Take {
  const wanted = TYPES.find((type) => MediaRecorder.isTypeSupported(type));
  const recorder = new MediaRecorder(stream, wanted ? { mimeType: wanted } : undefined);
  const chunks: Blob[] = [];
  recorder.addEventListener('dataavailable', (e) => {
    if (e.data.size > 0) chunks.push(e.data);
  });
  const started = now();
  recorder.start();
  const stopped = new Promise<Clip>((resolve, reject) => {
    recorder.addEventListener('stop', () => {
      release();
      const mime = recorder.mimeType || wanted || 'audio/webm';
      resolve({ audio: new Blob(chunks, { type: mime }), mime, durationMs: Math.max(0, Math.round(now() - started)) });
    });
    recorder.addEventListener('error', (e) => {
      release();
      reject(new MicError('failed', e));
    });
  });
  return {
    stop() {
      if (recorder.state !== 'inactive') recorder.stop();
      return stopped;
    },
    cancel() {
      chunks.length = 0;
      stopped.catch(() => undefined);
      if (recorder.state !== 'inactive') recorder.stop();
      else release();
    },
  };
}
