import type { Setting } from '../../core/scenario/format.ts';
import type { Mood } from '../../core/visit/visit-types.ts';
import type { ClientLook, Expression, Gesture } from '../art/character-art.ts';

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
}

export function queuedStage(): StagePort & { attach(real: StagePort): void } {
  let real: StagePort | null = null;
  const calls: ((s: StagePort) => void)[] = [];
  const call = (f: (s: StagePort) => void) => (real ? f(real) : calls.push(f));
  return {
    attach(r) {
      real = r;
      for (const f of calls.splice(0)) f(r);
    },
    showBackdrop: () => call((s) => s.showBackdrop()),
    showVisit: (setting, look) => call((s) => s.showVisit(setting, look)),
    setSetting: (setting) => call((s) => s.setSetting(setting)),
    setClient: (e, g, m) => call((s) => s.setClient(e, g, m)),
    setReducedMotion: (r) => call((s) => s.setReducedMotion(r)),
  };
}
