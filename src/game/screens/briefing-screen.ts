import type { App } from '../app/app.ts';
import type { Screen } from '../app/routes.ts';
import { h, replace } from '../dom/h.ts';
import { formatEuros, formatPercent } from '../dom/format.ts';
import { pickText } from '../../core/scenario/text.ts';
import { htToTtc } from '../../core/pricing/vat.ts';
import { floorPriceOf } from '../../core/negotiation/economics.ts';
import { withCurrent, type InProgress } from '../../core/save/index.ts';
import { MAX_NOTE_LENGTH } from '../../core/visit/visit-rules.ts';
import type { CatalogEntry } from '../catalog/scenario-catalog.ts';
import { VisitController } from '../visit/visit-controller.ts';
import { visitView } from '../visit/visit-view.ts';
import { choiceButtons, keyToChoice } from '../widgets/choice-buttons.ts';
import { shell } from './shell.ts';
import { classLocks } from '../classroom/locks.ts';

type Playable = Extract<CatalogEntry, { ok: true }>;

/** « Fiche de préparation »: what a candidate reads en loge, then the preparation choices. */
export async function briefingScreen(app: App, scenarioId: string, seed?: number): Promise<Screen> {
  const entry = (await app.services.catalog()).find((e): e is Playable => e.ok && e.id === scenarioId);
  if (!entry) {
    const { libraryScreen } = await import('./library-screen.ts');
    return libraryScreen(app, scenarioId);
  }
  const t = app.t;
  const lang = app.lang;
  const { scenario, index } = entry;
  app.services.stage.showBackdrop();

  // Continue a briefing already under way for this scenario; otherwise a fresh attempt.
  const existing =
    app.save.current?.scenarioId === scenarioId && app.save.current.contentHash === entry.hash
      ? app.save.current
      : null;
  const record: InProgress = existing ?? {
    id: `${scenarioId}-${app.services.clock.now().toString(36)}`,
    scenarioId,
    scenarioVersion: scenario.meta.version,
    contentHash: entry.hash,
    seed: seed ?? Math.floor(app.services.random() * 2 ** 31),
    pack: classLocks()?.pack ?? app.save.settings.pack, // a class session locks the referential and the mode
    mode: classLocks()?.mode ?? app.save.settings.mode,
    lang,
    startedAt: app.services.clock.now(),
    log: [],
  };
  const { controller } = VisitController.open(
    index,
    record,
    (r) => app.update((s) => withCurrent(s, r)),
    () => app.services.clock.now(),
  );

  const b = scenario.brief;
  const p = scenario.persona;
  const spec = scenario.phases.closing.negotiation;
  const section = (title: string, ...children: (Node | string | null)[]) =>
    h('section', { class: 'sheet__block' }, h('h2', {}, title), ...children);
  const list = (items: string[]) => h('ul', {}, ...items.map((x) => h('li', {}, x)));

  const tariff = h(
    'table',
    { class: 'tariff' },
    h('caption', {}, `${t('briefing.tariff')} · ${t('briefing.vat', { rate: formatPercent(b.offer.vatRate, lang) })}`),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t('briefing.item')),
        h('th', { scope: 'col' }, t('briefing.priceHT')),
        h('th', { scope: 'col' }, t('briefing.priceTTC')),
      ),
    ),
    h(
      'tbody',
      {},
      ...b.offer.items.map((item) => {
        const ttc = htToTtc({ ht: item.listPriceHT, vatPercent: b.offer.vatRate });
        const unit = item.unit ? ` ${t('briefing.perUnit', { unit: pickText(item.unit, lang) })}` : '';
        return h(
          'tr',
          {},
          h('th', { scope: 'row' }, pickText(item.label, lang)),
          h('td', {}, formatEuros(item.listPriceHT, lang) + unit),
          h('td', {}, ttc.ok ? formatEuros(ttc.value.toNumber(), lang) + unit : '—'),
        );
      }),
    ),
  );

  const room: string[] = b.constraints.map((c) => pickText(c, lang));
  if (spec) {
    room.push(t('briefing.roomDiscount', { rate: formatPercent(spec.seller.maxDiscountPercent, lang) }));
    room.push(
      t('briefing.roomFloor', {
        price: formatEuros(floorPriceOf(spec).toNumber(), lang),
        rate: formatPercent(spec.seller.minTauxDeMarquePercent, lang),
      }),
    );
  }

  const sheet = h(
    'div',
    { class: 'sheet' },
    section(
      t('briefing.company'),
      h('p', {}, h('strong', {}, b.seller.company), ' — ', pickText(b.seller.description, lang)),
      h('p', {}, `${t('briefing.you')} : ${pickText(b.seller.role, lang)}`.replace(' :', '\u00a0:')),
    ),
    section(t('briefing.context'), h('p', {}, pickText(b.context, lang))),
    section(t('briefing.client'), h('p', {}, h('strong', {}, p.name), `, ${pickText(p.role, lang)} — ${p.company}`)),
    section(t('briefing.known'), list(b.knownAboutClient.map((k) => pickText(k, lang)))),
    section(t('briefing.offer'), h('p', {}, pickText(b.offer.description, lang)), tariff),
    section(
      t('briefing.objectives'),
      h(
        'dl',
        { class: 'objectives' },
        h('dt', {}, t('briefing.high')),
        h('dd', {}, pickText(b.objectives.high, lang)),
        h('dt', {}, t('briefing.realistic')),
        h('dd', {}, pickText(b.objectives.realistic, lang)),
        h('dt', {}, t('briefing.fallback')),
        h('dd', {}, pickText(b.objectives.fallback, lang)),
      ),
    ),
    section(t('briefing.room'), list(room)),
  );

  // The preparation: choices from the scenario, then the plan and the start button.
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
  const modeName = `mode-${record.id}`;
  const modes = h(
    'fieldset',
    { class: 'prep__mode' },
    h('legend', {}, t('briefing.mode')),
    ...(['assisted', 'exam'] as const).map((m) =>
      h(
        'label',
        { class: 'radio' },
        h('input', {
          type: 'radio',
          name: modeName,
          value: m,
          checked: controller.record.mode === m,
          disabled: classLocks() !== null,
          onchange: () => {
            controller.record = { ...controller.record, mode: m };
            app.update((s) => ({
              ...s,
              settings: { ...s.settings, mode: m },
              current: s.current?.id === controller.record.id ? controller.record : s.current,
            }));
          },
        }),
        ' ',
        t(m === 'assisted' ? 'briefing.modeAssisted' : 'briefing.modeExam'),
      ),
    ),
  );

  const start = () => {
    const text = note.value.trim();
    if (text) controller.send({ type: 'player.note', text: text.slice(0, MAX_NOTE_LENGTH) });
    const r = controller.send({ type: 'player.start' });
    if (r.ok) {
      app.services.audio.play('ui-confirm');
      for (const e of r.emitted) if (e.type === 'cue.sound') app.services.audio.play(e.sound);
      void app.show({ name: 'visit', resume: true });
    }
  };

  const render = () => {
    const ctx = controller.context();
    choices.dataset.turn = String(ctx.log.length);
    if (ctx.cursor.kind === 'preparation') {
      const view = visitView(index, ctx, 'briefing', lang);
      prepText.textContent = view.line;
      replace(
        choices,
        ...choiceButtons(view.choices, t, (id) => {
          app.services.audio.play('ui-select');
          controller.send({ type: 'player.choose', choiceId: id });
          render();
          choices.querySelector('button')?.focus();
        }),
      );
    } else {
      prepText.textContent = scenario.preparation ? t('briefing.prepared') : pickText(scenario.meta.summary, lang);
      replace(
        choices,
        h(
          'button',
          { type: 'button', class: 'btn btn--primary btn--big choice', 'data-choice': 'start', onclick: start },
          t('briefing.start'),
        ),
      );
    }
  };
  render();

  const prep = h(
    'aside',
    { class: 'prep', 'aria-labelledby': 'prep-heading' },
    h('h2', { id: 'prep-heading' }, t('briefing.prepare')),
    scenario.preparation?.intro ? h('p', { class: 'prep__intro' }, pickText(scenario.preparation.intro, lang)) : null,
    prepText,
    choices,
    h('label', { for: 'plan', class: 'prep__label' }, t('briefing.plan')),
    h('p', { id: 'plan-hint', class: 'hint' }, t('briefing.planHint')),
    note,
    modes,
    h('p', { class: 'hint' }, t('briefing.duration', { count: scenario.meta.estimatedMinutes })),
  );

  const root = shell(
    app,
    {
      name: 'briefing',
      heading: `${t('briefing.heading')} — ${pickText(scenario.meta.title, lang)}`,
      back: { name: 'library' },
    },
    h('div', { class: 'briefing' }, sheet, prep),
  );
  return {
    root,
    title: pickText(scenario.meta.title, lang),
    onKey: (e) => keyToChoice(e, choices),
    dispose: () => controller.stop(),
  };
}
