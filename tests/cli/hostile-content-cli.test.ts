import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPlay } from '../../src/cli/commands/play.ts';
import { terminalSafeIO, terminalText } from '../../src/cli/terminal-text.ts';
import { MAX_NESTING } from '../../src/core/scenario/limits.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { cliResources } from '../../src/cli/cli-resources.ts';
import { pack, refs } from '../support/referentials.ts';
import { baseScenario } from '../support/error-examples.ts';
import { ROOT } from '../support/fixtures.ts';
import { deepConditionPointer, deepConditionText } from '../support/hostile-json.ts';
import { applyPatch } from '../support/json-patch.ts';
import { negosim } from '../support/run-cli.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'negosim-hostile-'));
const CHOICE = '/phases/prospection/nodes/0/choices/0';
/** ESC, CSI (C1), BEL, carriage return, and the right-to-left override. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW_CONTROL = /[\u001b\u009b\u0007\r\u202e]/;

describe('negosim and hostile content', () => {
  it('validate: a condition 5,000 deep exits 1 with NS050 and the JSON path, and the other files are still checked', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'deep.json'), deepConditionText(baseScenario(), CHOICE, 5000));
    writeFileSync(join(dir, 'mini-visit.json'), JSON.stringify(baseScenario()));
    const r = negosim(['validate', '.'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`deep.json: ${deepConditionPointer(CHOICE, MAX_NESTING)}: NS050 `);
    expect(r.stderr).not.toMatch(/RangeError|Maximum call stack|at .*\.ts:\d+/);
    expect(r.stdout).toContain('mini-visit.json');
    expect(r.stdout).toContain('1 scénario valide sur 2');
  });

  it('validate: duplicate keys, control characters and a 200,000-character label are refused with their codes', () => {
    const dir = tmp();
    const base = JSON.stringify(baseScenario());
    writeFileSync(join(dir, 'a.json'), base.replace('"formatVersion":2', '"formatVersion":1,"formatVersion":2'));
    writeFileSync(
      join(dir, 'b.json'),
      JSON.stringify(applyPatch(baseScenario(), [{ op: 'replace', path: '/persona/name', value: 'X\u001b[2J' }])),
    );
    writeFileSync(
      join(dir, 'c.json'),
      JSON.stringify(
        applyPatch(baseScenario(), [{ op: 'replace', path: `${CHOICE}/text/fr`, value: 'A'.repeat(2e5) }]),
      ),
    );
    const r = negosim(['validate', 'a.json', 'b.json', 'c.json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('a.json: /formatVersion: NS051 ');
    expect(r.stderr).toContain('b.json: /persona/name: NS053 ');
    // Named by ids, as every diagnostic: the prospection's first node p1, its choice p1-agenda.
    expect(r.stderr).toContain('c.json: /phases/prospection/nodes[p1]/choices[p1-agenda]/text/fr: NS052 ');
    expect(r.stderr.length).toBeLessThan(2000); // the label is not echoed
    expect(r.stderr).not.toMatch(RAW_CONTROL);
  });

  it('validate: a copy sorting first does not take the id from the file named after it', () => {
    const dir = tmp();
    const doc = JSON.stringify(baseScenario());
    writeFileSync(join(dir, 'aaa-copie.json'), doc);
    writeFileSync(join(dir, 'mini-visit.json'), doc);
    const r = negosim(['validate', '.'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('aaa-copie.json: /meta/id: NS007 ');
    expect(r.stderr).not.toContain('mini-visit.json: /meta/id');
    expect(r.stdout).toContain('mini-visit.json');
  });

  it('graph: markup in a line stays text in Mermaid (entity codes) and in Graphviz (quoted, backslashes doubled)', () => {
    const dir = tmp();
    const line = '<img src=x onerror="a()"> & #quot; `c` \\N'; // under the 48 characters a label shows
    writeFileSync(
      join(dir, 'mini-visit.json'),
      JSON.stringify(
        applyPatch(baseScenario(), [{ op: 'replace', path: '/phases/prospection/nodes/0/text/fr', value: line }]),
      ),
    );
    const mermaid = negosim(['graph', 'mini-visit.json'], { cwd: dir });
    expect(mermaid.code).toBe(0);
    const p1 = mermaid.stdout.split('\n').find((l) => l.includes('n_p1[')) ?? '';
    expect(p1).toContain('"p1: #lt;img src=x onerror=#quot;a()#quot;#gt; #amp; #35;quot; #96;c#96; \\N"]');
    expect(mermaid.stdout).not.toMatch(/<img|onerror="/);
    const dot = negosim(['graph', 'mini-visit.json', '--format', 'dot'], { cwd: dir }).stdout;
    expect(dot).toContain('"p1: <img src=x onerror=\\"a()\\"> & #quot; `c` \\\\N"');
  });

  it('play: a file name holding escape sequences is written visibly, never as terminal commands', async () => {
    const lines: string[] = [];
    const io = { cwd: tmp(), out: (s: string) => lines.push(s), err: (s: string) => lines.push(s) };
    const file = 'scénario\u001b[2J\u001b]8;;https://x.example\u0007lien.json';
    const code = await runPlay(
      { file, choices: 'a', pack: pack('nrc'), seed: 1, json: false, lang: 'fr' },
      io,
      createI18n('fr', cliResources).t,
      refs,
    );
    expect(code).toBe(1);
    expect(lines.join('\n')).toContain('scénario\\u001B[2J\\u001B]8;;https://x.example\\u0007lien.json: /: NS001');
    expect(lines.join('\n')).not.toMatch(RAW_CONTROL);
  });
});

describe('terminalText', () => {
  it('shows escape sequences, carriage returns, C1 controls, overrides and half characters as \\uXXXX', () => {
    expect(terminalText('a\u001b[31mb\rc\u009bd\u202ee\ud83df')).toBe('a\\u001B[31mb\\u000Dc\\u009Bd\\u202Ee\\uD83Df');
  });

  it('keeps what a terminal shows as text: accents, emoji, tabs, line breaks, no-break spaces', () => {
    const text = 'Chloé 😀\tligne\nsuite\u00a0: « ok »';
    expect(terminalText(text)).toBe(text);
  });

  it('keeps JSON output valid and equal: \\uXXXX is the JSON escape of the same character', () => {
    const value = { name: 'a\u202eb\u0085c' };
    const written: string[] = [];
    terminalSafeIO({ cwd: '.', out: (s) => written.push(s), err: () => undefined }).out(JSON.stringify(value));
    expect(written[0]).not.toMatch(/[\u202e\u0085]/);
    expect(JSON.parse(written[0] ?? '')).toEqual(value);
  });
});

it('the shipped example graph is unchanged in shape: one labelled line per node', () => {
  const r = negosim(['graph', join(ROOT, 'scenarios/premiere-visite-imprimante.json')]);
  expect(r.code).toBe(0);
  const doc = JSON.parse(readFileSync(join(ROOT, 'scenarios/premiere-visite-imprimante.json'), 'utf8')) as {
    phases: Record<string, { nodes: { id: string }[] }>;
  };
  for (const phase of Object.values(doc.phases))
    for (const n of phase.nodes)
      expect(r.stdout, n.id).toMatch(new RegExp(`n_${n.id.replace(/[^A-Za-z0-9_]/g, '_')}\\["`));
});
