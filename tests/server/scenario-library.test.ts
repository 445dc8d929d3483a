import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioLibrary } from '../../src/server/domain/scenario-library.ts';
import { ROOT } from '../support/fixtures.ts';

describe('the classroom server’s scenario library', () => {
  it('leaves a broken file out and logs each problem with its code and id-based path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'negosim-library-'));
    const text = readFileSync(join(ROOT, 'tests/fixtures/scenarios/mini-visit.json'), 'utf8');
    const doc = JSON.parse(text) as { phases: { discovery: { nodes: { choices: { next: string }[] }[] } } };
    doc.phases.discovery.nodes[0]!.choices[0]!.next = 'd-nowhere';
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(doc));
    writeFileSync(join(dir, 'mini-visit.json'), text);
    const logged: string[] = [];
    const library = loadScenarioLibrary(dir, (m) => logged.push(m));
    expect(logged).toEqual(['broken.json: NS031 /phases/discovery/nodes[d1]/choices[d1-open]/next']);
    expect(library.list().map((s) => s.id)).toEqual(['mini-visit']);
  });
});
