import type { ReferentialPack, SkillTaxonomy } from './formats.ts';

/** One thing a schema cannot say about a pack, with what the message needs. */
export type PackProblem =
  | { rule: 'unknown-group'; code: string; group: string }
  | { rule: 'skill-unmapped'; skill: string }
  | { rule: 'skill-unknown'; skill: string }
  | { rule: 'competence-unknown'; skill: string; code: string }
  | { rule: 'weights'; total: number }
  | { rule: 'levels' };

/**
 * What a schema cannot say about a pack: that it maps every skill of the taxonomy to
 * competences it declares, that marked weights add up to 1 and that levels rise from 0.
 */
export function packProblems(pack: ReferentialPack, taxonomy: SkillTaxonomy): PackProblem[] {
  const problems: PackProblem[] = [];
  const codes = new Set(pack.competences.map((c) => c.code));
  const groups = new Set(pack.groups.map((g) => g.id));
  for (const c of pack.competences)
    if (!groups.has(c.group)) problems.push({ rule: 'unknown-group', code: c.code, group: c.group });
  const known = new Set(taxonomy.skills.map((s) => s.id));
  for (const skill of known) {
    const map = pack.skillMap[skill];
    if (!map || Object.keys(map).length === 0) problems.push({ rule: 'skill-unmapped', skill });
  }
  for (const [skill, map] of Object.entries(pack.skillMap)) {
    if (!known.has(skill)) problems.push({ rule: 'skill-unknown', skill });
    for (const code of Object.keys(map))
      if (!codes.has(code)) problems.push({ rule: 'competence-unknown', skill, code });
  }
  const total = pack.competences.reduce((sum, c) => sum + c.weight, 0);
  if (Math.abs(total - 1) > 1e-9) problems.push({ rule: 'weights', total: Math.round(total * 1000) / 1000 });
  const mins = pack.levels.map((l) => l.min);
  if (mins[0] !== 0 || mins.some((m, i) => i > 0 && m <= (mins[i - 1] ?? 0))) problems.push({ rule: 'levels' });
  return problems;
}

/** Skill ids listed more than once. */
export function taxonomyProblems(taxonomy: SkillTaxonomy): string[] {
  const seen = new Set<string>();
  const twice: string[] = [];
  for (const s of taxonomy.skills) {
    if (seen.has(s.id)) twice.push(s.id);
    seen.add(s.id);
  }
  return twice;
}
