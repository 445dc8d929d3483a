import { settingOf } from '../../../core/visit/visit-rules.ts';
import type { Mood, VisitEmitted } from '../../../core/visit/visit-types.ts';
import { pickText } from '../../../core/scenario/text.ts';
import { finishedAttempt, recordAttempt, withCurrent } from '../../../core/save/index.ts';
import { juryQuestions } from '../../../core/exam/jury-questions.ts';
import { marksByPack } from '../../../core/scoring/evaluate.ts';
import type { Referentials } from '../../../core/referentials/load-referentials.ts';
import type { VisitUi } from './visit-ui.ts';
import { withSimulationTime } from '../../../core/exam/exam-timing.ts';

const MOOD_RANK: Record<Mood, number> = { annoyed: 0, distrustful: 1, neutral: 2, interested: 3, convinced: 4 };

/**
 * What the core's effects become on screen and in the speakers: sounds, the setting, the line
 * read aloud, the feedback to show, and — when the visit ends — the attempt filed in the results.
 */
export function onVisitEffects(ui: VisitUi, refs: Referentials) {
  return (emitted: VisitEmitted[]): void => {
    const { app, entry, lang } = ui;
    const discovered: string[] = [];
    let stepTaken = false;
    for (const e of emitted) {
      switch (e.type) {
        case 'cue.sound':
          app.services.audio.play(e.sound);
          break;
        case 'client.mood-changed':
          app.services.audio.play(MOOD_RANK[e.to] > MOOD_RANK[e.from] ? 'mood-up' : 'mood-down');
          break;
        case 'visit.stage-changed':
          if (e.to !== 'debrief' && e.to !== 'briefing') {
            app.services.stage.setSetting(settingOf(entry.index, e.to));
            app.services.audio.ambience(settingOf(entry.index, e.to));
          }
          break;
        case 'notebook.added':
          discovered.push(e.needId);
          break;
        case 'choice.feedback':
          stepTaken = true;
          break;
        case 'client.line': {
          const node = entry.index.nodes.get(e.nodeId)?.node;
          if (node && app.save.settings.readAloud) app.services.speech.say(pickText(node.text, lang), lang);
          break;
        }
        case 'visit.ended':
          fileAttempt(ui, refs);
          app.services.audio.ambience(null);
          break;
        default:
          break;
      }
    }
    const steps = ui.controller.context().steps;
    // A negotiation move emits no choice feedback: the new step is the move itself.
    if (stepTaken || steps.length > (ui.last?.step ?? -1) + 1) ui.last = { step: steps.length - 1, discovered };
  };
}

/** Files the finished visit once: its record, how it ended, and its mark under every pack. */
export function fileAttempt(ui: VisitUi, refs: Referentials): void {
  const { app, controller, entry } = ui;
  const ctx = controller.context();
  if (!ctx.ending || app.save.attempts.some((a) => a.id === controller.record.id)) return;
  const endedAt = app.services.clock.now();
  const run = controller.record.exam;
  if (run) {
    // The simulation's time stops when the visit ends, not when the jury has finished asking.
    const timed = run.simMs === undefined ? withSimulationTime(run, endedAt) : run;
    if (timed !== run) {
      controller.record = { ...controller.record, exam: timed };
      app.update((s) => withCurrent(s, controller.record));
    }
    if (!juryDone(ui)) return;
  }
  const record = controller.record;
  const attempt = finishedAttempt(record, {
    endedAt,
    endingId: ctx.ending.id,
    marks: marksByPack(entry.index, refs.packs, ctx),
  });
  app.update((s) => recordAttempt(s, attempt));
}

/** True when every question the jury asks about this visit has its answer (always true outside an exam rehearsal). */
export function juryDone(ui: VisitUi): boolean {
  const run = ui.controller.record.exam;
  if (!run) return true;
  const answers = run.jury ?? {};
  return juryQuestions(ui.entry.index, ui.controller.context()).every((q) => answers[q.id] !== undefined);
}
