import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/fixtures.ts';

/** src/core runs in Node, in the CLI and in tests exactly as in the browser: it may not reach the view. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}
const files = sources(join(ROOT, 'src', 'core'));
const code = (file: string) =>
  readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1');

describe('the core stays pure', () => {
  it('has sources to check', () => expect(files.length).toBeGreaterThan(20));

  it('imports nothing from phaser, howler, i18next, the DOM or the view layers', () => {
    const offenders = files.filter((f) =>
      /from\s+['"](phaser|howler|i18next[^'"]*|.*\/(game|adapters|i18n)\/[^'"]*)['"]/.test(code(f)),
    );
    expect(offenders).toEqual([]);
  });

  it('never reads hidden time or chance, nor browser globals', () => {
    const offenders = files.filter((f) =>
      /Math\.random\(|Date\.now\(|new Date\(\)|\b(window|document|localStorage|navigator)\./.test(code(f)),
    );
    expect(offenders).toEqual([]);
  });
});
