import type { InProgress, Settings } from '../../core/save/index.ts';
import { recordingId, type Recording } from '../../adapters/voice/recordings.ts';
import { h, replace } from '../dom/h.ts';
import type { VisitController } from '../visit/visit-controller.ts';
import type { VisitUi } from '../screens/visit/visit-ui.ts';
import { recordPanel, shortTime, type RecordPanel, type SpokenOutcome } from './record-panel.ts';
import { voiceServices } from './voice-services.ts';

/** Spoken answers apply to this visit: the setting says so for an exam rehearsal, or for every visit. */
export function spokenAnswersOn(settings: Pick<Settings, 'spokenAnswers'>, record: Pick<InProgress, 'exam'>): boolean {
  return settings.spokenAnswers === 'always' || (settings.spokenAnswers === 'exam' && record.exam !== undefined);
}

/** What the student is about to answer: a decision of the dialogue, or one of the jury's questions. */
export interface Decision {
  /** Tells one decision from the next (a note taken meanwhile is not a decision). */
  key: string;
  /** Where the recording is kept: the visit's step it answers, its node, or the jury's question. */
  where: Pick<Recording, 'step' | 'nodeId' | 'question'>;
}

/** The dialogue's decision the visit is at, or null (the table, the ending). */
export function dialogueDecision(controller: VisitController): Decision | null {
  const { cursor, steps } = controller.context();
  if (cursor.kind !== 'node') return null;
  return { key: `${steps.length}:${cursor.id}`, where: { step: steps.length, nodeId: cursor.id } };
}

/** Where the gate of one visit screen is: the decision it is at, and what became of its answer. */
interface Gate {
  key: string;
  panel: RecordPanel | null;
  outcome: SpokenOutcome | null;
  /** The microphone failed: what the student was told. The visit goes on without asking again. */
  notice: HTMLElement | null;
}

const gates = new WeakMap<VisitController, Gate>();

/**
 * Before the choices of a decision appear, the student says their answer aloud (docs/exam.md,
 * « Réponses à voix haute »). Draws the record panel in the dialogue's extra region and keeps the
 * choices away until the recording stops or the student skips; returns true while it does.
 * Afterwards it leaves a line saying the answer was recorded, and returns false so that the
 * choices are drawn. The clip is kept in this browser under the attempt and the decision.
 */
export function spokenGate(ui: VisitUi, decision: Decision | null = dialogueDecision(ui.controller)): boolean {
  const { controller, regions, t } = ui;
  if (!decision || !spokenAnswersOn(ui.app.save.settings, controller.record)) return false;
  let gate = gates.get(controller);
  if (gate?.notice) {
    // The microphone failed: the visit goes on without asking again; the notice stays for that decision.
    if (gate.key === decision.key) regions.extra.append(gate.notice);
    return false;
  }
  if (!gate) watch(controller);
  if (!gate || gate.key !== decision.key) {
    gate?.panel?.cancel();
    gate = { key: decision.key, panel: null, outcome: null, notice: null };
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
  gate.panel ??= openPanel(ui, gate, decision);
  replace(regions.extra, gate.panel.root);
  replace(regions.choices);
  // The keyboard comes to the record button, unless the student is typing a note.
  const typing =
    document.activeElement instanceof HTMLTextAreaElement || document.activeElement instanceof HTMLInputElement;
  if (fresh && !typing) gate.panel.focus();
  return true;
}

function openPanel(ui: VisitUi, gate: Gate, decision: Decision): RecordPanel {
  const { controller, t, app } = ui;
  const { mic, recordings } = voiceServices();
  const keep = (outcome: Extract<SpokenOutcome, { kind: 'recorded' }>) => {
    const attemptId = controller.record.id;
    const { where } = decision;
    const id = recordingId(attemptId, where.question ? `jury-${where.question}` : where.step);
    void outcome.clip.audio
      .arrayBuffer()
      .then((audio) =>
        recordings.put({
          id,
          attemptId,
          ...where,
          mime: outcome.clip.mime,
          audio,
          durationMs: outcome.clip.durationMs,
          recordedAt: app.services.clock.now(),
        }),
      )
      .catch(() => app.toast(t('spoken.notKept'), 'warning'));
  };
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
      if (outcome.kind === 'recorded') keep(outcome);
      ui.render();
      ui.regions.choices.querySelector<HTMLButtonElement>('button:not([disabled])')?.focus();
    },
  });
}

/** The visit moved on without the student (the exam's time ran out, they left): a recording under way stops. */
function watch(controller: VisitController): void {
  controller.on(() => {
    const gate = gates.get(controller);
    if (gate?.panel && gate.key !== dialogueDecision(controller)?.key) {
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
