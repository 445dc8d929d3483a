import { afterNextPaint, paintQueue, type Schedule } from '../after-paint.ts';
import type { AudioPort } from './audio.ts';

/**
 * Sounds wait until the frame a click changed has been painted (a frame is 16 ms: no ear
 * hears it), so the first use of a sound — its file fetched, decoded — never holds up the
 * client's answer. Unlocking stays in the gesture itself: browsers allow sound from there only.
 */
export function afterPaintAudio(audio: AudioPort, schedule: Schedule = afterNextPaint): AudioPort {
  const later = paintQueue(schedule);
  return {
    get unlocked() {
      return audio.unlocked;
    },
    unlock: () => audio.unlock(),
    play: (sound) => later(() => audio.play(sound)),
    ambience: (setting) => later(() => audio.ambience(setting)),
    setVolume: (volume) => audio.setVolume(volume),
    setMuted: (muted) => audio.setMuted(muted),
  };
}
