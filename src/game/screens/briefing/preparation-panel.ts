import type { Scenario } from '../../../core/scenario/format.ts';
import { pickText } from '../../../core/scenario/text.ts';
import { MAX_NOTE_LENGTH } from '../../../core/visit/visit-rules.ts';
import { visitView } from '../../../present/visit-view.ts';
import type { App } from '../../app/app.ts';
import { h, replace } from '../../dom/h.ts';
import type { VisitController } from '../../visit/visit-controller.ts';
import { choiceButtons } from '../../widgets/choice-buttons.ts';
import { classLocks } from '../../classroom/locks.ts';

/**
 * The preparation beside the sheet: the scenario's preparation choices, the student's own plan,
 * the mode, and the start button. Returns the panel and the choice group (for number keys).
 */
export function preparationPanel(
  app: App,
  scenario: Scenario,
  controller: VisitController,
  exam?: { beforeStart(): void },
) {
  const t = app.t;
  const prepText = h('p', { class: 'prep__question', id: 'prep-question' });
  const choices = h('div', {
    class: 'choices',
    'data-testid': 'choices',
    role: 'group',
    'aria-labelledby': 'prep-question',
  });
  const note = h('textarea', {
    id: 'plan',
    rows: 5,
    maxlength: MAX_NOTE_LENGTH,
    class: 'prep__plan',
    'aria-describedby': 'plan-hint',
  });
  const start = () => {
    const text = note.value.trim();
    if (text) controller.send({ type: 'player.note', text: text.slice(0, MAX_NOTE_LENGTH) });
    exam?.beforeStart();
    const r = controller.send({ type: 'player.start' });
    if (!r.ok) return;
    app.services.audio.play('ui-confirm');
    for (const e of r.emitted) if (e.type === 'cue.sound') app.services.audio.play(e.sound);
    void app.show({ name: 'visit', resume: true });
  };
  const render = () => {
    const ctx = controller.context();
    choices.dataset.turn = String(ctx.log.length);
    if (ctx.cursor.kind !== 'preparation') {
      prepText.textContent = scenario.preparation ? t('briefing.prepared') : pickText(scenario.meta.summary, app.lang);
      const button = h(
        'button',
        { type: 'button', class: 'btn btn--primary btn--big choice', 'data-choice': 'start', onclick: start },
        t(exam ? 'exam.startSimulation' : 'briefing.start'),
      );
      replace(choices, button);
      return;
    }
    const view = visitView(controller.index, ctx, 'briefing', app.lang);
    prepText.textContent = view.line;
    const onChoose = (id: string) => {
      app.services.audio.play('ui-select');
      controller.send({ type: 'player.choose', choiceId: id });
      render();
      choices.querySelector('button')?.focus();
    };
    replace(choices, ...choiceButtons(view.choices, t, onChoose));
  };
  render();
  const intro = scenario.preparation?.intro;
  const panel = h(
    'aside',
    { class: 'prep', 'aria-labelledby': 'prep-heading' },
    h('h2', { id: 'prep-heading' }, t('briefing.prepare')),
    intro ? h('p', { class: 'prep__intro' }, pickText(intro, app.lang)) : null,
    prepText,
    choices,
    // An exam rehearsal has its own typed sheet and is always exam-like.
    ...(exam
      ? []
      : [
          h('label', { for: 'plan', class: 'prep__label' }, t('briefing.plan')),
          h('p', { id: 'plan-hint', class: 'hint' }, t('briefing.planHint')),
          note,
          modeChoice(app, controller),
          h('p', { class: 'hint' }, t('briefing.duration', { count: scenario.meta.estimatedMinutes })),
        ]),
  );
  return { panel, choices };
}

/** Assisted or exam-like: remembered as the student's setting, and kept with this attempt. */
function modeChoice(app: App, controller: VisitController): HTMLElement {
  const t = app.t;
  const choose = (m: 'assisted' | 'exam') => () => {
    controller.record = { ...controller.record, mode: m };
    app.update((s) => ({
      ...s,
      settings: { ...s.settings, mode: m },
      current: s.current?.id === controller.record.id ? controller.record : s.current,
    }));
  };
  return h(
    'fieldset',
    { class: 'prep__mode' },
    h('legend', {}, t('briefing.mode')),
    ...(['assisted', 'exam'] as const).map((m) =>
      h(
        'label',
        { class: 'radio' },
        h('input', {
          type: 'radio',
          name: `mode-${controller.record.id}`,
          value: m,
          checked: controller.record.mode === m,
          // A class session locks the mode for every student.
          disabled: classLocks() !== null,
          onchange: choose(m),
        }),
        ' ',
        t(m === 'assisted' ? 'briefing.modeAssisted' : 'briefing.modeExam'),
      ),
    ),
  );
}
