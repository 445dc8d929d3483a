import type { TFunction } from 'i18next';
import { negotiationSupport } from '../../core/negotiation-support.ts';
import { packs, type PackId } from '../../core/referentials/bundled.ts';
import { choiceQuality } from '../../core/scenario/choice-quality.ts';
import { indexScenario, type ScenarioIndex } from '../../core/scenario/scenario-index.ts';
import { pickText, type ContentLanguage } from '../../core/scenario/text.ts';
import { skillById } from '../../core/referentials/bundled.ts';
import { evaluateVisit, type Evaluation } from '../../core/scoring/evaluate.ts';
import { scoringModelFor } from '../../core/scoring/scoring-model.ts';
import { createVisitSession, type VisitSession } from '../../core/visit/visit-session.ts';
import { choicesAtCursor, choiceStatus } from '../../core/visit/visit-rules.ts';
import { diagnosticLine } from '../diagnostic-text.ts';
import { EXIT, type CliIO } from '../io.ts';
import { formatEuros, formatMark, formatNumber } from '../number-format.ts';
import { eventOfToken, splitPath } from '../../core/visit/path-tokens.ts';
import { readScenarioFile } from '../scenario-files.ts';

export interface PlayArgs {
  file: string;
  choices: string | undefined;
  referential: PackId;
  seed: number;
  json: boolean;
  lang: ContentLanguage;
}

/**
 * `negosim play`: a visit in the terminal. Scripted with --choices (the path `negosim check`
 * prints), or interactive: numbered choices read from stdin, `q` to leave.
 */
export async function runPlay(args: PlayArgs, io: CliIO, t: TFunction): Promise<number> {
  const loaded = readScenarioFile(args.file, io.cwd);
  if (!loaded.scenario) {
    for (const d of loaded.diagnostics) io.err(diagnosticLine(d, args.file, t));
    return EXIT.failure;
  }
  const index = indexScenario(loaded.scenario);
  const support = negotiationSupport(index);
  const session = createVisitSession(index, { seed: args.seed, shuffle: args.choices === undefined }, support.negotiation ? { negotiation: support.negotiation } : {});
  const transcript = args.json ? () => undefined : (line: string) => io.out(line);
  const played: string[] = [];

  if (args.choices !== undefined) {
    for (const token of splitPath(args.choices)) {
      if (session.context().cursor.kind === 'ready') session.send({ type: 'player.start' });
      showPlace(session, index, args.lang, transcript, t);
      const event = eventOfToken(token);
      const result = event ? session.send(event) : ({ ok: false, reason: 'move-refused' } as const);
      if (!result.ok) {
        io.err(t('cli:play.refused', { token, reason: t(`cli:refusals.${result.reason}`), step: played.length + 1 }));
        return EXIT.failure;
      }
      played.push(token);
      showChoice(index, token, args.lang, transcript, t);
    }
  } else {
    const code = await interactive(session, index, args, io, t, played);
    if (code !== EXIT.ok) return code;
  }

  const model = scoringModelFor(index, packs[args.referential], support.negotiationReference);
  const evaluation = evaluateVisit(model, session.context());
  if (args.json) io.out(JSON.stringify({ ...evaluation, referential: args.referential, seed: args.seed, path: played }, null, 2));
  else printEvaluation(evaluation, index, args, io, t);
  return EXIT.ok;
}

async function interactive(session: VisitSession, index: ScenarioIndex, args: PlayArgs, io: CliIO, t: TFunction, played: string[]): Promise<number> {
  if (!io.readLine) {
    io.err(t('cli:play.noInput'));
    return EXIT.usage;
  }
  const out = (line: string) => io.out(line);
  while (!session.done()) {
    const ctx = session.context();
    if (ctx.cursor.kind === 'ready') {
      const answer = await io.readLine(t('cli:play.pressEnter'));
      if (answer === undefined || answer.trim().toLowerCase() === 'q') session.send({ type: 'player.leave' });
      else session.send({ type: 'player.start' });
      continue;
    }
    if (ctx.cursor.kind === 'negotiation') {
      io.out(t('cli:play.negotiationInteractive'));
      session.send({ type: 'player.leave' });
      continue;
    }
    const shown = showPlace(session, index, args.lang, out, t);
    const answer = await io.readLine(t('cli:play.prompt', { count: shown.length }));
    if (answer === undefined || answer.trim().toLowerCase() === 'q') {
      session.send({ type: 'player.leave' });
      break;
    }
    const picked = shown[Number.parseInt(answer, 10) - 1];
    if (!picked || !picked.available) {
      io.out(t('cli:play.invalidNumber'));
      continue;
    }
    session.send({ type: 'player.choose', choiceId: picked.id });
    played.push(picked.id);
    showChoice(index, picked.id, args.lang, out, t);
  }
  return EXIT.ok;
}

/** Prints the current line and the numbered choices; returns them in display order. */
function showPlace(session: VisitSession, index: ScenarioIndex, lang: ContentLanguage, out: (line: string) => void, t: TFunction) {
  const ctx = session.context();
  const c = ctx.cursor;
  const shown: { id: string; available: boolean }[] = [];
  if (c.kind === 'preparation') out(`\n[${t('common:phases.briefing')}] ${pickText(index.preparation.get(c.id)?.node.text, lang)}`);
  else if (c.kind === 'node') {
    const entry = index.nodes.get(c.id);
    if (!entry) return shown;
    const who = entry.node.speaker === 'client' ? index.scenario.persona.name : entry.node.speaker;
    const cue = entry.node.cue ? ` (${[entry.node.cue.expression, entry.node.cue.gesture].filter(Boolean).join(', ')})` : '';
    out(`\n[${t(`common:phases.${entry.phase}`)}] ${t('cli:play.line', { who: who + cue, text: pickText(entry.node.text, lang) })}`);
  } else return shown;
  const byId = new Map(choicesAtCursor(session.rules, ctx).map((ch) => [ch.id, ch]));
  ctx.order.forEach((id, i) => {
    const choice = byId.get(id);
    if (!choice) return;
    const available = choiceStatus(ctx, choice) === 'available';
    const reason = !available && choice.condition?.reason ? ` — ${pickText(choice.condition.reason, lang)}` : '';
    out(`  ${i + 1}. ${pickText(choice.text, lang)}${available ? '' : ` [${t('cli:play.locked')}]`}${reason}`);
    shown.push({ id, available });
  });
  return shown;
}

function showChoice(index: ScenarioIndex, token: string, lang: ContentLanguage, out: (line: string) => void, t: TFunction): void {
  const choice = index.choices.get(token)?.choice;
  if (!choice) {
    out(`  > ${token}`);
    return;
  }
  const quality = choiceQuality(choice.skills, (id) => skillById(id)?.polarity);
  out(`  > ${pickText(choice.text, lang)}`);
  out(`    ${t(`cli:play.quality.${quality}`)} ${pickText(choice.feedback, lang)}`);
  if (quality === 'poor' && choice.better) out(`    ${t('cli:play.better', { text: pickText(choice.better, lang) })}`);
}

function printEvaluation(ev: Evaluation, index: ScenarioIndex, args: PlayArgs, io: CliIO, t: TFunction): void {
  const pack = packs[args.referential];
  const lang = args.lang;
  const ending = index.endings.get(ev.outcome.endingId)?.ending;
  io.out('');
  io.out(t('cli:play.ending', { title: ending ? pickText(ending.title, lang) : t('cli:play.left'), summary: ending ? pickText(ending.summary, lang) : '' }));
  io.out(t('cli:play.mark', { mark: formatMark(ev.mark, lang), referential: pickText(pack.title, lang) }));
  for (const c of ev.competences) {
    const def = pack.competences.find((d) => d.code === c.code);
    const level = c.level ? pickText(pack.levels.find((l) => l.id === c.level)?.label, lang) : t('cli:play.notAssessed');
    const marked = c.weight > 0 ? '' : ` (${t('cli:play.notMarked')})`;
    io.out(`  ${c.code.padEnd(7)} ${level.padEnd(24)} ${formatNumber(c.points, lang)} / ${formatNumber(c.max, lang)}  ${pickText(def?.title, lang)}${marked}`);
  }
  io.out(t('cli:play.phasesTitle'));
  for (const p of ev.phases) io.out(`  ${t(`common:phases.${p.stage}`).padEnd(32)} ${p.score === null ? '—' : `${Math.round(p.score * 100)} %`}`);
  if (ev.outcome.revenueHT !== null) io.out(t('cli:play.revenue', { amount: formatEuros(ev.outcome.revenueHT, lang) }));
  if (ev.outcome.tauxDeMarque !== null) io.out(t('cli:play.markup', { rate: formatNumber(ev.outcome.tauxDeMarque, lang) }));
  io.out(t('cli:play.gauges', { trust: ev.outcome.trust, interest: ev.outcome.interest, irritation: ev.outcome.irritation }));
  if (ev.weaknesses.length) io.out(t('cli:play.weaknessesTitle'));
  for (const w of ev.weaknesses) {
    const choice = w.choiceId ? index.choices.get(w.choiceId)?.choice : undefined;
    if (!choice) continue;
    io.out(`  − ${pickText(choice.text, lang)}`);
    io.out(`    ${t('cli:play.better', { text: pickText(choice.better ?? choice.feedback, lang) })}`);
  }
  io.out(pickText(pack.disclaimer, lang));
}
