import { describe, expect, it } from 'vitest';
import { negosim } from '../support/run-cli.ts';

describe('negosim glossary', () => {
  it('prints each term with its definition, formula and worked example, in French by default', () => {
    const r = negosim(['glossary']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Taux de marque\n  La marge rapportée au prix de vente HT');
    expect(r.stdout).toContain('Formule — Taux de marque = marge ÷ prix de vente HT × 100');
    expect(r.stdout).toContain('Ristourne / RFA');
    expect(r.stdout).toMatch(/plancher 85,71\s€ HT/);
  });

  it('in English, and as JSON', () => {
    const en = negosim(['glossary', '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Taux de marque (margin rate, on the selling price)');
    const json = negosim(['glossary', '--json']);
    const entries = JSON.parse(json.stdout) as { id: string; formula: string | null }[];
    expect(entries.find((e) => e.id === 'escompte')?.formula).toContain('net commercial');
  });

  it('refuses an unknown option with the usage (exit 2)', () => {
    const r = negosim(['glossary', '--nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('negosim glossary');
  });
});
