import { browserStore } from '../../adapters/storage.ts';
import type { Attempt, Save } from '../../core/save/index.ts';
import type { VisitController } from '../visit/visit-controller.ts';
import { ClassSync } from './class-sync.ts';

/**
 * The game's hooks into a class session. The screens call these and nothing else:
 * - `watchVisit` (visit screen): reports the visit's phase as it changes, and queues the
 *   finished attempt once the screen has recorded it in the save;
 * - `resumeClassroom` (boot): resends what a previous page left in the queue;
 * - `attemptFiledLate` (an exam rehearsal's jury questions): queues an attempt filed after its
 *   visit ended, which `watchVisit` could not see then.
 */
let sync: ClassSync | null = null;

export function classroom(): ClassSync {
  if (!sync) {
    sync = new ClassSync(browserStore(), new URL('./', location.href).toString());
    window.addEventListener('online', () => void sync?.flush());
  }
  return sync;
}

export function resumeClassroom(): void {
  if (classroom().current) void classroom().flush();
}

export function watchVisit(controller: VisitController, save: () => Save): void {
  const c = classroom();
  if (!c.current) return;
  const report = (phase: string) =>
    c.phaseChanged({ attemptId: controller.record.id, scenarioId: controller.record.scenarioId, phase });
  const recorded = () => {
    const attempt = save().attempts.find((a) => a.id === controller.record.id);
    if (attempt) c.attemptRecorded(attempt);
  };
  if (controller.context().ending) recorded();
  else report(controller.session.stage());
  controller.on((emitted) => {
    for (const e of emitted) {
      if (e.type === 'visit.stage-changed' && e.to !== 'debrief') report(e.to);
      // The screen's own listener, registered first, has recorded the attempt by now.
      if (e.type === 'visit.ended') recorded();
    }
  });
}

export function attemptFiledLate(attempt: Attempt): void {
  const c = classroom();
  if (c.current) c.attemptRecorded(attempt);
}
