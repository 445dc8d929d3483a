import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { skills } from '../support/referentials.ts';
import { jsonSchemaText, SCHEMA_FILES } from '../../src/core/json-schemas.ts';
import { loadScenarioDocument, loadScenarioText } from '../../src/core/scenario/load.ts';
import { applyPatch, type PatchOp } from '../support/json-patch.ts';
import { baseScenario } from '../support/error-examples.ts';
import { pointer } from '../../src/core/diagnostics/codes.ts';
import { propertyRuns } from '../support/property-runs.ts';
import { mutantOf } from '../support/scenario-mutations.ts';

const root = join(import.meta.dirname, '..', '..');
const schemaDir = join(root, 'scenarios', 'schema');
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown;
const ajv = new Ajv2020({ allErrors: true, strict: false });
const editorValidates = ajv.compile(readJson(join(schemaDir, 'scenario.v2.schema.json')) as object);
const shippedScenarios = readdirSync(join(root, 'scenarios')).filter(
  (f) => f.endsWith('.json') && !f.endsWith('.playthroughs.json'),
);

describe('scenario format v1', () => {
  it('the published JSON Schemas are exactly what the TypeScript definition generates (run `npm run schema` after a change)', () => {
    for (const name of Object.keys(SCHEMA_FILES) as (keyof typeof SCHEMA_FILES)[]) {
      expect(readFileSync(join(schemaDir, name), 'utf8'), name).toBe(jsonSchemaText(name));
    }
  });

  it('the test scenario and every shipped scenario load without a single diagnostic', () => {
    expect(loadScenarioDocument(baseScenario(), skills).diagnostics).toEqual([]);
    expect(shippedScenarios.length).toBeGreaterThan(0);
    for (const file of shippedScenarios)
      expect(loadScenarioText(readFileSync(join(root, 'scenarios', file), 'utf8'), skills).diagnostics, file).toEqual(
        [],
      );
  });

  it('an editor using the JSON Schema accepts what NegoSim accepts', () => {
    expect(editorValidates(baseScenario()), JSON.stringify(editorValidates.errors?.slice(0, 3))).toBe(true);
    for (const file of shippedScenarios)
      expect(editorValidates(readJson(join(root, 'scenarios', file))), file).toBe(true);
  });

  it('an editor using the JSON Schema flags the same shape mistakes NegoSim refuses', () => {
    const mistakes: PatchOp[][] = [
      [{ op: 'remove', path: '/meta/title' }],
      [{ op: 'replace', path: '/meta/difficulty', value: 'facile' }],
      [{ op: 'add', path: '/meta/titre', value: { fr: 'x' } }],
      [{ op: 'replace', path: '/meta/id', value: 'Pas Kebab' }],
      [{ op: 'replace', path: '/meta/difficulty', value: 4 }],
      [
        {
          op: 'replace',
          path: '/phases/discovery/nodes/0/choices/0/skills/0/skill',
          value: 'discovery.open-questions',
        },
      ],
      [{ op: 'replace', path: '/phases/argument/nodes/0/choices/0/condition/when', value: { needs: 'volume' } }],
      [{ op: 'add', path: '/phases/discovery/nodes/0/choices/0/nxt', value: 'd2' }],
    ];
    for (const patch of mistakes) {
      const doc = applyPatch(baseScenario(), patch);
      expect(editorValidates(doc), JSON.stringify(patch)).toBe(false);
      expect(loadScenarioDocument(doc, skills).scenario, JSON.stringify(patch)).toBeUndefined();
    }
  });

  it('skill ids autocomplete in editors: the schema lists the taxonomy', () => {
    const schema = readJson(join(schemaDir, 'scenario.v2.schema.json')) as { $defs: { SkillId: { enum: string[] } } };
    expect(schema.$defs.SkillId.enum).toContain('discovery.open-question');
    expect(schema.$defs.SkillId.enum).toContain('ethics.false-promise');
  });

  it('whatever JSON it is given, loading never throws and always explains a refusal', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = loadScenarioDocument(value, skills);
        expect(result.scenario !== undefined || result.diagnostics.length > 0).toBe(true);
        for (const d of result.diagnostics) expect(d.code).toMatch(/^NS\d{3}$/);
      }),
      { numRuns: propertyRuns(500) },
    );
  });

  it('near-miss scenarios (one value of the wrong type, too long, with an invisible character, or a key twice) are refused with codes and paths', () => {
    const base = baseScenario();
    const related = (a: string, b: string) => a === b || a.startsWith(b + '/') || b.startsWith(a + '/');
    fc.assert(
      fc.property(mutantOf(base, ['swap', 'grow', 'unsafe', 'duplicate-key']), (m) => {
        const result = loadScenarioText(m.text, skills);
        const where = `${m.kind} at /${m.path.join('/')}: ${JSON.stringify(result.diagnostics.slice(0, 3))}`;
        expect(result.scenario, where).toBeUndefined();
        expect(result.diagnostics.length, where).toBeGreaterThan(0);
        for (const d of result.diagnostics) expect(d.code, where).toMatch(/^NS\d{3}$/);
        // One of the reasons points at the mangled value (or the object holding it).
        const mangled = pointer(m.path);
        expect(
          result.diagnostics.some((d) => related(d.path, mangled)),
          where,
        ).toBe(true);
      }),
      { numRuns: propertyRuns(500) },
    );
  });

  it('authored text is kept verbatim: markup in a line is plain text, never interpreted', () => {
    const line = '<script>alert("x")</script> <b>gras</b> &amp;';
    const doc = applyPatch(baseScenario(), [{ op: 'replace', path: '/phases/discovery/nodes/0/text/fr', value: line }]);
    expect(loadScenarioDocument(doc, skills).scenario?.phases.discovery.nodes[0]?.text.fr).toBe(line);
  });
});
