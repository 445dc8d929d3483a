import type { App } from '../app/app.ts';
import type { Screen } from '../app/routes.ts';
import { h, replace } from '../dom/h.ts';
import { pickText } from '../../core/scenario/text.ts';
import type { ReferentialPack } from '../../core/referentials/formats.ts';
import { evaluateVisit } from '../../core/scoring/evaluate.ts';
import { formats } from '../../present/format.ts';
import type { CatalogEntry } from '../catalog/scenario-catalog.ts';
import { replayAttempt } from '../visit/visit-controller.ts';
import { debriefActions } from './debrief/debrief-actions.ts';
import { competenceSection, markSection, outcomeSection } from './debrief/debrief-sections.ts';
import { pointsSection, timelineSection } from './debrief/debrief-steps.ts';
import { motivesSection } from './debrief/debrief-motives.ts';
import { packSwitch } from './debrief/debrief-pack-switch.ts';
import { shell } from './shell.ts';
import { juryAnswersSection } from './exam/jury-answers.ts';
import { spokenSection } from '../voice/spoken-debrief.ts';

type Playable = Extract<CatalogEntry, { ok: true }>;

/** The jury's debrief: the mark, each competence's level, what happened, and what to do better. */
export async function debriefScreen(app: App, attemptId: string): Promise<Screen> {
  const t = app.t;
  const lang = app.lang;
  app.services.stage.showBackdrop();
  app.services.audio.ambience(null);
  const attempt = app.save.attempts.find((a) => a.id === attemptId);
  const [entries, refs] = await Promise.all([app.services.catalog(), app.services.referentials()]);
  const entry = attempt ? entries.find((e): e is Playable => e.ok && e.id === attempt.scenarioId) : undefined;
  if (!attempt || !entry || !refs) {
    const notice = h('p', { class: 'notice' }, t('debrief.unavailable'));
    const root = shell(app, { name: 'debrief', heading: t('debrief.heading'), back: { name: 'results' } }, notice);
    return { root, title: t('debrief.heading') };
  }
  const { index, scenario } = entry;
  const ctx = replayAttempt(index, attempt.seed, attempt.log);
  let pack: ReferentialPack = refs.pack(attempt.pack) ?? app.packIn(refs);
  const content = h('div', { class: 'debrief__content' });
  const evaluation = () => evaluateVisit(index, pack, ctx);
  const render = () => {
    const ev = evaluation();
    replace(
      content,
      markSection(ev, pack, lang, t),
      competenceSection(ev, pack, lang, t),
      outcomeSection(ev, index, lang, t),
      motivesSection(index, ctx, lang, t),
      pointsSection(ev, index, ctx, lang, t),
      timelineSection(index, ctx, lang, t),
      juryAnswersSection(attempt, index, ctx, lang, t),
    );
  };
  render();
  const played = t('debrief.playedOn', {
    date: formats(lang).dateTime(attempt.endedAt),
    mode: t(`modeName.${attempt.mode}`),
  });
  const about = { id: scenario.meta.id, version: scenario.meta.version ?? null, contentHash: entry.hash };
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
      h('p', { class: 'debrief__meta' }, played),
      attempt.contentHash !== entry.hash ? h('p', { class: 'notice notice--warning' }, t('debrief.changed')) : null,
      packSwitch(refs.packs, pack, t, (p) => {
        pack = p;
        render();
      }),
      content,
      spokenSection({
        attemptId: attempt.id,
        index,
        ctx,
        lang,
        t,
        jury: attempt.exam?.jury,
        onChange: (message) => app.toast(message),
      }),
      debriefActions(app, attempt, about, evaluation),
      h('p', { class: 'print-only' }, t('print.footer')),
    ),
  );
  return { root, title: t('debrief.heading') };
}
