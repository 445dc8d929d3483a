import type { App } from '../app/app.ts';
import type { Screen } from '../app/routes.ts';
import { h, replace } from '../dom/h.ts';
import { formatDateTime, formatEuros, formatMark, formatNumber, formatPercent } from '../dom/format.ts';
import { pickText } from '../../core/scenario/text.ts';
import { packs, PACK_IDS, type PackId } from '../../core/referentials/bundled.ts';
import type { Evaluation } from '../../core/scoring/evaluate.ts';
import type { NegotiationResult } from '../../core/negotiation/result.ts';
import type { CatalogEntry } from '../catalog/scenario-catalog.ts';
import { evaluateWith, replayAttempt } from '../visit/visit-controller.ts';
import { choiceText } from '../visit/visit-view.ts';
import { competenceRows, timelineRows } from '../view-models/debrief-model.ts';
import { shell } from './shell.ts';

type Playable = Extract<CatalogEntry, { ok: true }>;

/** The jury's debrief: the mark, each competence's level, what happened, and what to do better. */
export async function debriefScreen(app: App, attemptId: string): Promise<Screen> {
  const t = app.t;
  const lang = app.lang;
  app.services.stage.showBackdrop();
  app.services.audio.ambience(null);
  const attempt = app.save.attempts.find((a) => a.id === attemptId);
  const entry = attempt
    ? (await app.services.catalog()).find((e): e is Playable => e.ok && e.id === attempt.scenarioId)
    : undefined;
  if (!attempt || !entry) {
    const root = shell(
      app,
      { name: 'debrief', heading: t('debrief.heading'), back: { name: 'results' } },
      h('p', { class: 'notice' }, t('debrief.unavailable')),
    );
    return { root, title: t('debrief.heading') };
  }
  const { index, scenario } = entry;
  const { context: ctx } = replayAttempt(index, attempt.seed, attempt.log);
  let pack: PackId = attempt.pack;
  const content = h('div', { class: 'debrief__content' });

  const packSwitch = h(
    'fieldset',
    { class: 'debrief__packs no-print' },
    h('legend', {}, t('debrief.pack')),
    ...PACK_IDS.map((id) =>
      h(
        'label',
        { class: 'radio radio--pill' },
        h('input', {
          type: 'radio',
          name: 'pack',
          value: id,
          checked: id === pack,
          onchange: () => {
            pack = id;
            render();
          },
        }),
        ` ${id.toUpperCase()}`,
      ),
    ),
  );

  const render = () => {
    const evaluation = evaluateWith(index, ctx, pack);
    replace(content, ...sections(evaluation));
  };

  const sections = (ev: Evaluation): HTMLElement[] => {
    const p = packs[pack];
    const rows = competenceRows(ev, pack, lang);
    const markText = formatMark(ev.mark, lang);
    const out: HTMLElement[] = [];
    out.push(
      h(
        'section',
        { class: 'debrief__summary', 'aria-labelledby': 'mark-heading' },
        h('h2', { id: 'mark-heading', class: 'sr-only' }, t('debrief.mark')),
        h(
          'p',
          { class: 'mark', 'data-testid': 'mark' },
          h('span', { class: 'mark__label' }, `${t('debrief.mark')} ${p.id.toUpperCase()}`),
          h('span', { class: 'mark__value' }, markText),
        ),
        h('p', { class: 'debrief__pack-title' }, pickText(p.title, lang)),
        ev.complete ? null : h('p', { class: 'notice' }, t('debrief.incomplete')),
        h('p', { class: 'debrief__disclaimer' }, pickText(p.disclaimer, lang)),
      ),
    );
    out.push(
      h(
        'section',
        { class: 'debrief__competences', 'aria-labelledby': 'comp-heading' },
        h('h2', { id: 'comp-heading' }, t('debrief.competences')),
        h(
          'ul',
          { class: 'bars' },
          ...rows.map((r) =>
            h(
              'li',
              { class: `bar ${r.marked ? '' : 'bar--unmarked'}` },
              h('p', { class: 'bar__title' }, h('strong', {}, r.code), ` ${r.title}`),
              r.ratio === null
                ? h('p', { class: 'bar__level' }, t('debrief.notExercised'))
                : h(
                    'div',
                    { class: 'bar__row' },
                    h(
                      'div',
                      { class: 'bar__track', 'aria-hidden': 'true' },
                      h('div', {
                        class: `bar__fill bar__fill--${levelClass(r.ratio)}`,
                        style: `width: ${Math.round(r.ratio * 100)}%`,
                      }),
                    ),
                    h(
                      'p',
                      { class: 'bar__level' },
                      h('strong', {}, r.level ?? ''),
                      ` · ${formatPercent(r.ratio * 100, lang)}`,
                    ),
                  ),
              h(
                'p',
                { class: 'bar__detail' },
                r.marked
                  ? t('debrief.weight', { weight: formatPercent(r.weightPercent, lang) })
                  : t('debrief.notMarked'),
                r.ratio === null
                  ? ''
                  : ` · ${t('debrief.points', { points: formatNumber(r.points, lang, 1), max: formatNumber(r.max, lang, 1) })}`,
              ),
            ),
          ),
        ),
      ),
    );
    out.push(outcomeSection(ev));
    out.push(pointsSection(ev));
    out.push(timelineSection());
    return out;
  };

  const outcomeSection = (ev: Evaluation) => {
    const o = ev.outcome;
    const ending = index.endings.get(o.endingId)?.ending;
    const nego = o.negotiation as NegotiationResult | null;
    const rows: [string, string][] = [
      [t('debrief.ending'), ending ? pickText(ending.title, lang) : t('debrief.leftEarly')],
      [t('debrief.deal'), o.deal ? `✓ ${t('debrief.deal')}` : `✗ ${t('debrief.noDeal')}`],
    ];
    if (o.revenueHT !== null) rows.push([t('debrief.revenue'), formatEuros(o.revenueHT, lang)]);
    if (o.marge !== null) rows.push([t('debrief.marge'), formatEuros(o.marge, lang)]);
    if (o.tauxDeMarque !== null) rows.push([t('debrief.markup'), formatPercent(o.tauxDeMarque, lang)]);
    if (nego && typeof nego === 'object' && 'objectiveTauxDeMarque' in nego) {
      if (nego.finalNetUnitPriceHt)
        rows.push([t('debrief.netPrice'), formatEuros(Number(nego.finalNetUnitPriceHt), lang)]);
      rows.push([t('debrief.objective'), formatPercent(Number(nego.objectiveTauxDeMarque), lang)]);
      rows.push([t('debrief.floor'), formatPercent(Number(nego.minTauxDeMarque), lang)]);
      rows.push([
        '',
        t('debrief.concessions', { count: nego.concessionsCount, free: nego.concessionsWithoutCounterpart }),
      ]);
    }
    rows.push([t('debrief.needs'), t('debrief.needsValue', { found: o.needsDiscovered, total: o.needsTotal })]);
    rows.push(
      [t('debrief.finalTrust'), `${o.trust}/100`],
      [t('debrief.finalInterest'), `${o.interest}/100`],
      [t('debrief.finalIrritation'), `${o.irritation}/100`],
    );
    return h(
      'section',
      { class: 'debrief__outcome', 'aria-labelledby': 'outcome-heading' },
      h('h2', { id: 'outcome-heading' }, t('debrief.outcome')),
      ending ? h('p', {}, pickText(ending.summary, lang)) : null,
      h('dl', { class: 'figures' }, ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    );
  };

  const pointsSection = (ev: Evaluation) => {
    const item = (p: Evaluation['strengths'][number]) =>
      h(
        'li',
        {},
        h(
          'span',
          {},
          p.choiceId
            ? `« ${choiceText(index, p.choiceId, lang)} »`.replace('« ', '«\u00a0').replace(' »', '\u00a0»')
            : t('debrief.negotiationMove'),
        ),
        p.competences.length ? h('span', { class: 'tag' }, p.competences.join(', ')) : null,
        p.betterChoice
          ? h(
              'p',
              { class: 'feedback__better' },
              t('feedback.betterChoice', { text: choiceText(index, p.betterChoice, lang) }),
            )
          : null,
      );
    const list = (points: Evaluation['strengths']) =>
      points.length ? h('ul', { class: 'points' }, ...points.map(item)) : h('p', {}, t('debrief.none'));
    return h(
      'section',
      { class: 'debrief__points' },
      h(
        'div',
        {},
        h('h2', {}, h('span', { 'aria-hidden': 'true' }, '＋ '), t('debrief.strengths')),
        list(ev.strengths),
      ),
      h(
        'div',
        {},
        h('h2', {}, h('span', { 'aria-hidden': 'true' }, '－ '), t('debrief.weaknesses')),
        list(ev.weaknesses),
      ),
    );
  };

  const timelineSection = () =>
    h(
      'section',
      { class: 'debrief__timeline', 'aria-labelledby': 'timeline-heading' },
      h('h2', { id: 'timeline-heading' }, t('debrief.timeline')),
      h('p', { class: 'hint' }, t('debrief.reflect')),
      h(
        'ol',
        { class: 'timeline' },
        ...timelineRows(index, ctx, lang).map((r) =>
          h(
            'li',
            { class: `timeline__item timeline__item--${r.quality}` },
            h(
              'p',
              { class: 'timeline__head' },
              h('span', { class: 'tag' }, t(`common:phases.${r.stage}`)),
              ' ',
              h(
                'span',
                { class: `verdict verdict--${r.quality}` },
                { good: '✓ ', neutral: '• ', poor: '! ' }[r.quality],
                t(`feedback.${r.quality}`),
              ),
            ),
            h(
              'p',
              { class: 'timeline__choice' },
              `${r.kind === 'choice' ? t('debrief.yourChoice') : t('debrief.negotiationMove')} : ${r.kind === 'choice' ? r.text : t(`move.${r.text}`, { defaultValue: r.text })}`.replace(
                ' :',
                '\u00a0:',
              ),
            ),
            r.feedback ? h('p', {}, r.feedback) : null,
            r.better ? h('p', { class: 'feedback__better' }, t('feedback.better', { text: r.better })) : null,
            r.betterChoice
              ? h('p', { class: 'feedback__better' }, t('feedback.betterChoice', { text: r.betterChoice }))
              : null,
          ),
        ),
      ),
    );

  const exportJson = () => {
    const evaluation = evaluateWith(index, ctx, pack);
    const doc = {
      kind: 'negosim-attempt',
      attempt,
      scenario: { id: scenario.meta.id, version: scenario.meta.version ?? null, contentHash: entry.hash },
      evaluation,
    };
    const url = URL.createObjectURL(new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' }));
    const a = h('a', { href: url, download: `negosim-${attempt.id}.json` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const actions = h(
    'div',
    { class: 'debrief__actions no-print' },
    h('button', { type: 'button', class: 'btn btn--secondary', onclick: () => window.print() }, t('debrief.print')),
    h('button', { type: 'button', class: 'btn btn--secondary', onclick: exportJson }, t('debrief.export')),
    h(
      'button',
      {
        type: 'button',
        class: 'btn btn--primary',
        onclick: () => void app.show({ name: 'briefing', scenarioId: scenario.meta.id }),
      },
      t('debrief.replay'),
    ),
    h(
      'button',
      { type: 'button', class: 'btn btn--secondary', onclick: () => void app.show({ name: 'library' }) },
      t('debrief.library'),
    ),
  );

  render();
  const root = shell(
    app,
    {
      name: 'debrief',
      heading: `${t('debrief.heading')} — ${pickText(scenario.meta.title, lang)}`,
      back: { name: 'results' },
    },
    h(
      'div',
      { 'data-testid': 'debrief', class: 'debrief' },
      h(
        'p',
        { class: 'debrief__meta' },
        t('debrief.playedOn', { date: formatDateTime(attempt.endedAt, lang), mode: t(`modeName.${attempt.mode}`) }),
      ),
      attempt.contentHash !== entry.hash ? h('p', { class: 'notice notice--warning' }, t('debrief.changed')) : null,
      packSwitch,
      content,
      actions,
      h('p', { class: 'print-only' }, t('print.footer')),
    ),
  );
  return { root, title: t('debrief.heading') };
}

function levelClass(ratio: number): string {
  return ratio >= 0.75 ? 'high' : ratio >= 0.5 ? 'mid' : ratio >= 0.25 ? 'low' : 'none';
}
