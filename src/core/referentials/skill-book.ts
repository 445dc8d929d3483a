import type { PolarityOf } from '../scenario/choice-quality.ts';
import type { Skill, SkillTaxonomy } from './formats.ts';

/**
 * The skill taxonomy as the rules read it. Built once from the taxonomy file by whoever loads
 * the referentials (the game's boot, the CLI, the server, a test) and passed along with the
 * scenario: nothing in the core reads a module-level list of skills.
 */
export interface SkillBook {
  readonly all: readonly Skill[];
  get(id: string): Skill | undefined;
  polarity: PolarityOf;
}

export function skillBook(taxonomy: SkillTaxonomy): SkillBook {
  const byId = new Map(taxonomy.skills.map((s) => [s.id, s]));
  return {
    all: taxonomy.skills,
    get: (id) => byId.get(id),
    polarity: (id) => byId.get(id)?.polarity,
  };
}
