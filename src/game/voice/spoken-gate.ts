import type { Settings } from '../../core/save/index.ts';
import type { InProgress } from '../../core/save/index.ts';
import { recordingId } from '../../adapters/voice/recordings.ts';
import { h, replace } from '../dom/h.ts';
import type { VisitController } from '../visit/visit-controller.ts';
import type { VisitUi } from '../screens/visit/visit-ui.ts';
import { recordPanel, shortTime, type RecordPanel, type SpokenOutcome } from './record-panel.ts';
import { voiceServices } from './voice-services.ts';

/** Spoken answers apply to this visit: the setting says so for an exam rehearsal, or for every visit. */
export function spokenAnswersOn(settings: Pick<Settings, 'spokenAnswers'>, record: Pick<InProgress, 'exam'>): boolean {
  return settings.spokenAnswers === 'always' || (settings.spokenAnswers === 'exam' && record.exam !== undefined);
}

/** Where the gate of one visit screen is: the decision it is at, and what became of its answer. */
interface Gate {
  /** The decision: how many steps the visit has taken, and the node it is at (a note taken is not a decision). */
  turn: string;
  panel: RecordPanel | null;
  outcome: SpokenOutcome | null;
  /** The microphone failed: what the student was told. The visit goes on without asking again. */
  notice: HTMLElement | null;
}

const gates = new WeakMap<VisitController, Gate>();

/**
 * Before the choices of a dialogue decision appear, the student says their answer aloud
 * (docs/exam.md, « Réponses à voix haute »). Draws the record panel in the dialogue's extra
 * region and keeps the choices away until the recording stops or the student skips; returns
 * true while it does. Afterwards it leaves a line saying the answer was recorded, and returns
 * false so that the choices are drawn. The clip is kept in this browser under the attempt and
 * the step it answers.
 */
export function spokenGate(ui: VisitUi): boolean {
  const { controller, regions, t } = ui;
  const ctx = controller.context();
  if (ctx.cursor.kind !== 'node' || !spokenAnswersOn(ui.app.save.settings, controller.record)) return false;
  const turn = decisionOf(controller);
  let gate = gates.get(controller);
  if (gate?.notice) {
    // The microphone failed: the visit goes on without asking again; the notice stays for that decision.
    if (gate.turn === turn) regions.extra.append(gate.notice);
    return false;
  }
  if (!gate) watch(controller);
  if (!gate || gate.turn !== turn) {
    gate?.panel?.cancel();
    gate = { turn, panel: null, outcome: null, notice: null };
    gates.set(controller, gate);
  }
  if (gate.outcome) {
    if (gate.outcome.kind === 'recorded')
      regions.extra.append(
        h('p', { class: 'spoken__saved' }, t('spoken.saved', { time: shortTime(gate.outcome.clip.durationMs) })),
      );
    return false;
  }
  const fresh = !gate.panel;
  gate.panel ??= openPanel(ui, gate);
  replace(regions.extra, gate.panel.root);
  replace(regions.choices);
  // The keyboard comes to the record button, unless the student is typing a note.
  const typing =
    document.activeElement instanceof HTMLTextAreaElement || document.activeElement instanceof HTMLInputElement;
  if (fresh && !typing) gate.panel.focus();
  return true;
}

function openPanel(ui: VisitUi, gate: Gate): RecordPanel {
  const { controller, t, app } = ui;
  const step = controller.context().steps.length;
  const cursor = controller.context().cursor;
  const nodeId = cursor.kind === 'node' ? cursor.id : '';
  const { mic, recordings } = voiceServices();
  return recordPanel({
    t,
    mic,
    now: () => app.services.clock.now(),
    done: (outcome) => {
      if (gates.get(controller) !== gate) return;
      gate.outcome = outcome;
      gate.panel = null;
      if (outcome.kind === 'problem')
        gate.notice = h(
          'p',
          { class: 'notice notice--warning', role: 'alert' },
          t(`spoken.problem.${outcome.problem}`),
        );
      if (outcome.kind === 'recorded') {
        const attemptId = controller.record.id;
        void outcome.clip.audio
          .arrayBuffer()
          .then((audio) =>
            recordings.put({
              id: recordingId(attemptId, step),
              attemptId,
              step,
              nodeId,
              mime: outcome.clip.mime,
              audio,
              durationMs: outcome.clip.durationMs,
              recordedAt: app.services.clock.now(),
            }),
          )
          .catch(() => app.toast(t('spoken.notKept'), 'warning'));
      }
      ui.render();
      ui.regions.choices.querySelector<HTMLButtonElement>('button:not([disabled])')?.focus();
    },
  });
}

function decisionOf(controller: VisitController): string {
  const ctx = controller.context();
  return `${ctx.steps.length}:${ctx.cursor.kind === 'node' ? ctx.cursor.id : ctx.cursor.kind}`;
}

/** The visit moved on without the student (the exam's time ran out, they left): a recording under way stops. */
function watch(controller: VisitController): void {
  controller.on(() => {
    const gate = gates.get(controller);
    if (gate?.panel && gate.turn !== decisionOf(controller)) {
      gate.panel.cancel();
      gate.panel = null;
    }
  });
}

/** The visit screen is leaving: a recording under way stops and keeps nothing. */
export function stopSpoken(controller: VisitController): void {
  gates.get(controller)?.panel?.cancel();
  gates.delete(controller);
}
