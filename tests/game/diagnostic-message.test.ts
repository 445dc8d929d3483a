import { describe, expect, it } from 'vitest';
import { diagnostic } from '../../src/core/diagnostics/codes.ts';
import { withIdPaths } from '../../src/core/diagnostics/id-paths.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { gameResources } from '../../src/i18n/game-resources.ts';
import { diagnosticMessage, diagnosticPlace } from '../../src/present/diagnostics.ts';

/**
 * What the library's card for a refused scenario says of each problem: the same message as
 * `negosim validate`, with amounts as money, NS045's rule spelt out and the path by ids.
 */
const t = createI18n('fr', gameResources).t;

describe('a refused scenario’s problems, as the library card writes them', () => {
  it('NS046 gives the reservation and the floor as money in the reader’s language', () => {
    const d = diagnostic('NS046', '/phases/closing/negotiation/client/targets/unitPrice/reservation', {
      price: 26.4,
      floor: 26.67,
    });
    const fr = diagnosticMessage(d, t, 'fr');
    expect(fr).toContain('26,40\u00a0€ HT');
    expect(fr).toContain('26,67\u00a0€ HT');
    expect(fr).toMatch(/^\[attention\] /);
    const en = diagnosticMessage(d, t, 'en');
    expect(en).toContain('€26.40 excl. VAT');
    expect(en).toContain('€26.67 excl. VAT');
  });

  it('NS045 says which rule of the negotiation is broken, not an empty detail', () => {
    const d = diagnostic('NS045', '/phases/closing/negotiation/items', { rule: 'min-above-max' });
    expect(diagnosticMessage(d, t, 'fr')).toBe('Négociation incohérente\u00a0: le minimum dépasse le maximum.');
    expect(diagnosticMessage(d, t, 'en')).toBe('Inconsistent negotiation: the minimum is above the maximum.');
  });

  it('NS021 names the types in words, not as the schema library spells them', () => {
    const d = diagnostic('NS021', '/meta/title', { expected: 'record | string', received: 'number' });
    expect(diagnosticMessage(d, t, 'fr')).toBe(
      'Type incorrect\u00a0: attendu un objet { … } ou un texte, reçu un nombre.',
    );
    expect(diagnosticMessage(d, t, 'en')).toBe('Wrong type: expected an object { … } or a text, found a number.');
  });

  it('the place is the id-based path, and "/" for the whole file', () => {
    const doc = { phases: { discovery: { nodes: [{ id: 'd1', choices: [{ id: 'd1-open' }] }] } } };
    const [named] = withIdPaths([diagnostic('NS031', '/phases/discovery/nodes/0/choices/0/next')], doc);
    expect(diagnosticPlace(named!)).toBe('/phases/discovery/nodes[d1]/choices[d1-open]/next');
    expect(diagnosticPlace(diagnostic('NS002', ''))).toBe('/');
  });
});
