import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog, type CatalogEntry } from '../../src/game/catalog/scenario-catalog.ts';
import { baseScenario } from '../support/error-examples.ts';
import { ROOT } from '../support/fixtures.ts';
import { deepConditionText } from '../support/hostile-json.ts';
import { applyPatch } from '../support/json-patch.ts';
import { skills } from '../support/referentials.ts';

const good = readFileSync(join(ROOT, 'tests/fixtures/scenarios/mini-visit.json'), 'utf8');
const withId = (id: string, ops: Parameters<typeof applyPatch>[1] = []) =>
  JSON.stringify(applyPatch(baseScenario(), [{ op: 'replace', path: '/meta/id', value: id }, ...ops]));
const codesOf = (e: CatalogEntry | undefined) => (e && !e.ok ? e.diagnostics.map((d) => d.code) : []);

describe('the scenario library: one file can never take the game down', () => {
  it('a scenario nested 5,000 deep is one coded card; every other scenario still loads', async () => {
    const entries = await loadCatalog(
      {
        '/scenarios/a-deep.json': () =>
          Promise.resolve(
            deepConditionText(JSON.parse(withId('a-deep')), '/phases/prospection/nodes/0/choices/0', 5000),
          ),
        '/scenarios/b-good.json': () => Promise.resolve(withId('b-good')),
        '/scenarios/c-good.json': () => Promise.resolve(withId('c-good')),
      },
      skills,
    );
    expect(entries.map((e) => [e.id, e.ok])).toEqual([
      ['a-deep', false],
      ['b-good', true],
      ['c-good', true],
    ]);
    expect(codesOf(entries[0])).toEqual(['NS050']);
  });

  it('never rejects, whatever a source does: throw, reject, or hand over something that is not text', async () => {
    const hostile = {
      toString() {
        throw new Error('not text');
      },
    } as unknown as string;
    const entries = await loadCatalog(
      {
        '/scenarios/a.json': () => {
          throw new Error('thrown before any promise');
        },
        '/scenarios/b.json': () => Promise.reject(new Error('network down')),
        '/scenarios/c.json': () => Promise.resolve(hostile),
        '/scenarios/d.json': () => Promise.resolve(good),
      },
      skills,
    );
    expect(entries.map((e) => codesOf(e))).toEqual([['NS001'], ['NS001'], ['NS001'], []]);
    expect(entries[3]?.ok).toBe(true);
  });

  it('a valid scenario a student could not finish (a node without choices) is refused with NS102 and its title', async () => {
    const stuck = withId('stuck', [
      {
        op: 'add',
        path: '/phases/closing/nodes/-',
        value: { id: 'c-stuck', speaker: 'client', text: { fr: 'Texte.', en: 'Text.' }, choices: [] },
      },
      { op: 'replace', path: '/phases/closing/nodes/0/choices/2/next', value: 'c-stuck' },
    ]);
    const entries = await loadCatalog(
      {
        '/scenarios/stuck.json': () => Promise.resolve(stuck),
        '/scenarios/mini-visit.json': () => Promise.resolve(good),
      },
      skills,
    );
    const [playable, refused] = entries; // sorted by file name
    expect(refused).toMatchObject({
      ok: false,
      id: 'stuck',
      title: (JSON.parse(stuck) as { meta: { title: object } }).meta.title,
    });
    expect(refused && !refused.ok ? refused.diagnostics : []).toEqual([
      expect.objectContaining({ code: 'NS102', path: '/phases/closing/nodes/1', params: { id: 'c-stuck' } }),
    ]);
    expect(playable?.ok).toBe(true);
  });

  it('when no file is named after a shared id, every one of them is refused', async () => {
    const entries = await loadCatalog(
      {
        '/scenarios/a.json': () => Promise.resolve(good),
        '/scenarios/b.json': () => Promise.resolve(good),
      },
      skills,
    );
    expect(entries.map(codesOf)).toEqual([['NS007'], ['NS007']]);
  });

  it('reports progress once per file, failures included', async () => {
    const seen: string[] = [];
    await loadCatalog(
      {
        '/scenarios/a.json': () => Promise.reject(new Error('x')),
        '/scenarios/mini-visit.json': () => Promise.resolve(good),
      },
      skills,
      (done, total) => seen.push(`${done}/${total}`),
    );
    expect(seen.sort()).toEqual(['1/2', '2/2']);
  });
});
