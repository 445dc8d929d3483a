import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SCENARIO_BYTES } from '../../src/core/scenario/limits.ts';
import { oversizedScenarioChunks, precache, type BundledChunk } from '../../scripts/precache-plugin.ts';

const sizes: Record<string, number> = {
  '/site/scenarios/normal.json': 80_000,
  '/site/scenarios/huge.json': 50 * 1024 * 1024,
  '/site/scenarios/at-limit.json': MAX_SCENARIO_BYTES,
};
const chunk = (fileName: string, moduleIds: string[]): BundledChunk => ({ type: 'chunk', fileName, moduleIds });
const chunks = [
  chunk('assets/normal-a1.js', ['/site/scenarios/normal.json?raw']),
  chunk('assets/huge-b2.js', ['/site/scenarios/huge.json?raw']),
  chunk('assets/at-limit-c3.js', ['/site/scenarios/at-limit.json?raw']),
  chunk('assets/index-d4.js', ['/site/src/main.ts', '/site/scenarios/huge.json?raw']),
  { type: 'asset', fileName: 'assets/title.png' },
];

describe('the offline precache leaves out scenario files the game refuses for their size', () => {
  it('only a chunk made of over-limit scenario files is left out', () => {
    const left = oversizedScenarioChunks(chunks, (file) => sizes[file] ?? 0);
    expect([...left]).toEqual(['assets/huge-b2.js']);
  });

  it('precache.json lists every built file but that chunk', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'negosim-precache-'));
    mkdirSync(join(outDir, 'assets'));
    for (const c of chunks) writeFileSync(join(outDir, c.fileName), 'x');
    writeFileSync(join(outDir, 'sw.js'), 'const VERSION = "__NEGOSIM_SITE_VERSION__";');
    const plugin = precache();
    const hook = <T>(h: unknown) => (typeof h === 'function' ? h : (h as { handler: T }).handler) as T;
    hook<(c: { root: string; build: { outDir: string } }) => void>(plugin.configResolved)({
      root: '/',
      build: { outDir },
    });
    // The plugin measures the real scenario files: point the huge chunk at a real, over-limit file.
    const hugeFile = join(outDir, 'huge.json');
    writeFileSync(hugeFile, Buffer.alloc(MAX_SCENARIO_BYTES + 1, 0x20));
    const bundle = Object.fromEntries(
      chunks.map((c) => [
        c.fileName,
        c.fileName === 'assets/huge-b2.js' ? { ...c, moduleIds: [`${hugeFile}?raw`] } : { ...c, moduleIds: [] },
      ]),
    );
    hook<(o: unknown, b: unknown) => void>(plugin.generateBundle)({}, bundle);
    hook<() => void>(plugin.closeBundle)();
    const listed = (JSON.parse(readFileSync(join(outDir, 'precache.json'), 'utf8')) as { files: string[] }).files;
    expect(listed).toContain('assets/normal-a1.js');
    expect(listed).toContain('assets/title.png');
    expect(listed).not.toContain('assets/huge-b2.js');
    expect(readFileSync(join(outDir, 'sw.js'), 'utf8')).not.toContain('__NEGOSIM_SITE_VERSION__');
  });
});
