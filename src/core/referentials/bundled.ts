import skillsJson from '../../../scenarios/referentials/skills.json';
import nrcJson from '../../../scenarios/referentials/nrc.json';
import ndrcJson from '../../../scenarios/referentials/ndrc.json';
import { ReferentialPackSchema, SkillTaxonomySchema, type ReferentialPack, type SkillTaxonomy } from './formats.ts';

/**
 * The taxonomy and packs shipped with NegoSim. They are parsed once, here, so every consumer
 * (game, CLI, checks) sees the same validated data; tests/core/referentials.test.ts keeps the
 * files valid and consistent, so a parse failure here means a broken build, not user input.
 */
export const taxonomy: SkillTaxonomy = SkillTaxonomySchema.parse(skillsJson);

export const PACK_IDS = ['nrc', 'ndrc'] as const;
export type PackId = (typeof PACK_IDS)[number];
export const DEFAULT_PACK: PackId = 'nrc';

export const packs: Record<PackId, ReferentialPack> = {
  nrc: ReferentialPackSchema.parse(nrcJson),
  ndrc: ReferentialPackSchema.parse(ndrcJson),
};

export function isPackId(value: unknown): value is PackId {
  return typeof value === 'string' && (PACK_IDS as readonly string[]).includes(value);
}

const skillIndex = new Map(taxonomy.skills.map((s) => [s.id, s]));
export function skillById(id: string) {
  return skillIndex.get(id);
}
export const knownSkillIds: ReadonlySet<string> = new Set(skillIndex.keys());
