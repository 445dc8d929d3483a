import { diagnostic, type Diagnostic } from '../diagnostics/codes.ts';
import { pickText } from '../scenario/text.ts';
import { occasionsOf } from '../scoring/occasions.ts';
import { markValue, type ScoringModel } from '../scoring/scoring-model.ts';
import type { VisitContext } from '../visit/visit-types.ts';

/** No phase should supply more than this share of a mark (docs/scoring.md). */
export const MAX_PHASE_SHARE = 0.4;
/** Each marked competence needs at least this many occasions on the best path, so no level rests on one answer. */
export const MIN_OCCASIONS = 3;
/** Above this share of decision points where the longest answer is a best one, length is a tell. */
export const MAX_TELL_RATE = 0.4;

/**
 * The share of decision points where the longest answer (in the scenario's first language) is
 * a best one. With three answers drawn at random it would be about one in three; above 40 % a
 * student learns to pick the longest line instead of the right one.
 */
export function tellRate(model: ScoringModel): { rate: number; points: number } {
  const lang = model.index.scenario.meta.languages[0] ?? 'fr';
  let points = 0;
  let tells = 0;
  const nodes = [...model.index.preparation.values(), ...model.index.nodeList];
  for (const { node } of nodes) {
    if (node.choices.length < 2) continue;
    const values = node.choices.map((c) => markValue(model, model.choiceNet(c.id)));
    const best = Math.max(...values);
    if (best - Math.min(...values) < 1e-9) continue;
    points++;
    const lengths = node.choices.map((c) => pickText(c.text, lang).length);
    const longest = lengths.indexOf(Math.max(...lengths));
    if ((values[longest] ?? -Infinity) >= best - 1e-9) tells++;
  }
  return { rate: points ? Math.round((tells / points) * 1000) / 1000 : 0, points };
}

/**
 * What a jury would object to in how a scenario marks, on its best path: a phase that weighs
 * more than 40 % of the mark, a competence shown fewer than three times, length as a tell.
 */
export function markingDiagnostics(model: ScoringModel, best: VisitContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const occasions = occasionsOf(model, best);
  const stake = new Map<string, number>();
  for (const o of occasions) stake.set(o.competence, (stake.get(o.competence) ?? 0) + o.stake);
  const share = new Map<string, number>();
  for (const o of occasions) {
    const w = model.weights.get(o.competence) ?? 0;
    const d = stake.get(o.competence) ?? 0;
    if (d > 0) share.set(o.stage, (share.get(o.stage) ?? 0) + (w * o.stake) / d);
  }
  for (const [phase, s] of share)
    if (s > MAX_PHASE_SHARE + 1e-9)
      out.push(
        diagnostic('NS109', phasePath(phase), { phase, share: Math.round(s * 100), referential: model.pack.id }),
      );
  for (const code of model.weights.keys()) {
    const count = occasions.filter((o) => o.competence === code).length;
    if (count < MIN_OCCASIONS) out.push(diagnostic('NS110', '', { code, count, referential: model.pack.id }));
  }
  const tell = tellRate(model);
  if (tell.rate > MAX_TELL_RATE) out.push(diagnostic('NS111', '', { rate: Math.round(tell.rate * 100) }));
  return out;
}

function phasePath(phase: string): string {
  return phase === 'briefing' ? '/preparation' : `/phases/${phase}`;
}
