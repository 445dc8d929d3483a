import type { TFunction } from 'i18next';
import type { UiLanguage } from '../../../i18n/languages.ts';
import type { ScenarioIndex } from '../../../core/scenario/scenario-index.ts';
import { decisionPoints, rewindVisit, type DecisionPoint, type PlayMode } from '../../../core/visit/rewind.ts';
import type { VisitEvent } from '../../../core/visit/visit-types.ts';
import { choiceText } from '../../../present/visit-view.ts';
import { describeMove } from '../../../present/negotiation.ts';
import { withCurrent } from '../../../core/save/index.ts';
import { h, replace } from '../../dom/h.ts';
import type { VisitUi } from './visit-ui.ts';

export interface RewindInput {
  index: ScenarioIndex;
  seed: number;
  mode: PlayMode;
  log: readonly VisitEvent[];
  t: TFunction;
  lang: UiLanguage;
  /** Keeps the shortened log in place of the visit's and reopens it there (nothing is filed). */
  onRewind(log: VisitEvent[]): void;
}

/** What a student reads for a point: the phase and what they said there. */
function pointLabel(p: DecisionPoint, input: RewindInput): string {
  const { t, lang, index } = input;
  if (p.kind === 'start') return t('rewind.fromStart');
  const said =
    p.kind === 'choice'
      ? choiceText(index, p.choiceId, lang)
      : p.event.type === 'nego.move'
        ? describeMove(p.event.move, lang, t, index.scenario.phases.closing.negotiation)
        : '';
  return t('rewind.point', { phase: t(`phaseShort.${p.stage}`), said });
}

/**
 * « Rejouer à partir d'ici » (training only, docs/exam.md): the visit's earlier decisions, oldest
 * first, each a button. The first press asks, the second goes back: the log is truncated by the
 * core (which refuses in an exam rehearsal) and the visit reopens at that decision, unmarked.
 * Returns null when there is nothing to offer (an exam, a visit not yet started, no decision yet).
 */
export function practiceRewind(input: RewindInput, open = false): HTMLElement | null {
  const { t } = input;
  const points = decisionPoints(input.index, { seed: input.seed }, input.mode, input.log).filter(
    (p) => p.at < input.log.length,
  );
  if (points.length === 0) return null;
  let armed: HTMLButtonElement | null = null;
  const item = (p: DecisionPoint) => {
    const label = pointLabel(p, input);
    const button = h('button', { type: 'button', class: 'btn btn--ghost btn--small rewind__point' }, label);
    button.dataset.at = String(p.at);
    button.addEventListener('click', () => {
      if (armed !== button) {
        if (armed) armed.textContent = armed.dataset.label ?? '';
        armed = button;
        button.dataset.label = label;
        button.textContent = t('rewind.confirm', { label });
        return;
      }
      const r = rewindVisit(input.index, { seed: input.seed }, input.mode, input.log, p.at);
      if (r.ok) input.onRewind(r.log);
    });
    return h('li', {}, button);
  };
  return h(
    'details',
    { class: 'panel rewind', 'data-testid': 'rewind', ...(open ? { open: true } : {}) },
    h('summary', {}, t('rewind.heading')),
    h('p', { class: 'hint' }, t('rewind.hint')),
    h('ol', { class: 'rewind__list' }, ...points.map(item)),
  );
}

/**
 * The visit screen's hook: in training, the list sits in the free column beside the dialogue and
 * follows the visit (kept open if the student opened it); when the visit has ended, it goes.
 */
export function renderRewind(ui: VisitUi): void {
  const { controller, app, regions } = ui;
  const record = controller.record;
  if (record.mode !== 'assisted') return;
  const wasOpen = regions.notes.querySelector<HTMLDetailsElement>('.rewind')?.open ?? false;
  const panel = controller.context().ending
    ? null
    : practiceRewind(
        {
          index: ui.entry.index,
          seed: record.seed,
          mode: record.mode,
          log: controller.context().log,
          t: ui.t,
          lang: ui.lang,
          onRewind: (log) => {
            app.update((s) => withCurrent(s, { ...record, log: log as unknown as typeof record.log }));
            app.toast(ui.t('rewind.done'), 'info');
            void app.show({ name: 'visit', resume: true });
          },
        },
        wasOpen,
      );
  replace(regions.notes, panel);
}
