import type { TFunction } from 'i18next';
import { playNegotiation } from '../../core/check/negotiation-player.ts';
import { playBot, type BotStrategy } from '../../core/check/strategy-bots.ts';
import { eventOfStep, parsePathText, type PathStep } from '../../core/playthroughs/path.ts';
import type { ReferentialPack } from '../../core/referentials/formats.ts';
import type { Referentials } from '../../core/referentials/load-referentials.ts';
import { indexScenario, type ScenarioIndex } from '../../core/scenario/scenario-index.ts';
import { evaluateVisit } from '../../core/scoring/evaluate.ts';
import { openVisit, type VisitSession } from '../../core/visit/visit-session.ts';
import type { UiLanguage } from '../../i18n/languages.ts';
import { diagnosticLine } from '../diagnostic-text.ts';
import { EXIT, type CliIO } from '../io.ts';
import { printEvaluation } from '../play/evaluation-text.ts';
import { playInteractively } from '../play/interactive.ts';
import { showPlace, showStep, type Out } from '../play/transcript.ts';
import { readScenarioFile } from '../scenario-files.ts';
import { terminalSafeIO } from '../terminal-text.ts';
import { exportPlayedVisit } from './play-export.ts';

export interface PlayArgs {
  file: string;
  /** A path: choice ids separated by commas, or a JSON array as `check --json` prints it. */
  choices: string | undefined;
  pack: ReferentialPack;
  seed: number;
  /** Deal the choices as the game does (shuffled by the seed) even when a path is given. */
  dealt?: boolean;
  json: boolean;
  lang: UiLanguage;
  /** Let the reference negotiator play the negotiation step when the path reaches it without moves. */
  negotiator?: 'best' | 'worst' | undefined;
  /** A player who picks answers by their form (longest, shortest, first) or at random. */
  bot?: BotStrategy | undefined;
  /** Write the visit as a negosim-results document (played the game's way: choices shuffled). */
  export?: string | undefined;
}

/**
 * `negosim play`: a visit in the terminal. Scripted with --choices (the path `negosim check`
 * prints), or interactive: numbered choices read from stdin, `q` to leave.
 */
export async function runPlay(args: PlayArgs, terminal: CliIO, t: TFunction, refs: Referentials): Promise<number> {
  const io = terminalSafeIO(terminal); // scenario text never reaches the terminal raw
  const loaded = readScenarioFile(args.file, io.cwd, refs.skills);
  if (!loaded.scenario) {
    for (const d of loaded.diagnostics) io.err(diagnosticLine(d, args.file, t));
    return EXIT.failure;
  }
  const path = args.choices === undefined ? [] : parsePathText(args.choices);
  if (path === null) {
    io.err(t('cli:play.badPath'));
    return EXIT.usage;
  }
  const index = indexScenario(loaded.scenario, refs.skills);
  // An export plays the game's way (choices dealt by the seed), so file, terminal and server agree.
  const scripted = args.choices !== undefined && args.dealt !== true && args.export === undefined;
  const session = openVisit(index, { seed: args.seed, shuffle: !scripted });
  const out: Out = args.json ? () => undefined : (line) => io.out(line);
  const played: PathStep[] = [];

  if (args.bot) {
    played.push(...playBot(session, args.bot));
    for (const step of session.context().steps) showStep(index, step, args.lang, out, t);
  } else if (args.choices !== undefined) {
    const code = playScripted(session, index, path, args, io, out, t, played);
    if (code !== EXIT.ok) return code;
    // Played up to here by script; with input on stdin the player takes over from this point.
    if (!session.done() && !args.json && io.readLine) await playInteractively(session, index, args, io, t, played);
  } else {
    const code = await playInteractively(session, index, args, io, t, played);
    if (code !== EXIT.ok) return code;
  }

  if (!exportPlayedVisit({ ...args, referential: args.pack.id }, index, session.context().log, io, t))
    return EXIT.failure;
  const evaluation = evaluateVisit(index, args.pack, session.context());
  if (args.json)
    io.out(JSON.stringify({ ...evaluation, referential: args.pack.id, seed: args.seed, path: played }, null, 2));
  else printEvaluation(evaluation, index, session.context(), args.pack, args.lang, out, t);
  return EXIT.ok;
}

function playScripted(
  session: VisitSession,
  index: ScenarioIndex,
  path: readonly PathStep[],
  args: PlayArgs,
  io: CliIO,
  out: Out,
  t: TFunction,
  played: PathStep[],
): number {
  const botNegotiates = () => {
    if (!args.negotiator || session.context().cursor.kind !== 'negotiation') return;
    showPlace(index, session.context(), args.lang, out, t);
    const before = session.context().steps.length;
    played.push(...playNegotiation(session, args.negotiator === 'best' ? 'max' : 'min'));
    for (const step of session.context().steps.slice(before)) showStep(index, step, args.lang, out, t);
  };
  for (const step of path) {
    if (session.context().cursor.kind === 'ready') session.send({ type: 'player.start' });
    if (typeof step === 'string') botNegotiates();
    showPlace(index, session.context(), args.lang, out, t);
    const result = session.send(eventOfStep(step));
    if (!result.ok) {
      const reason = t(`cli:refusals.${result.reason}`) + (result.detail ? ` — ${result.detail}` : '');
      const token = typeof step === 'string' ? step : JSON.stringify(step);
      io.err(t('cli:play.refused', { token, reason, step: played.length + 1 }));
      return EXIT.failure;
    }
    played.push(step);
    showStep(index, session.context().steps.at(-1), args.lang, out, t);
  }
  botNegotiates();
  return EXIT.ok;
}
