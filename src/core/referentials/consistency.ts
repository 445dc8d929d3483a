import type { ReferentialPack, SkillTaxonomy } from './formats.ts';

/**
 * What a schema cannot say about a pack: that it maps every skill of the taxonomy to
 * competences it declares, that marked weights add up to 1 and that levels rise from 0.
 * Returned as sentences for the developer who edits the data; tests require an empty list.
 */
export function packProblems(pack: ReferentialPack, taxonomy: SkillTaxonomy): string[] {
  const problems: string[] = [];
  const codes = new Set(pack.competences.map((c) => c.code));
  const groups = new Set(pack.groups.map((g) => g.id));
  for (const c of pack.competences)
    if (!groups.has(c.group)) problems.push(`${pack.id}: competence ${c.code} is in unknown group ${c.group}`);
  for (const skill of taxonomy.skills) {
    const map = pack.skillMap[skill.id];
    if (!map || Object.keys(map).length === 0) problems.push(`${pack.id}: skill ${skill.id} counts for no competence`);
  }
  for (const [skill, map] of Object.entries(pack.skillMap)) {
    if (!taxonomy.skills.some((s) => s.id === skill))
      problems.push(`${pack.id}: skill ${skill} is not in the taxonomy`);
    for (const code of Object.keys(map))
      if (!codes.has(code)) problems.push(`${pack.id}: skill ${skill} counts for unknown competence ${code}`);
  }
  const total = pack.competences.reduce((sum, c) => sum + c.weight, 0);
  if (Math.abs(total - 1) > 1e-9) problems.push(`${pack.id}: marked weights add up to ${total}, not 1`);
  const mins = pack.levels.map((l) => l.min);
  if (mins[0] !== 0 || mins.some((m, i) => i > 0 && m <= (mins[i - 1] ?? 0)))
    problems.push(`${pack.id}: level thresholds must start at 0 and rise`);
  return problems;
}

export function taxonomyProblems(taxonomy: SkillTaxonomy): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const s of taxonomy.skills) {
    if (seen.has(s.id)) problems.push(`skill ${s.id} is listed twice`);
    seen.add(s.id);
  }
  return problems;
}
