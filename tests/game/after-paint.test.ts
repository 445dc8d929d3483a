import { describe, expect, it, vi } from 'vitest';
import { paintQueue } from '../../src/adapters/after-paint.ts';
import { afterPaintAudio } from '../../src/adapters/audio/after-paint-audio.ts';
import type { AudioPort } from '../../src/adapters/audio/audio.ts';
import { noStage, queuedStage, type StagePort } from '../../src/game/stage/stage-port.ts';

/** A frame the test paints by hand: what waits for "after the next paint" runs only then. */
function frames() {
  let pending: (() => void)[] = [];
  return {
    schedule: (task: () => void) => void pending.push(task),
    paint() {
      const due = pending;
      pending = [];
      for (const task of due) task();
    },
  };
}

/** A stage that writes down what it was asked to draw. */
function recordingStage(): StagePort & { drawn: string[] } {
  const drawn: string[] = [];
  return {
    drawn,
    showBackdrop: () => drawn.push('backdrop'),
    showVisit: (setting) => drawn.push(`visit:${setting}`),
    setSetting: (setting) => drawn.push(`setting:${setting}`),
    setClient: (expression, gesture) => drawn.push(`client:${expression}/${gesture}`),
    setReducedMotion: (reduced) => drawn.push(`reduced:${reduced}`),
    setLowGraphics: (mode) => drawn.push(`low:${mode}`),
  };
}

describe('work that waits for the next paint', () => {
  it('runs after the frame, in the order asked, all in one go', () => {
    const f = frames();
    const later = paintQueue(f.schedule);
    const done: number[] = [];
    later(() => done.push(1));
    later(() => done.push(2));
    expect(done).toEqual([]);
    f.paint();
    expect(done).toEqual([1, 2]);
    later(() => done.push(3));
    f.paint();
    expect(done).toEqual([1, 2, 3]);
  });

  it('goes on when one piece of work fails', () => {
    const f = frames();
    const later = paintQueue(f.schedule);
    const done: string[] = [];
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    later(() => {
      throw new Error('a picture that cannot be drawn');
    });
    later(() => done.push('the sound after it'));
    f.paint();
    expect(done).toEqual(['the sound after it']);
    expect(quiet).toHaveBeenCalledOnce();
    quiet.mockRestore();
  });
});

describe('the stage the screens talk to', () => {
  it('keeps, while the drawn stage loads, only what the next picture needs', () => {
    const f = frames();
    const stage = queuedStage(f.schedule);
    stage.setReducedMotion(false);
    stage.showBackdrop();
    stage.showVisit('office', {});
    stage.setClient('neutral', 'none', 'neutral');
    stage.setClient('smile', 'nod', 'interested');
    stage.setSetting('phone');
    stage.setReducedMotion(true);
    stage.setLowGraphics('auto');
    const real = recordingStage();
    stage.attach(real);
    expect(real.drawn).toEqual(['visit:office', 'client:smile/nod', 'setting:phone', 'reduced:true', 'low:auto']);
  });

  it('forgets a whole visit left before the stage came: the menu it went back to is what shows', () => {
    const stage = queuedStage(frames().schedule);
    stage.showVisit('shop', {});
    stage.setClient('annoyed', 'arms-crossed', 'annoyed');
    stage.setSetting('phone');
    stage.showBackdrop();
    const real = recordingStage();
    stage.attach(real);
    expect(real.drawn).toEqual(['backdrop']);
  });

  it('once drawn, draws after the frame that shows the click’s answer', () => {
    const f = frames();
    const stage = queuedStage(f.schedule);
    const real = recordingStage();
    stage.attach(real);
    stage.setClient('smile', 'nod', 'interested');
    stage.setSetting('shop');
    expect(real.drawn).toEqual([]);
    f.paint();
    expect(real.drawn).toEqual(['client:smile/nod', 'setting:shop']);
  });

  it('can stand in for a stage that could not start', () => {
    const stage = queuedStage(frames().schedule);
    stage.showBackdrop();
    expect(() => stage.attach(noStage)).not.toThrow();
  });
});

describe('sound after the paint', () => {
  it('plays effects and ambience after the frame, but unlocks within the gesture itself', () => {
    const f = frames();
    const heard: string[] = [];
    const inner: AudioPort = {
      unlocked: false,
      unlock: () => heard.push('unlock'),
      play: (sound) => heard.push(`play:${sound}`),
      ambience: (setting) => heard.push(`ambience:${setting}`),
      setVolume: (v) => heard.push(`volume:${v}`),
      setMuted: (m) => heard.push(`muted:${m}`),
    };
    const audio = afterPaintAudio(inner, f.schedule);
    audio.unlock();
    audio.play('ui-select');
    audio.ambience('office');
    audio.setVolume(0.5);
    expect(heard).toEqual(['unlock', 'volume:0.5']);
    f.paint();
    expect(heard).toEqual(['unlock', 'volume:0.5', 'play:ui-select', 'ambience:office']);
  });
});
