import type { App } from '../app/app.ts';
import type { Screen } from '../app/routes.ts';
import { h, replace, replaceIfChanged } from '../dom/h.ts';
import { pickText } from '../../core/scenario/text.ts';
import type { Setting } from '../../core/scenario/format.ts';
import type { NegotiationState } from '../../core/negotiation/state.ts';
import { VISIT_PHASES, type VisitPhase } from '../../core/phases.ts';
import { recordAttempt, withCurrent, type Attempt } from '../../core/save/index.ts';
import type { Mood, VisitEmitted } from '../../core/visit/visit-types.ts';
import type { CatalogEntry } from '../catalog/scenario-catalog.ts';
import { VisitController } from '../visit/visit-controller.ts';
import { choiceText, visitView } from '../visit/visit-view.ts';
import { choiceButtons, keyToChoice } from '../widgets/choice-buttons.ts';
import { offerPanel } from '../widgets/offer-panel.ts';
import { gauges, notebook, phaseTrack } from '../widgets/visit-widgets.ts';

type Playable = Extract<CatalogEntry, { ok: true }>;
const MOOD_RANK: Record<Mood, number> = { annoyed: 0, distrustful: 1, neutral: 2, interested: 3, convinced: 4 };

interface LastChoice {
  id: string;
  quality: 'good' | 'neutral' | 'poor';
  discovered: string[];
}

/** The visit itself: the drawn client behind, the dialogue, choices and notebook in front. */
export async function visitScreen(app: App): Promise<Screen> {
  const record = app.save.current;
  const { titleScreen } = await import('./title-screen.ts');
  if (!record) return titleScreen(app);
  const entry = (await app.services.catalog()).find((e): e is Playable => e.ok && e.id === record.scenarioId);
  const t = app.t;
  const dropRecord = async () => {
    app.update((s) => withCurrent(s, null));
    app.toast(t('visit.resumeFailed'), 'warning');
    const { libraryScreen } = await import('./library-screen.ts');
    return libraryScreen(app);
  };
  if (!entry || entry.hash !== record.contentHash) return dropRecord();
  if (!record.log.some((e) => e.type === 'player.start')) {
    const { briefingScreen } = await import('./briefing-screen.ts');
    return briefingScreen(app, record.scenarioId);
  }
  const { controller, refused } = VisitController.open(
    entry.index,
    record,
    (r) => app.update((s) => withCurrent(s, r)),
    () => app.services.clock.now(),
  );
  if (refused > 0) return dropRecord();

  const lang = record.lang === app.lang ? record.lang : app.lang;
  const assisted = record.mode === 'assisted';
  const { scenario, index } = entry;
  const persona = scenario.persona;
  const settingOf = (phase: string): Setting =>
    (VISIT_PHASES.includes(phase as VisitPhase) ? scenario.phases[phase as VisitPhase].setting : undefined) ??
    scenario.meta.setting;

  const stage = app.services.stage;
  stage.showVisit(settingOf(controller.session.stage()), persona.look ?? {});
  app.services.audio.ambience(settingOf(controller.session.stage()));

  // The regions of the screen, filled by render().
  const track = h('div', { class: 'visit__track' });
  const side = h('div', { class: 'visit__side' });
  const feedback = h('div', { class: 'feedback-slot', 'aria-live': 'polite' });
  const youSaid = h('p', { class: 'dialogue__you' });
  const speaker = h('p', { class: 'dialogue__speaker', id: 'speaker' });
  const line = h('p', {
    class: 'dialogue__line',
    'data-testid': 'client-line',
    'aria-live': 'polite',
    'aria-atomic': 'true',
  });
  const cue = h('p', { class: 'dialogue__cue' });
  const extra = h('div', { class: 'dialogue__extra' });
  const choices = h('div', {
    class: 'choices',
    'data-testid': 'choices',
    role: 'group',
    'aria-label': t('visit.choices'),
  });
  let last: LastChoice | null = null;
  let confirmLeave = false;

  const leaveButton = h('button', { type: 'button', class: 'btn btn--ghost' }, t('visit.leave'));
  leaveButton.addEventListener('click', () => {
    if (!confirmLeave) {
      confirmLeave = true;
      leaveButton.textContent = t('visit.leaveConfirm');
      return;
    }
    controller.send({ type: 'player.leave' });
    render();
  });

  const finish = () => {
    const ctx = controller.context();
    if (!ctx.ending || app.save.attempts.some((a) => a.id === controller.record.id)) return;
    const attempt: Attempt = {
      ...controller.record,
      endedAt: app.services.clock.now(),
      endingId: ctx.ending.id,
      marks: { nrc: controller.evaluate('nrc').mark, ndrc: controller.evaluate('ndrc').mark },
    };
    app.update((s) => recordAttempt(s, attempt));
  };

  /** The client's last answer at the negotiation table: the scenario's words, else the interface's. */
  const negotiationLine = (state: NegotiationState): string => {
    const l = state.lastResponse?.line;
    if (!l) return t('clientLine.opening');
    return pickText(l.text, lang) || t(`clientLine.${l.key}`);
  };

  const render = () => {
    const ctx = controller.context();
    const view = visitView(index, ctx, controller.session.stage(), lang);
    // How many events the visit has taken: lets a test (or a curious teacher) see a turn pass.
    choices.dataset.turn = String(ctx.log.length);
    replaceIfChanged(track, phaseTrack(view, t));
    replaceIfChanged(
      side,
      notebook(view, t),
      assisted ? gauges(view, t) : h('p', { class: 'panel hint' }, t('visit.examMode')),
    );

    // Feedback after a choice, in assisted mode; exam-like mode keeps it for the debrief.
    if (assisted && last) {
      const entryOf = index.choices.get(last.id)?.choice;
      const better = entryOf?.betterChoice ? choiceText(index, entryOf.betterChoice, lang) : '';
      const mark = { good: '✓', neutral: '•', poor: '!' }[last.quality];
      replace(
        feedback,
        h(
          'aside',
          { class: `feedback feedback--${last.quality}`, 'aria-label': t('feedback.heading') },
          h(
            'p',
            { class: 'feedback__verdict' },
            h('span', { class: 'feedback__icon', 'aria-hidden': 'true' }, mark),
            t(`feedback.${last.quality}`),
          ),
          h('p', {}, pickText(entryOf?.feedback, lang)),
          last.quality === 'poor' && entryOf?.better
            ? h('p', { class: 'feedback__better' }, t('feedback.better', { text: pickText(entryOf.better, lang) }))
            : null,
          last.quality === 'poor' && better
            ? h('p', { class: 'feedback__better' }, t('feedback.betterChoice', { text: better }))
            : null,
          ...last.discovered.map((n) =>
            h(
              'p',
              { class: 'feedback__need' },
              t('feedback.discovered', { need: pickText(persona.needs.find((x) => x.id === n)?.label, lang) }),
            ),
          ),
        ),
      );
    } else replace(feedback);

    youSaid.textContent = last
      ? `${t('visit.you')} : ${choiceText(index, last.id, lang)}`.replace(' :', '\u00a0:')
      : '';
    youSaid.hidden = !last;

    if (view.ending) {
      speaker.textContent = t('visit.ended');
      line.textContent = view.ending.title;
      cue.textContent = view.ending.summary;
      replace(extra);
      replace(
        choices,
        h(
          'button',
          {
            type: 'button',
            class: 'choice choice--primary',
            'data-choice': 'debrief',
            onclick: () => void app.show({ name: 'debrief', attemptId: controller.record.id }),
          },
          h('span', { class: 'choice__key', 'aria-hidden': 'true' }, '1'),
          h('span', { class: 'choice__text' }, t('visit.seeDebrief')),
        ),
      );
      leaveButton.hidden = true;
      return;
    }

    speaker.textContent =
      view.speaker.kind === 'narrator'
        ? t('visit.narrator')
        : view.speaker.kind === 'seller'
          ? t('visit.you')
          : view.speaker.name;
    line.textContent = view.line;
    const gestureText = view.gesture !== 'none' ? t(`gesture.${view.gesture}`) : '';
    const face = t(`expression.${view.expression}`);
    cue.textContent = view.speaker.kind === 'client' ? `(${[face, gestureText].filter(Boolean).join(', ')})` : '';
    stage.setClient(view.expression, view.gesture, view.mood);

    if (view.negotiating) {
      const spec = scenario.phases.closing.negotiation;
      const state = ctx.negotiation as NegotiationState | null;
      if (spec && state) {
        speaker.textContent = persona.name;
        line.textContent = negotiationLine(state);
        replace(
          extra,
          offerPanel({
            spec,
            state,
            lang,
            t,
            choices,
            onMove: (move) => {
              app.services.audio.play('ui-select');
              const r = controller.send({ type: 'nego.move', move });
              if (!r.ok) app.toast(t('visit.moveRefused'), 'warning');
              const after = controller.context().negotiation as NegotiationState | null;
              if (r.ok && after && app.save.settings.readAloud) app.services.speech.say(negotiationLine(after), lang);
              render();
            },
          }),
        );
      } else {
        replace(extra, h('p', { class: 'notice' }, t('offer.unavailable')));
        replace(
          choices,
          h(
            'button',
            { type: 'button', class: 'choice', onclick: () => (controller.send({ type: 'player.leave' }), render()) },
            h('span', { class: 'choice__text' }, t('visit.leave')),
          ),
        );
      }
      return;
    }
    replace(extra);
    replace(
      choices,
      ...choiceButtons(view.choices, t, (id) => {
        app.services.audio.play('ui-select');
        controller.send({ type: 'player.choose', choiceId: id });
        render();
        choices.querySelector<HTMLButtonElement>('button:not([disabled])')?.focus();
      }),
    );
  };

  const onEmitted = (emitted: VisitEmitted[]) => {
    const discovered: string[] = [];
    let chosen: LastChoice | null = null;
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
            stage.setSetting(settingOf(e.to));
            app.services.audio.ambience(settingOf(e.to));
          }
          break;
        case 'notebook.added':
          discovered.push(e.needId);
          break;
        case 'choice.feedback':
          chosen = { id: e.choiceId, quality: e.quality, discovered };
          break;
        case 'client.line':
          if (app.save.settings.readAloud) {
            const node = index.nodes.get(e.nodeId)?.node;
            if (node) app.services.speech.say(pickText(node.text, lang), lang);
          }
          break;
        case 'visit.ended':
          finish();
          app.services.audio.ambience(null);
          break;
        default:
          break;
      }
    }
    if (chosen) last = chosen;
  };
  controller.on(onEmitted);
  if (controller.context().ending) finish();

  const root = h(
    'section',
    { class: 'screen screen--visit', 'aria-labelledby': 'visit-heading' },
    h(
      'header',
      { class: 'visit__top' },
      h(
        'h1',
        { id: 'visit-heading', class: 'sr-only' },
        t('visit.heading', { client: persona.name, company: persona.company }),
      ),
      track,
      h(
        'div',
        { class: 'visit__menu' },
        h(
          'button',
          { type: 'button', class: 'btn btn--ghost', onclick: () => void app.show({ name: 'title' }) },
          t('visit.pause'),
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'btn btn--ghost',
            onclick: () => void app.show({ name: 'settings', back: { name: 'visit', resume: true } }),
          },
          t('nav.settings'),
        ),
        leaveButton,
      ),
    ),
    h(
      'div',
      { class: 'visit__body' },
      side,
      h(
        'div',
        { class: 'dialogue', role: 'region', 'aria-labelledby': 'speaker' },
        feedback,
        youSaid,
        h('div', { class: 'dialogue__bubble' }, speaker, line, cue),
        extra,
        choices,
      ),
    ),
  );
  render();
  // Coming back to a visit under way (a reload, "continue"): say so where the eyes are.
  if (record.log.length > 1 && app.current.name !== 'briefing') {
    replace(feedback, h('p', { class: 'notice resumed' }, t('visit.resumed')));
  }
  return {
    root,
    title: pickText(scenario.meta.title, lang),
    onKey: (e) => keyToChoice(e, choices),
    dispose: () => {
      controller.stop();
      app.services.speech.cancel();
    },
  };
}
