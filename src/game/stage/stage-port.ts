import { afterNextPaint, paintQueue, type Schedule } from '../../adapters/after-paint.ts';
import type { Setting } from '../../core/scenario/format.ts';
import type { Settings } from '../../core/save/format.ts';
import type { Mood } from '../../core/visit/visit-types.ts';
import type { ClientLook, Expression, Gesture } from '../art/character-art.ts';

export type LowGraphics = Settings['lowGraphics'];

/**
 * What the DOM screens ask of the drawn scene. The Phaser implementation (phaser-stage.ts) is
 * loaded lazily; until it is ready calls are queued, and widget tests pass a recording fake.
 * The stage only draws: it never decides anything about the visit.
 */
export interface StagePort {
  /** The title and menus: a quiet backdrop. */
  showBackdrop(): void;
  /** A visit: the setting and the client as the scenario describes them. */
  showVisit(setting: Setting, look: ClientLook): void;
  setSetting(setting: Setting): void;
  /** The client's face and posture: from the node's cue, else from the mood. */
  setClient(expression: Expression, gesture: Gesture, mood: Mood): void;
  setReducedMotion(reduced: boolean): void;
  /**
   * 'auto': low graphics when the browser draws without a GPU. Low graphics: no gesture animation, no idle
   * breathing.
   */
  setLowGraphics(mode: LowGraphics): void;
}

/** What a waiting call sets: a later call with the same key makes it moot. */
type Key = 'scene' | 'setting' | 'client' | 'reduced' | 'low';
type Call = { key: Key; run: (s: StagePort) => void };
const SCENE_KEYS: readonly Key[] = ['scene', 'setting', 'client'];

/**
 * The stage the screens hold from the first screen on. Before the drawn stage has loaded, it
 * keeps only what the next picture needs (the last of each kind of call, and nothing from
 * before a new backdrop or visit), so a slow stage never replays a whole visit. Once attached,
 * every call waits until the browser has painted the DOM the click changed (afterNextPaint):
 * the client's line shows first, the drawing follows.
 */
export function queuedStage(schedule: Schedule = afterNextPaint): StagePort & { attach(real: StagePort): void } {
  let real: StagePort | null = null;
  let waiting: Call[] = [];
  const later = paintQueue(schedule);
  const call = (key: Key, run: Call['run']) => {
    if (real) {
      const r = real;
      later(() => run(r));
      return;
    }
    const moot = key === 'scene' ? SCENE_KEYS : [key];
    waiting = waiting.filter((w) => !moot.includes(w.key));
    waiting.push({ key, run });
  };
  return {
    attach(r) {
      real = r;
      for (const c of waiting.splice(0)) c.run(r);
    },
    showBackdrop: () => call('scene', (s) => s.showBackdrop()),
    showVisit: (setting, look) => call('scene', (s) => s.showVisit(setting, look)),
    setSetting: (setting) => call('setting', (s) => s.setSetting(setting)),
    setClient: (e, g, m) => call('client', (s) => s.setClient(e, g, m)),
    setReducedMotion: (r) => call('reduced', (s) => s.setReducedMotion(r)),
    setLowGraphics: (mode) => call('low', (s) => s.setLowGraphics(mode)),
  };
}

/** A stage that draws nothing: when the drawn one cannot start, the game goes on without it. */
export const noStage: StagePort = {
  showBackdrop: () => undefined,
  showVisit: () => undefined,
  setSetting: () => undefined,
  setClient: () => undefined,
  setReducedMotion: () => undefined,
  setLowGraphics: () => undefined,
};
