import type { NegotiationMove } from '../../../core/negotiation/moves.ts';
import { tableLine, youSaidAtTable } from '../../../present/negotiation.ts';
import { stepChoiceText, visitView, type VisitView } from '../../../present/visit-view.ts';
import { h, replace, replaceIfChanged } from '../../dom/h.ts';
import { choiceButtons } from '../../widgets/choice-buttons.ts';
import { offerPanel } from '../../widgets/offer-panel.ts';
import { gauges, notebook, phaseTrack } from '../../widgets/visit-widgets.ts';
import type { VisitUi } from './visit-ui.ts';
import { renderJuryTurn } from './jury-turn.ts';
import { spokenGate } from '../../voice/spoken-gate.ts';

/** Draws the whole visit screen from the visit's context: it decides nothing. */
export function renderVisit(ui: VisitUi): void {
  const { t, lang, regions, controller } = ui;
  const ctx = controller.context();
  const view = visitView(ui.entry.index, ctx, controller.session.stage(), lang, t);
  // How many events the visit has taken: lets a test (or a curious teacher) see a turn pass.
  regions.choices.dataset.turn = String(ctx.log.length);
  // Regions without listeners are only swapped when they read differently: less to lay out per answer.
  replaceIfChanged(regions.track, phaseTrack(view, t));
  const aside = ui.assisted ? gauges(view, t) : h('p', { class: 'panel hint' }, t('visit.examMode'));
  replaceIfChanged(regions.side, notebook(view, t), aside);
  const said = ui.last ? ctx.steps[ui.last.step] : undefined;
  regions.youSaid.textContent =
    said?.kind === 'choice'
      ? t('visit.youSaid', { text: stepChoiceText(ui.entry.index, said, lang) })
      : said?.kind === 'negotiation'
        ? negotiationSaid(ui, said.move)
        : '';
  regions.youSaid.hidden = regions.youSaid.textContent === '';
  // At the table the offer takes the free column, so that the client's reply and the moves stay in view.
  regions.root.classList.toggle('screen--table', view.negotiating && !view.ending);
  if (view.ending && renderJuryTurn(ui)) return;
  if (view.ending) return renderEnding(ui, view);
  regions.leave.hidden = false;
  renderLine(ui, view);
  if (view.negotiating) return renderTable(ui);
  replace(regions.extra);
  // Spoken answers: the student says the answer aloud first; the choices wait until they have.
  if (spokenGate(ui)) return;
  replace(
    regions.choices,
    ...choiceButtons(view.choices, t, (id) => {
      ui.app.services.audio.play('ui-select');
      controller.send({ type: 'player.choose', choiceId: id });
      ui.render();
      regions.choices.querySelector<HTMLButtonElement>('button:not([disabled])')?.focus();
    }),
  );
}

/** The move in words; in assisted mode with the seller's own line when the scenario scripts this kind of move. */
function negotiationSaid(ui: VisitUi, move: NegotiationMove): string {
  return youSaidAtTable(move, ui.entry.scenario.phases.closing.negotiation, ui.assisted, ui.lang, ui.t);
}

function renderLine(ui: VisitUi, view: VisitView): void {
  const { t, regions } = ui;
  const names = { narrator: t('visit.narrator'), seller: t('visit.you') } as const;
  regions.speaker.textContent =
    view.speaker.kind === 'narrator' || view.speaker.kind === 'seller' ? names[view.speaker.kind] : view.speaker.name;
  regions.line.textContent = view.line;
  const gesture = view.gesture !== 'none' ? t(`gesture.${view.gesture}`, { context: view.gender }) : '';
  const face = t(`expression.${view.expression}`, { context: view.gender });
  regions.cue.textContent =
    view.speaker.kind === 'client' ? t('visit.cue', { cue: [face, gesture].filter(Boolean).join(', ') }) : '';
  ui.app.services.stage.setClient(view.expression, view.gesture, view.mood);
}

function renderEnding(ui: VisitUi, view: VisitView): void {
  const { t, regions, app, controller } = ui;
  regions.speaker.textContent = t('visit.ended');
  regions.line.textContent = view.ending?.title ?? '';
  regions.cue.textContent = [view.ending?.summary, view.ending?.detail].filter(Boolean).join(' ');
  replace(regions.extra);
  const open = () => void app.show({ name: 'debrief', attemptId: controller.record.id });
  replace(
    regions.choices,
    h(
      'button',
      { type: 'button', class: 'choice choice--primary', 'data-choice': 'debrief', onclick: open },
      h('span', { class: 'choice__key', 'aria-hidden': 'true' }, '1'),
      h('span', { class: 'choice__text' }, t('visit.seeDebrief')),
    ),
  );
  regions.leave.hidden = true;
}

/** The negotiation table: the client's words, the offer panel, and the moves as numbered buttons. */
function renderTable(ui: VisitUi): void {
  const { t, lang, regions, app, controller, entry } = ui;
  const spec = entry.scenario.phases.closing.negotiation;
  const state = controller.context().negotiation;
  if (!spec || !state) return;
  regions.speaker.textContent = entry.scenario.persona.name;
  regions.line.textContent = tableLine(state, lang, t);
  const onMove: Parameters<typeof offerPanel>[0]['onMove'] = (move) => {
    app.services.audio.play('ui-select');
    const r = controller.send({ type: 'nego.move', move });
    if (!r.ok) app.toast(t('visit.moveRefused'), 'warning');
    const after = controller.context().negotiation;
    if (r.ok && after && app.save.settings.readAloud) app.services.speech.say(tableLine(after, lang, t), lang);
    ui.render();
    // The keyboard comes back to the table (its heading), or to the next screen's first button.
    const heading = regions.extra.querySelector<HTMLElement>('#offer-heading');
    if (heading) heading.focus({ preventScroll: true });
    else regions.choices.querySelector<HTMLButtonElement>('button:not([disabled])')?.focus();
  };
  replace(regions.extra, offerPanel({ spec, state, lang, t, assisted: ui.assisted, choices: regions.choices, onMove }));
}
