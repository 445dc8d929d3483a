import type { TFunction } from 'i18next';
import type { PathStep } from '../../core/playthroughs/path.ts';
import type { ScenarioIndex } from '../../core/scenario/scenario-index.ts';
import type { VisitSession } from '../../core/visit/visit-session.ts';
import type { UiLanguage } from '../../i18n/languages.ts';
import { EXIT, type CliIO } from '../io.ts';
import { parseMoveCommand } from '../negotiation-input.ts';
import { showPlace, showStep } from './transcript.ts';

const quits = (answer: string | undefined) => answer === undefined || answer.trim().toLowerCase() === 'q';

/** The visit driven from the keyboard: numbers for choices, typed moves at the table, `q` to leave. */
export async function playInteractively(
  session: VisitSession,
  index: ScenarioIndex,
  args: { json: boolean; lang: UiLanguage },
  io: CliIO,
  t: TFunction,
  played: PathStep[],
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
      session.send(quits(answer) ? { type: 'player.leave' } : { type: 'player.start' });
      continue;
    }
    if (ctx.cursor.kind === 'negotiation') {
      showPlace(index, ctx, args.lang, out, t);
      const answer = await io.readLine(t('negotiation:prompt'));
      if (quits(answer)) {
        session.send({ type: 'player.leave' });
        break;
      }
      const move = parseMoveCommand(answer ?? '');
      const result = move ? session.send({ type: 'nego.move', move }) : null;
      if (!move || !result?.ok) {
        const reason = result && !result.ok ? (result.detail ?? t(`cli:refusals.${result.reason}`)) : '?';
        out(t('negotiation:invalid', { reason }));
        out(t('negotiation:help'));
        continue;
      }
      played.push({ nego: move });
      showStep(index, session.context().steps.at(-1), args.lang, out, t);
      continue;
    }
    const shown = showPlace(index, ctx, args.lang, out, t);
    const answer = await io.readLine(t('cli:play.prompt', { count: shown.length }));
    if (quits(answer)) {
      session.send({ type: 'player.leave' });
      break;
    }
    const picked = shown[Number.parseInt(answer ?? '', 10) - 1];
    if (!picked || !picked.available) {
      io.out(t('cli:play.invalidNumber'));
      continue;
    }
    session.send({ type: 'player.choose', choiceId: picked.id });
    played.push(picked.id);
    showStep(index, session.context().steps.at(-1), args.lang, out, t);
  }
  return EXIT.ok;
}
