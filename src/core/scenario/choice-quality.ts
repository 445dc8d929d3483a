import type { SkillEvidence } from './format.ts';

export type ChoiceQuality = 'good' | 'neutral' | 'poor';
export type PolarityOf = (skillId: string) => 'positive' | 'negative' | undefined;

/**
 * A choice is poor when it shows a poor habit or misses an expected skill; good when it shows
 * at least one good skill; neutral otherwise. Derived from the evidence rather than declared,
 * so an author cannot label a choice "good" that the scoring treats as a mistake.
 */
export function choiceQuality(skills: readonly SkillEvidence[] | undefined, polarityOf: PolarityOf): ChoiceQuality {
  const list = skills ?? [];
  if (list.some((e) => e.missed || polarityOf(e.skill) === 'negative')) return 'poor';
  if (list.some((e) => polarityOf(e.skill) === 'positive')) return 'good';
  return 'neutral';
}
