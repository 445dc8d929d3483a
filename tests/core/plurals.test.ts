import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliResources } from '../../src/cli/cli-resources.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { gameResources } from '../../src/i18n/game-resources.ts';
import { ROOT } from '../support/fixtures.ts';

const game = {
  fr: createI18n('fr', gameResources).getFixedT('fr', 'game'),
  en: createI18n('en', gameResources).getFixedT('en', 'game'),
};
const cli = { fr: createI18n('fr', cliResources).getFixedT('fr'), en: createI18n('en', cliResources).getFixedT('en') };

describe('counts are told with i18next plurals, never « (s) »', () => {
  it('no interface string writes a plural as « (s) »', () => {
    const dir = join(ROOT, 'src', 'locales');
    for (const ns of readdirSync(dir))
      for (const lang of ['fr', 'en'])
        expect(readFileSync(join(dir, ns, `${lang}.json`), 'utf8'), `${ns}/${lang}`).not.toMatch(/\w\((e?s|x)\)/);
  });

  it("the debrief's points: one point, several points", () => {
    expect(game.fr('debrief.points', { points: '1', max: '1', count: 1 })).toBe('1 sur 1 point');
    expect(game.fr('debrief.points', { points: '2,5', max: '4', count: 4 })).toBe('2,5 sur 4 points');
    expect(game.en('debrief.points', { points: '1', max: '1', count: 1 })).toBe('1 of 1 point');
    expect(game.en('debrief.points', { points: '2', max: '3', count: 3 })).toBe('2 of 3 points');
  });

  it('an import: one or several attempts stored, skipped, unreadable', () => {
    expect(game.fr('storage.import.stored', { count: 1 })).toBe('1 tentative importée et enregistrée.');
    expect(game.fr('storage.import.stored', { count: 2 })).toBe('2 tentatives importées et enregistrées.');
    expect(game.fr('storage.import.skipped', { count: 1, reasons: 'x' })).toBe('1 ignorée\u00a0: x.');
    expect(game.fr('storage.import.skipped', { count: 3, reasons: 'x' })).toBe('3 ignorées\u00a0: x.');
    expect(game.fr('storage.import.reason.invalid', { count: 2 })).toBe('2 illisibles');
    expect(game.en('storage.import.stored', { count: 1 })).toBe('1 attempt imported and saved.');
    expect(game.fr('library.brokenMore', { count: 1 })).toBe('… et 1 autre erreur');
    expect(game.en('library.brokenMore', { count: 2 })).toBe('… and 2 more errors');
  });

  it("the command line's validation summary and the calculator", () => {
    const summary = (t: typeof cli.fr, valid: number, total: number, errors: number) =>
      t('cli:validate.summary', { count: valid, total, errors: t('cli:validate.errors', { count: errors }) });
    expect(summary(cli.fr, 1, 4, 3)).toBe('1 scénario valide sur 4\u202f; 3 erreurs.');
    expect(summary(cli.fr, 4, 4, 0)).toBe('4 scénarios valides sur 4\u202f; 0 erreur.');
    expect(summary(cli.en, 1, 1, 1)).toBe('1 valid scenario out of 1; 1 error.');
    expect(summary(cli.en, 2, 3, 2)).toBe('2 valid scenarios out of 3; 2 errors.');
    expect(cli.fr('calc:split.perDay', { count: 1, days: '1' })).toBe('Soit par jour (sur 1 jour)');
    expect(cli.en('calc:split.perMonth', { count: 36, months: '36' })).toBe('Per month (over 36 months)');
    expect(cli.en('diagnostics:codes.NS027', { count: 1 })).toBe('List too short: at least 1 item.');
  });
});
