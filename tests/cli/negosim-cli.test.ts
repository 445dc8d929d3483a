import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/fixtures.ts';
import { negosim } from '../support/run-cli.ts';

const EXAMPLE = 'scenarios/premiere-visite-imprimante.json';
const tmp = () => mkdtempSync(join(tmpdir(), 'negosim-cli-'));

describe('the negosim command, end to end', () => {
  it('validate: the shipped scenarios are valid (exit 0) and each one is listed', () => {
    const r = negosim(['validate', 'scenarios/']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('premiere-visite-imprimante');
    expect(r.stderr).toBe('');
  });

  it('validate: one shape error and two dangling references are printed in one run', () => {
    const dir = tmp();
    const doc = JSON.parse(readFileSync(join(ROOT, EXAMPLE), 'utf8')) as {
      phases: { discovery: { nodes: { choices: { text: unknown; next: string }[] }[] } };
    };
    const [first, second, third] = doc.phases.discovery.nodes;
    first!.choices[0]!.text = 42;
    second!.choices[0]!.next = 'd-nowhere';
    third!.choices[1]!.next = 'a-nowhere';
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(doc));
    const r = negosim(['validate', 'broken.json'], { cwd: dir });
    expect(r.code).toBe(1);
    // Exactly the three problems, each named by the ids an author searches for in the file.
    expect(
      r.stderr
        .trimEnd()
        .split('\n')
        .map((l) => l.split(': NS')[0]),
    ).toEqual([
      'broken.json: /phases/discovery/nodes[d-open]/choices[d-open-question]/text',
      'broken.json: /phases/discovery/nodes[d-details]/choices[d-relance]/next',
      'broken.json: /phases/discovery/nodes[d-budget]/choices[d-no-budget]/next',
    ]);
    expect(r.stderr).toContain('/text: NS021 ');
    expect(r.stderr).toContain('/choices[d-relance]/next: NS031 Ce lien mène à «\u00a0d-nowhere\u00a0»');
    expect(r.stderr).toContain('/choices[d-no-budget]/next: NS031 Ce lien mène à «\u00a0a-nowhere\u00a0»');
    expect(r.stdout).toContain('3 erreurs');
    expect(r.stderr).not.toMatch(/at .*\.(ts|js|mjs):\d+/);
  });

  it('validate: a choice pointing to a missing node gives exit 1 and `file: /json/path: CODE message`', () => {
    const dir = tmp();
    const doc = JSON.parse(readFileSync(join(ROOT, EXAMPLE), 'utf8')) as {
      phases: { discovery: { nodes: { choices: { next: string }[] }[] } };
    };
    doc.phases.discovery.nodes[0]!.choices[0]!.next = 'd-nowhere';
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(doc));
    const r = negosim(['validate', 'broken.json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('broken.json: /phases/discovery/nodes[d-open]/choices[d-open-question]/next: NS031 ');
    expect(r.stderr).toContain('«\u00a0d-nowhere\u00a0»');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // never a stack trace
  });

  it('validate: one broken file never stops the others from being checked', () => {
    const dir = tmp();
    copyFileSync(join(ROOT, EXAMPLE), join(dir, 'a-good.json'));
    writeFileSync(join(dir, 'b-not-json.json'), '{ "formatVersion": 1, ');
    writeFileSync(join(dir, 'c-empty.json'), '');
    writeFileSync(join(dir, 'd-future.json'), '{ "formatVersion": 9 }');
    const r = negosim(['validate', '.'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('a-good.json');
    expect(r.stderr).toContain('b-not-json.json: /: NS003');
    expect(r.stderr).toContain('c-empty.json: /: NS002');
    expect(r.stderr).toContain('d-future.json: /formatVersion: NS011');
    expect(r.stdout).toContain('1 scénario valide sur 4');
  });

  it('validate: a 50 MB file and a folder without scenarios each get a clear error', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'huge.json'), Buffer.alloc(50 * 1024 * 1024, 32));
    mkdirSync(join(dir, 'empty'));
    const r = negosim(['validate', 'huge.json', 'empty'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('huge.json: /: NS004 Fichier trop volumineux (52\u202f428\u202f800 octets');
    expect(r.stderr).toContain('empty: /: NS006');
  });

  it('check --json prints the fields authors and tools rely on', () => {
    const r = negosim(['check', EXAMPLE, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Record<string, unknown>;
    for (const field of [
      'id',
      'nodes',
      'endings',
      'unreachableNodes',
      'deadEnds',
      'unreachableEndings',
      'paths',
      'bestScore',
      'worstScore',
      'bestPath',
      'worstPath',
    ])
      expect(report, field).toHaveProperty(field);
    expect(report.id).toBe('premiere-visite-imprimante');
    expect(typeof report.paths).toBe('string');
    expect(report.unreachableNodes).toEqual([]);
  });

  it('check names a problem by ids on its line, and --json keeps the RFC 6901 pointer in path beside idPath', () => {
    const dir = tmp();
    const doc = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/scenarios/mini-visit.json'), 'utf8')) as {
      phases: { discovery: { nodes: unknown[] } };
    };
    const orphan = { id: 'd-orphan', speaker: 'client', text: { fr: 'Tiens.', en: 'Well.' }, choices: [] };
    const go = { id: 'd-orphan-go', text: orphan.text, feedback: orphan.text, next: 'a1' };
    doc.phases.discovery.nodes.push({ ...orphan, choices: [go] });
    writeFileSync(join(dir, 'orphan.json'), JSON.stringify(doc));
    const text = negosim(['check', 'orphan.json'], { cwd: dir });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('orphan.json: /phases/discovery/nodes[d-orphan]: NS101 ');
    const json = JSON.parse(negosim(['check', 'orphan.json', '--json'], { cwd: dir }).stdout) as {
      diagnostics: { code: string; path: string; idPath: string; message: string }[];
    };
    expect(json.diagnostics.find((d) => d.code === 'NS101')).toMatchObject({
      path: '/phases/discovery/nodes/2',
      idPath: '/phases/discovery/nodes[d-orphan]',
    });
    // Every diagnostic has both, even where they read the same.
    for (const d of json.diagnostics) expect(typeof d.idPath, d.code).toBe('string');
  });

  it('check on an expected-playthroughs file says what the file is (NS057), not that a scenario is too new', () => {
    const r = negosim(['check', 'scenarios/premiere-visite-imprimante.playthroughs.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('premiere-visite-imprimante.playthroughs.json: /: NS057 ');
    expect(r.stderr).toContain('(premiere-visite-imprimante.json)');
    expect(r.stderr).not.toContain('NS011');
  });

  it('play --choices <bestPath> --json gives a mark equal to check’s bestScore, under both referentials', () => {
    for (const referential of ['nrc', 'ndrc']) {
      const check = JSON.parse(negosim(['check', EXAMPLE, '--json', '--referential', referential]).stdout) as {
        bestScore: number;
        bestPath: unknown[];
      };
      const r = negosim([
        'play',
        EXAMPLE,
        '--choices',
        JSON.stringify(check.bestPath),
        '--json',
        '--referential',
        referential,
      ]);
      expect(r.code).toBe(0);
      const ev = JSON.parse(r.stdout) as {
        mark: number;
        competences: { code: string; level: string | null; occasions: number }[];
        phases: unknown[];
        outcome: { kind: string };
      };
      expect(ev.mark).toBe(check.bestScore);
      expect(ev.outcome.kind).toBe('sale');
      // A competence the visit gave occasions to has a level; one it never exercised (NDRC's
      // optional prospection criteria in a field visit) has none rather than a made-up one.
      const exercised = ev.competences.filter((c) => c.occasions > 0);
      expect(exercised.length).toBeGreaterThan(0);
      for (const c of exercised) expect(c.level, c.code).toEqual(expect.any(String));
      for (const c of ev.competences.filter((x) => x.occasions === 0)) expect(c.level, c.code).toBeNull();
      expect(ev.phases.length).toBeGreaterThan(0);
    }
  });

  it('play prints a readable transcript with feedback and the better alternative after a poor choice', () => {
    const r = negosim([
      'play',
      EXAMPLE,
      '--choices',
      'prep-sell-max,prep-grid,p-disturb,p-recover-agenda,d-open-question',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('[Préparation]');
    expect(r.stdout).toContain('✗');
    expect(r.stdout).toContain('Mieux\u00a0: Fixer un objectif haut');
    expect(r.stdout).toMatch(/Note\u00a0: \d+(,\d)?\/20/);
  });

  it('play refuses a choice that is not offered at that point, with exit 1', () => {
    const r = negosim(['play', EXAMPLE, '--choices', 'prep-3-levels,prep-grid,f-crm']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('«\u00a0f-crm\u00a0» refusé');
  });

  it('play is interactive without --choices: numbered choices read from the keyboard, q to leave', () => {
    const r = negosim(['play', EXAMPLE, '--lang', 'en'], { input: '1\n1\n\nq\n' });
    expect(r.code).toBe(0);
    // The prompt goes to stderr, as a shell's `read -p` does; the visit itself to stdout.
    expect(r.stderr).toContain('Your choice (1-2, q to quit)');
    expect(r.stdout).toContain('Ending: visit abandoned');
    // With --json, stdout holds the evaluation alone, so a script can read it.
    const json = negosim(['play', EXAMPLE, '--lang', 'en', '--json'], { input: '1\n1\n\nq\n' });
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as { outcome: { kind: string } }).outcome.kind).toBe('left');
    expect(json.stderr).toContain('[Preparation] What objectives');
  });

  it('play: a visit with a negotiation step plays to its ending, and the evaluation carries the negotiation figures', () => {
    const toTable =
      'prep-3-levels,prep-grid,p-agenda,d-open-question,d-relance,d-budget-decision,d-summary,a-cap,o-prepared,o-isolate-compensate,c-alternative';
    // The reference seller plays the table, then the path goes on with the signature and the follow-up.
    const r = negosim([
      'play',
      EXAMPLE,
      '--choices',
      `${toTable},c-written,f-next-step,f-crm`,
      '--negotiator',
      'best',
      '--json',
      '--referential',
      'ndrc',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const ev = JSON.parse(r.stdout) as {
      path: unknown[];
      outcome: { kind: string; revenueHT: number; tauxDeMarque: number; negotiation: Record<string, unknown> };
    };
    expect(ev.outcome.kind).toBe('sale');
    expect(ev.outcome.negotiation).toMatchObject({ status: 'deal', belowFloor: false });
    for (const field of [
      'finalNetUnitPriceHt',
      'tauxDeMarque',
      'marginVsObjectivePoints',
      'marginVsFloorPoints',
      'shareOfPotentialPercent',
      'concessionsCount',
      'counterpartsObtained',
    ])
      expect(ev.outcome.negotiation).toHaveProperty(field);
    expect(ev.outcome.revenueHT).toBe(Number(ev.outcome.negotiation.revenueHt));
    expect(ev.outcome.tauxDeMarque).toBeGreaterThanOrEqual(35);
    // The printed path replays the same visit: its { nego } steps are real moves.
    expect(ev.path.some((step) => typeof step === 'object')).toBe(true);
    const again = negosim(['play', EXAMPLE, '--choices', JSON.stringify(ev.path), '--json', '--referential', 'ndrc']);
    expect((JSON.parse(again.stdout) as { outcome: unknown }).outcome).toEqual(ev.outcome);
  });

  it('play: after a scripted start the player takes over, and types the negotiation move by move', () => {
    const toTable =
      'prep-3-levels,prep-grid,p-agenda,d-open-question,d-relance,d-budget-decision,d-summary,a-cap,o-prepared,o-isolate-compensate,c-alternative';
    const typed =
      ['price fractioning', 'concede discountPercent=3 if commitmentMonths=36', 'leave', 'q'].join('\n') + '\n';
    const r = negosim(['play', EXAMPLE, '--choices', toTable], { input: typed });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Demande du client\u00a0: Remise 10\u00a0%');
    expect(r.stdout).toContain('Présentation du prix\u00a0: Fractionnement');
    expect(r.stdout).toContain("Si vous acceptez Durée d'engagement → 36\u00a0mois, alors Remise → 3\u00a0%");
    expect(r.stdout).toContain('Nadia Benali contre-propose');
    // Leaving the table without a deal leads to the scenario's no-deal node: a demonstration to book.
    expect(r.stdout).toContain('Nadia Benali refuse');
    expect(r.stdout).toContain("D'accord pour une démonstration.");
  });

  it('graph draws the dialogue by phase, endings marked and poor choices dashed (Mermaid and Graphviz)', () => {
    const mermaid = negosim(['graph', EXAMPLE]).stdout;
    expect(mermaid).toMatch(/^flowchart TD/);
    for (const phase of ['prospection', 'discovery', 'argument', 'objection', 'closing', 'followup'])
      expect(mermaid).toContain(`subgraph ${phase}[`);
    expect(mermaid).toMatch(/n_p_welcome -\.->\|"✗ p-pitch"\| n_a_catalogue/);
    expect(mermaid).toMatch(/n_end_sale\(\["Vente — /);
    const dot = negosim(['graph', EXAMPLE, '--format', 'dot']).stdout;
    expect(dot).toMatch(/^digraph scenario \{/);
    expect(dot).toContain('style=dashed');
  });

  it('wrong usage prints the usage and exits 2', () => {
    for (const args of [
      [],
      ['frobnicate'],
      ['check'],
      ['graph', EXAMPLE, '--format', 'png'],
      ['play', EXAMPLE, '--referential', 'bts'],
      ['validate', '--nope'],
    ]) {
      const r = negosim(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('Usage');
    }
  });

  it('speaks English with --lang en or an English locale', () => {
    expect(negosim(['validate', 'scenarios/', '--lang', 'en']).stdout).toContain('is valid');
    expect(negosim(['validate', 'scenarios/'], { env: { LANG: 'en_GB.UTF-8' } }).stdout).toContain('is valid');
  });

  it('calc is reachable through the same command: the margin example of the BTS course', () => {
    const r = negosim(['calc', 'margin', '--cost', '80', '--price', '120', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ marge: 40, tauxDeMarge: 50, tauxDeMarque: 33.33 });
  });
});
