import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLASSROOM_CODES } from '../../src/server/domain/codes.ts';
import { ROOT } from '../support/fixtures.ts';

/** docs/classroom.md is the reference for the classroom server's error codes: every code, in order, with its name. */
describe('the classroom error codes (docs/classroom.md)', () => {
  it('documents every code the server can answer with, in code order', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'classroom.md'), 'utf8');
    const documented = [...doc.matchAll(/^### (NC\d{3}) · ([a-z-]+)$/gm)].map((m) => [m[1], m[2]]);
    expect(documented).toEqual(Object.entries(CLASSROOM_CODES));
  });
});
