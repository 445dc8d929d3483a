import { describe, expect, it } from 'vitest';
import { loadScenarioDocument } from '../../src/core/scenario/load.ts';
import { baseScenario } from '../support/error-examples.ts';
import { applyPatch, type PatchOp } from '../support/json-patch.ts';
import { skills } from '../support/referentials.ts';

const lines = (patch: PatchOp[]) =>
  loadScenarioDocument(applyPatch(baseScenario(), patch), skills).diagnostics.map((d) => `${d.path} ${d.code}`);

describe('validation in one pass: shape and reference errors together', () => {
  it('one shape error and two dangling references are all reported, with the author’s positions', () => {
    const found = lines([
      { op: 'replace', path: '/phases/discovery/nodes/0/choices/0/text', value: 42 },
      { op: 'replace', path: '/phases/discovery/nodes/1/choices/1/next', value: 'a-nowhere' },
      { op: 'replace', path: '/phases/closing/nodes/0/choices/1/next', value: 'end-nowhere' },
    ]);
    expect(found).toEqual([
      '/phases/discovery/nodes/0/choices/0/text NS021',
      '/phases/discovery/nodes/1/choices/1/next NS031',
      '/phases/closing/nodes/0/choices/1/next NS031',
    ]);
  });

  it('a list item removed for its shape keeps the positions of the items after it', () => {
    const found = lines([
      { op: 'replace', path: '/phases/objection/nodes/0/choices/0/id', value: 7 },
      { op: 'replace', path: '/phases/objection/nodes/0/choices/2/next', value: 'c-nowhere' },
    ]);
    expect(found).toEqual([
      '/phases/objection/nodes/0/choices/0/id NS021',
      '/phases/objection/nodes/0/choices/2/next NS031',
    ]);
  });

  it('a node removed for its shape does not make the choices leading to it dangle', () => {
    const found = lines([
      { op: 'remove', path: '/phases/discovery/nodes/1/text' },
      { op: 'replace', path: '/phases/argument/nodes/0/choices/0/next', value: 'o-nowhere' },
    ]);
    expect(found).toEqual(['/phases/discovery/nodes/1/text NS020', '/phases/argument/nodes/0/choices/0/next NS031']);
  });

  it('a file whose whole shape is wrong reports only the shape, and never throws', () => {
    const doc = baseScenario() as Record<string, unknown>;
    const found = loadScenarioDocument({ ...doc, phases: 'none' }, skills).diagnostics.map((d) => d.code);
    expect(found).toEqual(['NS021']);
  });
});
