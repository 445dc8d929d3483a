import type { TFunction } from 'i18next';
import { negotiationSupport } from '../../core/negotiation-support.ts';
import { packs, type PackId } from '../../core/referentials/bundled.ts';
import { choiceQuality } from '../../core/scenario/choice-quality.ts';
import { indexScenario, type ScenarioIndex } from '../../core/scenario/scenario-index.ts';
import { pickText, type ContentLanguage } from '../../core/scenario/text.ts';
import { skillById } from '../../core/referentials/bundled.ts';
import type { Evaluation } from '../../core/scoring/evaluate.ts';
import { evaluateVisitFor } from '../../core/evaluate-visit.ts';
import type {
  ClientResponse,
  NegotiationMove,
  NegotiationResult,
  NegotiationState,
} from '../../core/negotiation/index.ts';
import type { Step } from '../../core/visit/visit-types.ts';
import { negotiationToken } from '../../core/visit/path-tokens.ts';
import { describeMove, describeTable, parseMoveCommand, responseLine } from '../negotiation-text.ts';
import { createVisitSession, type VisitSession } from '../../core/visit/visit-session.ts';
import { choicesAtCursor, choiceStatus } from '../../core/visit/visit-rules.ts';
import { diagnosticLine } from '../diagnostic-text.ts';
import { EXIT, type CliIO } from '../io.ts';
import { formatEuros, formatMark, formatNumber } from '../number-format.ts';
import { eventOfToken, splitPath } from '../../core/visit/path-tokens.ts';
import { readScenarioFile } from '../scenario-files.ts';
import { exportPlayedVisit } from './play-export.ts';

export interface PlayArgs {
  file: string;
  choices: string | undefined;
  referential: PackId;
  seed: number;
  json: boolean;
  lang: ContentLanguage;
  /** Let the reference negotiator play the negotiation step when the path reaches it without @nego moves. */
  negotiator?: 'best' | 'worst' | undefined;
  /** Write the visit as a negosim-results document (played the game's way: choices shuffled). */
  export?: string | undefined;
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
  const session = createVisitSession(
    index,
    { seed: args.seed, shuffle: args.choices === undefined || args.export !== undefined },
    support.negotiation ? { negotiation: support.negotiation } : {},
  );
  const transcript = args.json ? () => undefined : (line: string) => io.out(line);
  const played: string[] = [];

  const botNegotiates = () => {
    if (!args.negotiator || !support.negotiationPlayer || session.context().cursor.kind !== 'negotiation') return;
    showPlace(session, index, args.lang, transcript, t);
    const before = session.context().steps.length;
    const tokens = support.negotiationPlayer.play(session, args.negotiator === 'best' ? 'max' : 'min');
    played.push(...tokens);
    session
      .context()
      .steps.slice(before)
      .forEach((step) => showNegotiationMove(step, index, args.lang, transcript, t));
  };
  if (args.choices !== undefined) {
    for (const token of splitPath(args.choices)) {
      if (session.context().cursor.kind === 'ready') session.send({ type: 'player.start' });
      if (!token.startsWith('@nego')) botNegotiates();
      showPlace(session, index, args.lang, transcript, t);
      const event = eventOfToken(token);
      const result = event ? session.send(event) : ({ ok: false, reason: 'move-refused' } as const);
      if (!result.ok) {
        const detail = 'detail' in result && result.detail ? ` — ${result.detail}` : '';
        io.err(
          t('cli:play.refused', {
            token,
            reason: t(`cli:refusals.${result.reason}`) + detail,
            step: played.length + 1,
          }),
        );
        return EXIT.failure;
      }
      played.push(token);
      if (event?.type === 'nego.move')
        showNegotiationMove(session.context().steps.at(-1), index, args.lang, transcript, t);
      else showChoice(index, token, args.lang, transcript, t);
    }
    botNegotiates();
    // Played up to here by script; with input on stdin the player takes over from this point.
    if (!session.done() && !args.json && io.readLine) await interactive(session, index, args, io, t, played);
  } else {
    const code = await interactive(session, index, args, io, t, played);
    if (code !== EXIT.ok) return code;
  }

  if (!exportPlayedVisit(args, index, session.context().log, io, t)) return EXIT.failure;
  const evaluation = evaluateVisitFor(index, packs[args.referential], session.context());
  if (args.json)
    io.out(JSON.stringify({ ...evaluation, referential: args.referential, seed: args.seed, path: played }, null, 2));
  else printEvaluation(evaluation, index, session, args, io, t);
  return EXIT.ok;
}

async function interactive(
  session: VisitSession,
  index: ScenarioIndex,
  args: PlayArgs,
  io: CliIO,
  t: TFunction,
  played: string[],
): Promise<number> {
  if (!io.readLine) {
    io.err(t('cli:play.noInput'));
    return EXIT.usage;
  }
  // With --json, stdout is for the evaluation alone: the interactive visit is shown on stderr.
  const out = (line: string) => (args.json ? io.err(line) : io.out(line));
  while (!session.done()) {
    const ctx = session.context();
    if (ctx.cursor.kind === 'ready') {
      const answer = await io.readLine(t('cli:play.pressEnter'));
      if (answer === undefined || answer.trim().toLowerCase() === 'q') session.send({ type: 'player.leave' });
      else session.send({ type: 'player.start' });
      continue;
    }
    if (ctx.cursor.kind === 'negotiation') {
      const spec = index.scenario.phases.closing.negotiation;
      if (spec && ctx.negotiation)
        for (const line of describeTable(spec, ctx.negotiation as NegotiationState, args.lang, t)) out(line);
      const answer = await io.readLine(t('negotiation:prompt'));
      if (answer === undefined || answer.trim().toLowerCase() === 'q') {
        session.send({ type: 'player.leave' });
        break;
      }
      const move = parseMoveCommand(answer);
      const result = move ? session.send({ type: 'nego.move', move }) : null;
      if (!move || !result?.ok) {
        out(
          t('negotiation:invalid', {
            reason: result && !result.ok ? (result.detail ?? t(`cli:refusals.${result.reason}`)) : '?',
          }),
        );
        out(t('negotiation:help'));
        continue;
      }
      played.push(negotiationToken(move));
      showNegotiationMove(session.context().steps.at(-1), index, args.lang, out, t);
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
function showPlace(
  session: VisitSession,
  index: ScenarioIndex,
  lang: ContentLanguage,
  out: (line: string) => void,
  t: TFunction,
) {
  const ctx = session.context();
  const c = ctx.cursor;
  const shown: { id: string; available: boolean }[] = [];
  if (c.kind === 'preparation')
    out(`\n[${t('common:phases.briefing')}] ${pickText(index.preparation.get(c.id)?.node.text, lang)}`);
  else if (c.kind === 'node') {
    const entry = index.nodes.get(c.id);
    if (!entry) return shown;
    const who = speakerName(index, entry.node.speaker, t);
    const cue = entry.node.cue
      ? ` (${[entry.node.cue.expression, entry.node.cue.gesture].filter(Boolean).join(', ')})`
      : '';
    out(
      `\n[${t(`common:phases.${entry.phase}`)}] ${t('cli:play.line', { who: who + cue, text: pickText(entry.node.text, lang) })}`,
    );
  } else if (c.kind === 'negotiation') {
    const spec = index.scenario.phases.closing.negotiation;
    out(`\n[${t('common:phases.closing')}] ${t('cli:play.negotiationTitle')}`);
    if (spec && ctx.negotiation)
      for (const line of describeTable(spec, ctx.negotiation as NegotiationState, lang, t)) out(`  ${line}`);
    return shown;
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

function showChoice(
  index: ScenarioIndex,
  token: string,
  lang: ContentLanguage,
  out: (line: string) => void,
  t: TFunction,
): void {
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

/** The client by name, a cast member by name, the narrator and the seller by role. */
function speakerName(index: ScenarioIndex, speaker: string, t: TFunction): string {
  if (speaker === 'client') return index.scenario.persona.name;
  const cast = index.scenario.cast?.find((c) => c.id === speaker);
  if (cast) return cast.name;
  return t(`cli:play.speakers.${speaker}`, { defaultValue: speaker });
}

function showNegotiationMove(
  step: Step | undefined,
  index: ScenarioIndex,
  lang: ContentLanguage,
  out: (line: string) => void,
  t: TFunction,
): void {
  if (step?.kind !== 'negotiation') return;
  const spec = index.scenario.phases.closing.negotiation;
  out(`  > ${describeMove(step.move as NegotiationMove, lang, t, spec)}`);
  const response = step.response as ClientResponse | undefined;
  if (response)
    out(
      `    ${t('cli:play.says', { who: index.scenario.persona.name, verb: t(`negotiation:responses.${response.kind}`), text: responseLine(response, lang, t) })}`,
    );
  for (const e of step.evidence)
    out(
      `    ${t(`cli:play.quality.${skillById(e.skill)?.polarity === 'negative' ? 'poor' : 'good'}`)} ${pickText(skillById(e.skill)?.label, lang)}`,
    );
}

function printEvaluation(
  ev: Evaluation,
  index: ScenarioIndex,
  session: VisitSession,
  args: PlayArgs,
  io: CliIO,
  t: TFunction,
): void {
  const pack = packs[args.referential];
  const lang = args.lang;
  const ending = index.endings.get(ev.outcome.endingId)?.ending;
  io.out('');
  io.out(
    t('cli:play.ending', {
      title: ending ? pickText(ending.title, lang) : t('cli:play.left'),
      summary: ending ? pickText(ending.summary, lang) : '',
    }),
  );
  io.out(t('cli:play.mark', { mark: formatMark(ev.mark, lang), referential: pickText(pack.title, lang) }));
  for (const c of ev.competences) {
    const def = pack.competences.find((d) => d.code === c.code);
    const level = c.level
      ? pickText(pack.levels.find((l) => l.id === c.level)?.label, lang)
      : t('cli:play.notAssessed');
    const marked = c.weight > 0 ? '' : ` (${t('cli:play.notMarked')})`;
    io.out(
      `  ${c.code.padEnd(7)} ${level.padEnd(24)} ${formatNumber(c.points, lang)} / ${formatNumber(c.max, lang)}  ${pickText(def?.title, lang)}${marked}`,
    );
  }
  io.out(t('cli:play.phasesTitle'));
  for (const p of ev.phases)
    io.out(
      `  ${t(`common:phases.${p.stage}`).padEnd(32)} ${p.score === null ? '—' : `${Math.round(p.score * 100)} %`}`,
    );
  if (ev.outcome.revenueHT !== null) io.out(t('cli:play.revenue', { amount: formatEuros(ev.outcome.revenueHT, lang) }));
  if (ev.outcome.tauxDeMarque !== null)
    io.out(t('cli:play.markup', { rate: formatNumber(ev.outcome.tauxDeMarque, lang) }));
  io.out(
    t('cli:play.gauges', {
      who: index.scenario.persona.name,
      trust: ev.outcome.trust,
      interest: ev.outcome.interest,
      irritation: ev.outcome.irritation,
    }),
  );
  const nego = ev.outcome.negotiation as NegotiationResult | null;
  if (nego) {
    io.out(
      t('cli:play.negotiationSummary', {
        net: nego.finalNetUnitPriceHt ? formatEuros(Number(nego.finalNetUnitPriceHt), lang) : '—',
        markup: nego.tauxDeMarque ? formatNumber(Number(nego.tauxDeMarque), lang) : '—',
        objective: formatNumber(Number(nego.objectiveTauxDeMarque), lang),
        minimum: formatNumber(Number(nego.minTauxDeMarque), lang),
        concessions: nego.concessionsCount,
        counterparts: nego.counterpartsObtained,
        share: formatNumber(Number(nego.shareOfPotentialPercent), lang),
      }),
    );
    if (nego.belowFloor)
      io.out(t('cli:play.belowFloor', { margin: nego.marginHt ? formatEuros(Number(nego.marginHt), lang) : '—' }));
  }
  if (ev.weaknesses.length) io.out(t('cli:play.weaknessesTitle'));
  for (const w of ev.weaknesses) {
    const choice = w.choiceId ? index.choices.get(w.choiceId)?.choice : undefined;
    if (choice) {
      // A poor choice says what was better; a fair one that was not the best points at the best choice on offer.
      const better = choice.better ?? index.choices.get(w.betterChoice ?? '')?.choice.text;
      io.out(`  − ${pickText(choice.text, lang)}`);
      if (better) io.out(`    ${t('cli:play.better', { text: pickText(better, lang) })}`);
      continue;
    }
    // A negotiation move: name the poor habits it showed.
    const step = session.context().steps[w.step];
    if (step?.kind !== 'negotiation') continue;
    io.out(`  − ${describeMove(step.move as NegotiationMove, lang, t, index.scenario.phases.closing.negotiation)}`);
    for (const e of step.evidence.filter((x) => skillById(x.skill)?.polarity === 'negative'))
      io.out(`    ${pickText(skillById(e.skill)?.description, lang)}`);
  }
  io.out(pickText(pack.disclaimer, lang));
}
