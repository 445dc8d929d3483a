import type { TFunction } from 'i18next';
import { pickText } from '../../core/scenario/text.ts';
import type { ScenarioIndex } from '../../core/scenario/scenario-index.ts';
import { choicesAtCursor, choiceStatus } from '../../core/visit/visit-rules.ts';
import { stepQuality } from '../../core/visit/step-quality.ts';
import type { Step, VisitContext } from '../../core/visit/visit-types.ts';
import type { UiLanguage } from '../../i18n/languages.ts';
import { describeMove, responseLine, tableLine, tableSummary } from '../../present/negotiation.ts';
import { stepChoiceText } from '../../present/visit-view.ts';
import { textFor } from '../../core/scenario/variants.ts';
import { conditionState } from '../../core/visit/client-state.ts';

/** What the terminal shows of a visit, line by line, from the same presentation as the game. */
export type Out = (line: string) => void;

export interface ShownChoice {
  id: string;
  available: boolean;
}

/** Prints the current line and the numbered choices; returns them in display order. */
export function showPlace(index: ScenarioIndex, ctx: VisitContext, lang: UiLanguage, out: Out, t: TFunction) {
  const c = ctx.cursor;
  const shown: ShownChoice[] = [];
  if (c.kind === 'preparation')
    out(`\n[${t('common:phases.briefing')}] ${pickText(index.preparation.get(c.id)?.node.text, lang)}`);
  else if (c.kind === 'node') {
    const entry = index.nodes.get(c.id);
    if (!entry) return shown;
    const who = speakerName(index, entry.node.speaker, t);
    const text = pickText(textFor(entry.node, conditionState(ctx)), lang);
    out(`\n[${t(`common:phases.${entry.phase}`)}] ${t('cli:play.line', { who, text })}`);
  } else if (c.kind === 'negotiation') {
    const spec = index.scenario.phases.closing.negotiation;
    out(`\n[${t('common:phases.closing')}] ${t('cli:play.negotiationTitle')}`);
    if (spec && ctx.negotiation) {
      out(`  « ${tableLine(ctx.negotiation, lang, t)} »`.replace('« ', '«\u00a0').replace(' »', '\u00a0»'));
      for (const line of tableSummary(spec, ctx.negotiation, lang, t)) out(`  ${line}`);
    }
    return shown;
  } else return shown;
  const byId = new Map(choicesAtCursor(index, ctx).map((ch) => [ch.id, ch]));
  ctx.order.forEach((id, i) => {
    const choice = byId.get(id);
    if (!choice) return;
    const available = choiceStatus(ctx, choice) === 'available';
    const reason = !available && choice.condition?.reason ? ` — ${pickText(choice.condition.reason, lang)}` : '';
    out(
      `  ${i + 1}. ${pickText(textFor(choice, conditionState(ctx)), lang)}${available ? '' : ` [${t('cli:play.locked')}]`}${reason}`,
    );
    shown.push({ id, available });
  });
  return shown;
}

/** The step just taken: the choice and its feedback, or the move and the client's answer. */
export function showStep(index: ScenarioIndex, step: Step | undefined, lang: UiLanguage, out: Out, t: TFunction) {
  if (!step) return;
  const mark = t(`cli:play.quality.${stepQuality(index, step)}`);
  if (step.kind === 'negotiation') {
    out(`  > ${describeMove(step.move, lang, t, index.scenario.phases.closing.negotiation)}`);
    const verb = t(`negotiation:responses.${step.response.kind}`);
    out(
      `    ${t('cli:play.says', { who: index.scenario.persona.name, verb, text: responseLine(step.response, lang, t) })}`,
    );
    for (const e of step.evidence) {
      const quality = index.skills.polarity(e.skill) === 'negative' ? 'poor' : 'good';
      out(`    ${t(`cli:play.quality.${quality}`)} ${pickText(index.skills.get(e.skill)?.label, lang)}`);
    }
    return;
  }
  const choice = index.choices.get(step.choiceId)?.choice;
  out(`  > ${stepChoiceText(index, step, lang)}`);
  out(`    ${mark} ${pickText(choice?.feedback, lang)}`);
  if (stepQuality(index, step) === 'poor' && choice?.better)
    out(`    ${t('cli:play.better', { text: pickText(choice.better, lang) })}`);
}

/** The client by name, a cast member by name, the narrator and the seller by role. */
export function speakerName(index: ScenarioIndex, speaker: string, t: TFunction): string {
  if (speaker === 'client') return index.scenario.persona.name;
  const cast = index.scenario.cast?.find((c) => c.id === speaker);
  if (cast) return cast.name;
  return t(`cli:play.speakers.${speaker}`, { defaultValue: speaker });
}
