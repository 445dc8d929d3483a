import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkScenario } from '../../src/core/check/check-scenario.ts';
import { loadScenarioText } from '../../src/core/scenario/load.ts';
import { indexScenario } from '../../src/core/scenario/scenario-index.ts';
import { runValidate } from '../../src/cli/commands/validate.ts';
import { diagnosticLine } from '../../src/cli/diagnostic-text.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { cliResources } from '../../src/cli/cli-resources.ts';
import { loadReferentials } from '../../src/core/referentials/load-referentials.ts';
import { applyPatch, type PatchOp } from './json-patch.ts';
import { pack, refs, skills } from './referentials.ts';

/**
 * One example of docs/errors.md: a change to the base scenario (or a raw file, or a file-system
 * situation) and the lines NegoSim prints for it — in French, with the file named exemple.json.
 */
export type ErrorExample =
  | {
      code: string;
      patch: PatchOp[];
      check?: 'nrc' | 'ndrc';
      /** The string at `path` becomes `text` repeated `times` (a text too long to write in the docs). */
      repeat?: { path: string; text: string; times: number };
      /** The string "@nest" in the patched file becomes a condition nested `depth` times in `key`. */
      nest?: { key: string; depth: number };
    }
  | { code: string; raw: string }
  | { code: string; cli: 'missing-file' | 'empty-folder' | 'duplicate-id' | 'huge-file' }
  | { code: string; referential: 'skills' | 'ndrc'; patch: PatchOp[] };

export const EXAMPLE_BASE = 'tests/fixtures/scenarios/mini-visit.json';
const root = join(import.meta.dirname, '..', '..');

export function baseScenario(): unknown {
  return JSON.parse(readFileSync(join(root, EXAMPLE_BASE), 'utf8'));
}

export function runExample(example: ErrorExample): string[] {
  const t = createI18n('fr', cliResources).t;
  const dir = mkdtempSync(join(tmpdir(), 'negosim-example-'));
  const lines: string[] = [];
  const io = { cwd: dir, out: (s: string) => lines.push(s), err: (s: string) => lines.push(s) };
  const doc = JSON.stringify(baseScenario(), null, 2);
  if ('referential' in example) return referentialExample(example, t);
  if ('cli' in example) {
    switch (example.cli) {
      case 'missing-file':
        break;
      case 'empty-folder':
        mkdirSync(join(dir, 'exemples'));
        runValidate(['exemples'], io, t, refs);
        return codeLines(lines);
      case 'duplicate-id':
        // The copy is read first, and still the file named after the id keeps it.
        writeFileSync(join(dir, 'exemple.json'), doc);
        writeFileSync(join(dir, 'mini-visit.json'), doc);
        runValidate(['exemple.json', 'mini-visit.json'], io, t, refs);
        return codeLines(lines);
      case 'huge-file':
        // Exactly 6 MiB, so the size in the message does not depend on the base scenario.
        writeFileSync(join(dir, 'exemple.json'), doc + ' '.repeat(6 * 1024 * 1024 - Buffer.byteLength(doc)));
        break;
    }
    runValidate(['exemple.json'], io, t, refs);
    return codeLines(lines);
  }
  const text = 'raw' in example ? example.raw : patchedText(example);
  if ('patch' in example && example.check) {
    const loaded = loadScenarioText(text, skills);
    if (!loaded.scenario) return loaded.diagnostics.map((d) => diagnosticLine(d, 'exemple.json', t));
    const report = checkScenario(indexScenario(loaded.scenario, skills), pack(example.check), { allPacks: refs.packs });
    return report.diagnostics.map((d) => diagnosticLine(d, 'exemple.json', t));
  }
  writeFileSync(join(dir, 'exemple.json'), text);
  runValidate(['exemple.json'], io, t, refs);
  return codeLines(lines);
}

/** A change to a shipped referential file, read by the same loader as the game and the CLI. */
function referentialExample(
  example: Extract<ErrorExample, { referential: string }>,
  t: ReturnType<typeof createI18n>['t'],
): string[] {
  const read = (name: string) =>
    JSON.parse(readFileSync(join(root, 'scenarios', 'referentials', `${name}.json`), 'utf8')) as unknown;
  const skillsDoc = example.referential === 'skills' ? applyPatch(read('skills'), example.patch) : read('skills');
  const ndrcDoc = example.referential === 'ndrc' ? applyPatch(read('ndrc'), example.patch) : read('ndrc');
  const { diagnostics } = loadReferentials({
    skills: { file: 'skills.json', doc: skillsDoc },
    packs: [
      { file: 'ndrc.json', doc: ndrcDoc },
      { file: 'nrc.json', doc: read('nrc') },
    ],
  });
  return diagnostics.map((d) => diagnosticLine(d, d.file ?? '', t));
}

function patchedText(example: Exclude<Extract<ErrorExample, { patch: PatchOp[] }>, { referential: string }>): string {
  const { repeat, nest } = example;
  const patch: PatchOp[] = repeat
    ? [...example.patch, { op: 'replace', path: repeat.path, value: repeat.text.repeat(repeat.times) }]
    : example.patch;
  const text = JSON.stringify(applyPatch(baseScenario(), patch), null, 2);
  // Built as text: JSON.stringify itself would overflow the stack on a value this deep.
  return nest
    ? text.replace(
        '"@nest"',
        `{"${nest.key}":`.repeat(nest.depth) + '{"gauge":"trust","gte":50}' + '}'.repeat(nest.depth),
      )
    : text;
}

function codeLines(lines: string[]): string[] {
  return lines.filter((l) => / NS\d{3} /.test(l));
}
