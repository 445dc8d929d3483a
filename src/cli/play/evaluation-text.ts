import type { TFunction } from 'i18next';
import type { ReferentialPack } from '../../core/referentials/formats.ts';
import type { ScenarioIndex } from '../../core/scenario/scenario-index.ts';
import { pickText } from '../../core/scenario/text.ts';
import type { Evaluation } from '../../core/scoring/evaluate.ts';
import type { VisitContext } from '../../core/visit/visit-types.ts';
import type { UiLanguage } from '../../i18n/languages.ts';
import { competenceRows, motivesDebrief } from '../../present/debrief.ts';
import { endingTextView } from '../../present/ending-text.ts';
import { formats } from '../../present/format.ts';
import { faultSentences } from '../../present/faults.ts';
import { describeMove } from '../../present/negotiation.ts';
import type { Out } from './transcript.ts';

/** The evaluation in the terminal: the mark, each competence's level, the figures and what to work on. */
export function printEvaluation(
  ev: Evaluation,
  index: ScenarioIndex,
  ctx: VisitContext,
  pack: ReferentialPack,
  lang: UiLanguage,
  out: Out,
  t: TFunction,
): void {
  const f = formats(lang);
  const ending = index.endings.get(ev.outcome.endingId)?.ending;
  // The ending as the game shows it: its placeholders filled from the terms agreed at the table.
  const shown = ending ? endingTextView(index, ending, ev.outcome.negotiation?.finalTerms ?? null, lang, t) : null;
  out('');
  out(t('cli:play.ending', { title: shown?.title ?? t('cli:play.left'), summary: shown?.summary ?? '' }));
  if (shown?.detail) out(`  ${shown.detail}`);
  out(t('cli:play.mark', { mark: f.mark(ev.mark), referential: pickText(pack.title, lang) }));
  for (const r of competenceRows(ev, pack, lang)) {
    const level = r.levelLabel ?? t('cli:play.notAssessed');
    const marked = r.marked ? '' : ` (${t('cli:play.notMarked')})`;
    const points = `${f.number(r.points)} / ${f.number(r.max)}`;
    out(`  ${r.code.padEnd(7)} ${level.padEnd(24)} ${points}  ${r.title}${marked}`);
  }
  out(t('cli:play.phasesTitle'));
  for (const p of ev.phases)
    out(`  ${t(`common:phases.${p.stage}`).padEnd(32)} ${p.score === null ? '—' : f.percent(p.score * 100, 0)}`);
  printOutcome(ev, index, f, out, t);
  printMotives(index, ctx, lang, out, t);
  printWeaknesses(ev, index, ctx, lang, out, t);
  out(pickText(pack.disclaimer, lang));
}

function printOutcome(ev: Evaluation, index: ScenarioIndex, f: ReturnType<typeof formats>, out: Out, t: TFunction) {
  const o = ev.outcome;
  if (o.revenueHT !== null) out(t('cli:play.revenue', { amount: f.euros(o.revenueHT) }));
  if (o.tauxDeMarque !== null) out(t('cli:play.markup', { rate: f.percent(o.tauxDeMarque) }));
  const who = index.scenario.persona.name;
  out(t('cli:play.gauges', { who, trust: o.trust, interest: o.interest, irritation: o.irritation }));
  const nego = o.negotiation;
  if (!nego) return;
  out(
    t('cli:play.negotiationSummary', {
      net: nego.finalNetUnitPriceHt ? f.euros(Number(nego.finalNetUnitPriceHt)) : '—',
      markup: nego.tauxDeMarque ? f.percent(Number(nego.tauxDeMarque)) : '—',
      objective: f.percent(Number(nego.objectiveTauxDeMarque)),
      minimum: f.percent(Number(nego.minTauxDeMarque)),
      count: nego.concessionsCount,
      counterparts: nego.counterpartsObtained,
      share: f.percent(Number(nego.shareOfPotentialPercent)),
    }),
  );
  if (nego.belowFloor) out(t('cli:play.belowFloor', { margin: nego.marginHt ? f.euros(Number(nego.marginHt)) : '—' }));
}

function printWeaknesses(
  ev: Evaluation,
  index: ScenarioIndex,
  ctx: VisitContext,
  lang: UiLanguage,
  out: Out,
  t: TFunction,
) {
  if (ev.weaknesses.length) out(t('cli:play.weaknessesTitle'));
  for (const w of ev.weaknesses) {
    const choice = w.choiceId ? index.choices.get(w.choiceId)?.choice : undefined;
    if (choice) {
      // A poor choice says what was better; a fair one that was not the best points at the best choice on offer.
      const better = choice.better ?? index.choices.get(w.betterChoice ?? '')?.choice.text;
      out(`  − ${pickText(choice.text, lang)}`);
      if (better) out(`    ${t('cli:play.better', { text: pickText(better, lang) })}`);
      continue;
    }
    // A negotiation move: name the poor habits it showed.
    const step = ctx.steps[w.step];
    if (step?.kind !== 'negotiation') continue;
    out(`  − ${describeMove(step.move, lang, t, index.scenario.phases.closing.negotiation)}`);
    for (const sentence of faultSentences(index, step.evidence, lang, t)) out(`    ${sentence}`);
  }
}

/** Which motives the student found and missed, what each argument aimed at, each objection's kind. */
function printMotives(index: ScenarioIndex, ctx: VisitContext, lang: UiLanguage, out: Out, t: TFunction) {
  const m = motivesDebrief(index, ctx, lang, t);
  out(t('present:motives.title'));
  out(`  ${t('present:motives.personality', { text: m.personality })}`);
  for (const [title, rows, mark] of [
    [t('present:motives.found'), m.found, '✓'],
    [t('present:motives.missed'), m.missed, '✗'],
  ] as const) {
    out(`  ${title}`);
    if (rows.length === 0) out(`    ${t('present:motives.none')}`);
    for (const r of rows)
      out(`    ${mark} ${r.label} · ${r.detail}${r.dominant ? ` (${t('present:motives.dominant')})` : ''}`);
  }
  if (m.arguments.length) out(`  ${t('present:motives.arguments')}`);
  for (const a of m.arguments) {
    out(`    − ${a.text}`);
    out(
      `      ${t(a.targetFound ? 'present:motives.targetFound' : 'present:motives.targetMissed', { target: a.target })}`,
    );
  }
  if (m.objections.length) out(`  ${t('present:motives.objections')}`);
  for (const o of m.objections) {
    out(`    − ${t('present:motives.objectionKind', { kind: o.kind })}`);
    const line =
      o.suits === null
        ? t('present:motives.noTechnique')
        : t(o.suits ? 'present:motives.techniqueSuits' : 'present:motives.techniqueUnsuited', {
            technique: o.technique,
          });
    out(`      ${line} ${t('present:motives.suited', { list: o.suited.join(', ') })}`);
  }
}
