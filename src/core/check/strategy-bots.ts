import type { PathStep } from '../playthroughs/path.ts';
import { nextInt, seedRng, type RngState } from '../random.ts';
import { pickText } from '../scenario/text.ts';
import type { VisitSession } from '../visit/visit-session.ts';
import { choicesAtCursor, choiceStatus } from '../visit/visit-rules.ts';
import { playNegotiation } from './negotiation-player.ts';

/**
 * Players who do not read: they pick an answer by its form (the longest, the shortest, the
 * first shown) or at random, and leave the negotiation to the reference negotiator. If such a
 * player scores well, the scenario teaches guessing, not selling (docs/scoring.md: ≤ 9/20).
 */
export type BotStrategy = 'longest' | 'shortest' | 'first' | { random: number };

export function parseBot(text: string): BotStrategy | null {
  if (text === 'longest' || text === 'shortest' || text === 'first') return text;
  const random = /^random(?::(\d+))?$/.exec(text);
  return random ? { random: Number(random[1] ?? 1) } : null;
}

/** Plays the whole visit with the strategy; returns the path it took. */
export function playBot(session: VisitSession, strategy: BotStrategy): PathStep[] {
  const index = session.index;
  const lang = index.scenario.meta.languages[0] ?? 'fr';
  let rng: RngState = seedRng(typeof strategy === 'object' ? strategy.random : 0);
  const path: PathStep[] = [];
  for (let turn = 0; turn < 500 && !session.done(); turn++) {
    const ctx = session.context();
    if (ctx.cursor.kind === 'ready') {
      session.send({ type: 'player.start' });
      continue;
    }
    if (ctx.cursor.kind === 'negotiation') {
      path.push(...playNegotiation(session, 'max'));
      continue;
    }
    const byId = new Map(choicesAtCursor(index, ctx).map((c) => [c.id, c]));
    const shown = ctx.order.flatMap((id) => {
      const c = byId.get(id);
      return c && choiceStatus(ctx, c) === 'available' ? [c] : [];
    });
    if (shown.length === 0) break;
    const length = (i: number) => pickText(shown[i]?.text, lang).length;
    let pick = 0;
    if (strategy === 'longest' || strategy === 'shortest')
      for (let i = 1; i < shown.length; i++)
        if (strategy === 'longest' ? length(i) > length(pick) : length(i) < length(pick)) pick = i;
    if (typeof strategy === 'object') [pick, rng] = nextInt(rng, shown.length);
    const id = shown[pick]?.id as string;
    if (!session.send({ type: 'player.choose', choiceId: id }).ok) break;
    path.push(id);
  }
  if (!session.done()) session.send({ type: 'player.leave' });
  return path;
}
