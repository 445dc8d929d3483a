import { describe, expect, it } from 'vitest';
import { loadScenarioDocument } from '../../src/core/scenario/load.ts';
import { baseScenario } from '../support/error-examples.ts';
import { applyPatch, type PatchOp } from '../support/json-patch.ts';
import { skills } from '../support/referentials.ts';

const GOOD = '/phases/prospection/nodes/0/choices/0'; // p1-agenda: a good choice
const POOR = '/phases/prospection/nodes/0/choices/1'; // p1-pitch: a poor one, with a better alternative

function suggestions(patch: PatchOp[]): Record<string, string> {
  const { diagnostics } = loadScenarioDocument(applyPatch(baseScenario(), patch), skills);
  return Object.fromEntries(diagnostics.map((d) => [`${d.path} ${d.code}`, String(d.params.suggestion ?? '')]));
}
const skillAt = (choice: string, value: string): PatchOp => ({
  op: 'replace',
  path: `${choice}/skills/0/skill`,
  value,
});

describe('"did you mean" suggestions', () => {
  it('a misspelt poor habit is never "corrected" into a good skill', () => {
    const found = suggestions([skillAt(POOR, 'contact.self-introduction-skipped')]);
    const suggestion = found[`${POOR}/skills/0/skill NS032`] ?? '';
    expect(suggestion === '' || skills.polarity(suggestion) === 'negative').toBe(true);
    expect(suggestions([skillAt(POOR, 'contact.premature-pitchs')])).toEqual({
      [`${POOR}/skills/0/skill NS032`]: 'contact.premature-pitch',
    });
  });

  it('a misspelt missed skill is looked for among the good ones', () => {
    const missed: PatchOp = { op: 'add', path: `${GOOD}/skills/0/missed`, value: true };
    expect(suggestions([skillAt(GOOD, 'contact.premature-pitchs'), missed])[`${GOOD}/skills/0/skill NS032`]).toBe('');
    expect(suggestions([skillAt(GOOD, 'contact.greetings')])[`${GOOD}/skills/0/skill NS032`]).toBe('contact.greeting');
  });

  it('the French and English labels are searched too', () => {
    expect(suggestions([skillAt(GOOD, 'contact.presentation-de-soi')])[`${GOOD}/skills/0/skill NS032`]).toBe(
      'contact.self-introduction',
    );
    expect(suggestions([skillAt(GOOD, 'contact.personalised-hook')])[`${GOOD}/skills/0/skill NS032`]).toBe(
      'contact.hook',
    );
  });

  it('an ending id written with capitals and underscores finds its ending', () => {
    const found = suggestions([
      { op: 'replace', path: '/persona/patience/ending', value: 'LOST_IRRITATED' },
      { op: 'replace', path: '/phases/closing/nodes/0/choices/1/next', value: 'END_LOST' },
    ]);
    expect(found).toEqual({
      '/persona/patience/ending NS043': 'lost-irritated',
      '/phases/closing/nodes/0/choices/1/next NS031': 'end-lost',
    });
  });
});
