import { describe, expect, it } from 'vitest';
import { calc, NBSP } from './calc-helpers.ts';

describe('negosim calc refuses bad input with one clear line and exit code 1', () => {
  it('a negative purchase price', async () => {
    const run = await calc('fr', 'margin', '--cost', '-80', '--price', '120');
    expect(run).toEqual({ code: 1, out: '', err: `Erreur${NBSP}: --cost ne peut pas être négatif (-80)` });
  });

  it('text where a number is expected, quoted with French guillemets', async () => {
    const run = await calc('fr', 'margin', '--cost', 'quatre-vingts', '--price', '120');
    expect(run).toEqual({
      code: 1,
      out: '',
      err: `Erreur${NBSP}: --cost attend un nombre, pas «${NBSP}quatre-vingts${NBSP}»`,
    });
  });

  it('the same error in English', async () => {
    const run = await calc('en', 'margin', '--cost', 'eighty', '--price', '120');
    expect(run).toEqual({ code: 1, out: '', err: 'Error: --cost expects a number, not "eighty"' });
  });

  it('a missing required option', async () => {
    const run = await calc('fr', 'invoice', '--discounts', '10');
    expect(run).toEqual({ code: 1, out: '', err: `Erreur${NBSP}: option obligatoire manquante${NBSP}: --gross` });
  });

  it('a discount of 100 % or more in the cascade, naming the step that is wrong', async () => {
    const run = await calc('fr', 'invoice', '--gross', '100', '--discounts', '10,120');
    expect(run.code).toBe(1);
    expect(run.err).toContain('--discounts');
    expect(run.err).toContain('(120)');
  });

  it('a minimum taux de marque of 100 % has no floor price', async () => {
    const run = await calc('en', 'floor', '--cost', '60', '--min-markup-rate', '100');
    expect(run).toEqual({ code: 1, out: '', err: 'Error: --min-markup-rate must stay below 100% (100)' });
  });

  it('a zero cost has no taux de marge', async () => {
    const run = await calc('en', 'margin', '--cost', '0', '--price', '10');
    expect(run).toEqual({ code: 1, out: '', err: 'Error: --cost must be above zero' });
  });

  it('an option without its value', async () => {
    const run = await calc('en', 'margin', '--cost', '--price', '10');
    expect(run).toEqual({ code: 1, out: '', err: 'Error: --cost needs a value' });
  });

  it('both --ht and --ttc, or a split over 2.5 months', async () => {
    expect((await calc('en', 'vat', '--ht', '1', '--ttc', '2')).code).toBe(1);
    expect((await calc('en', 'split', '--price', '10', '--months', '2.5')).err).toBe(
      'Error: --months expects a whole number (2.5)',
    );
  });

  it('every error is a single line on stderr, never a stack trace', async () => {
    for (const args of [
      ['margin', '--cost', 'NaN', '--price', '1'],
      ['invoice', '--gross', '1', '--discounts', '10,,5'],
      ['floor', '--cost', '1e3', '--min-markup-rate', '30'],
      ['split', '--price', '100', '--days', '0'],
    ]) {
      const run = await calc('fr', ...args);
      expect(run.code).toBe(1);
      expect(run.out).toBe('');
      expect(run.err.split('\n')).toHaveLength(1);
      expect(run.err).toMatch(/^Erreur\u00a0: /);
    }
  });
});

describe('negosim calc usage', () => {
  it('no subcommand prints the usage on stderr and exits 2', async () => {
    const run = await calc('fr');
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toContain('negosim calc margin');
  });

  it('an unknown subcommand is named, then the usage follows, exit 2', async () => {
    const run = await calc('en', 'discount');
    expect(run.code).toBe(2);
    expect(run.err.split('\n')[0]).toBe('Error: unknown subcommand "discount"');
    expect(run.err).toContain('negosim calc invoice');
  });

  it('an unknown option is a usage error, exit 2', async () => {
    const run = await calc('fr', 'margin', '--cost', '80', '--prix', '120');
    expect(run.code).toBe(2);
    expect(run.err).toContain('--prix');
  });

  it('--help prints the usage on stdout and exits 0, alone or after a subcommand', async () => {
    for (const args of [['--help'], ['margin', '--help'], ['-h']]) {
      const run = await calc('fr', ...args);
      expect(run.code).toBe(0);
      expect(run.err).toBe('');
      expect(run.out).toContain('negosim calc floor');
    }
  });
});
