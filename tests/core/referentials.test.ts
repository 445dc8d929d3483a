import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import skillsJson from '../../scenarios/referentials/skills.json';
import { SkillTaxonomySchema } from '../../src/core/referentials/formats.ts';
import { pack, refs } from '../support/referentials.ts';

const taxonomy = SkillTaxonomySchema.parse(skillsJson);
import { packProblems, taxonomyProblems } from '../../src/core/referentials/consistency.ts';
import { ROOT } from '../support/fixtures.ts';

describe('the skill taxonomy and the referential packs', () => {
  it('every skill has a stable dotted id, a polarity and a French and English label and description', () => {
    expect(taxonomyProblems(taxonomy)).toEqual([]);
    for (const s of taxonomy.skills) {
      expect(s.id).toMatch(
        /^(preparation|prospection|contact|discovery|argument|objection|price|negotiation|closing|followup|ethics|relation)\.[a-z0-9-]+$/,
      );
      expect(s.label.fr && s.label.en && s.description.fr && s.description.en, s.id).toBeTruthy();
    }
  });

  it('includes the skills the method names, good and poor', () => {
    const ids = new Set(taxonomy.skills.map((s) => s.id));
    for (const id of [
      'contact.agenda-announced',
      'discovery.open-question',
      'discovery.reformulation',
      'discovery.budget-asked',
      'argument.cap-personalised',
      'objection.isolate',
      'price.sandwich',
      'closing.buying-signal-seized',
      'followup.next-step-fixed',
    ])
      expect(taxonomy.skills.find((s) => s.id === id)?.polarity, id).toBe('positive');
    for (const id of [
      'objection.frontal-contradiction',
      'negotiation.concession-without-counterpart',
      'ethics.false-promise',
    ])
      expect(taxonomy.skills.find((s) => s.id === id)?.polarity, id).toBe('negative');
    expect(ids.size).toBe(taxonomy.skills.length);
  });

  it('each pack maps every skill to competences it declares, with marked weights adding up to 1', () => {
    for (const pack of refs.packs) expect(packProblems(pack, taxonomy), pack.id).toEqual([]);
  });

  it('NDRC marks the seven client-visit criteria of bloc 1 and the prospection criteria where they apply; NRC marks C31–C33 and shows the function I tasks unmarked', () => {
    expect(pack('ndrc').competences.map((c) => c.code)).toEqual([
      'CP2',
      'CP4',
      'CP6',
      'CP7',
      'CP8',
      'CP9',
      'CP10',
      'CP11',
      'CP12',
    ]);
    // The prospection criteria count only where a scenario exercises them (a phone prospection).
    expect(
      pack('ndrc')
        .competences.filter((c) => c.optional)
        .map((c) => c.code),
    ).toEqual(['CP2', 'CP4']);
    expect(pack('ndrc').competences.map((c) => c.title.fr)).toContain('Respect des engagements');
    expect(
      pack('nrc')
        .competences.filter((c) => c.weight > 0)
        .map((c) => c.code),
    ).toEqual(['C31', 'C32', 'C33']);
    expect(pack('nrc').competences.filter((c) => c.weight === 0).length).toBe(8);
  });

  it('the packs say plainly that their weights are not official', () => {
    for (const pack of refs.packs) {
      expect(pack.official.weights).toBe(false);
      expect(pack.disclaimer.fr).toMatch(/pas|proposition/);
      expect(pack.levels.map((l) => l.label.fr)).toEqual([
        'Non acquis',
        "En cours d'acquisition",
        'Acquis',
        'Maîtrisé',
      ]);
    }
  });

  it('the shipped JSON files are the ones the game uses (no second copy)', () => {
    const onDisk = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'referentials', 'nrc.json'), 'utf8')) as {
      competences: unknown[];
    };
    expect(onDisk.competences.length).toBe(pack('nrc').competences.length);
    expect(refs.packs.map((p) => p.id)).toEqual(['ndrc', 'nrc']);
  });
});
