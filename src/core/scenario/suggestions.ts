import type { SkillBook } from '../referentials/skill-book.ts';
import type { Skill } from '../referentials/formats.ts';

/**
 * "Did you mean …?" for an id that points at nothing. Ids are compared with case and `_`/`-`
 * folded (END_LOST_SOFT is end-lost-soft); a skill is also looked up by the words of its French
 * and English labels, and only among skills of the polarity the author meant, when that is known.
 */

/** The closest id by edit distance ('' when nothing is close). */
export function nearest(target: string, candidates: readonly string[]): string {
  const folded = fold(target);
  let best = '';
  let bestDistance = Math.max(3, Math.floor(target.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(folded, fold(c));
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * The skill an author most likely meant by `typed`: the closest id, else the skill whose labels
 * share most words with it. `polarity`, when known, keeps a misspelt poor habit from being
 * "corrected" into a good skill (and the reverse).
 */
export function nearestSkill(typed: string, book: SkillBook, polarity?: 'positive' | 'negative'): string {
  const candidates = polarity ? book.all.filter((s) => s.polarity === polarity) : book.all;
  const byId = nearest(
    typed,
    candidates.map((s) => s.id),
  );
  if (byId !== '') return byId;
  const [family = '', ...rest] = fold(typed).split('.');
  const words = significantWords(rest.join(' '));
  if (words.length === 0) return '';
  let best = '';
  let bestScore = 0;
  for (const skill of candidates) {
    const labelWords = significantWords(labelText(skill));
    const matched = words.filter((w) => labelWords.some((l) => sameWord(w, l))).length;
    if (matched < Math.max(1, Math.ceil(words.length / 2))) continue;
    const score = matched + (skill.id.startsWith(family + '.') ? 0.5 : 0);
    if (score > bestScore) {
      best = skill.id;
      bestScore = score;
    }
  }
  return best;
}

function labelText(skill: Skill): string {
  const label = skill.label as Record<string, string | undefined>;
  return [skill.id.split('.').slice(1).join(' '), ...Object.values(label)].join(' ');
}

/** Lower case, `_` as `-`: how ids are compared. */
function fold(s: string): string {
  return s.toLowerCase().replace(/_/g, '-');
}

function significantWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 3);
}

/** The same word, give or take an ending (présentation / presentations, reformulate / reformulation). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const stem = Math.min(a.length, b.length, 6);
  return stem >= 5 && a.slice(0, stem) === b.slice(0, stem);
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}
