import { parse as parseTolerant, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/codes.ts';
import { migrate, type JsonObject } from '../versioning/migrations.ts';
import { crossReferenceDiagnostics, type ReferenceContext } from './cross-references.ts';
import { FORMAT_VERSION, ScenarioSchema, type Scenario } from './format.ts';
import { scenarioMigrator } from './migrations.ts';
import { schemaDiagnostics } from './schema-issues.ts';

/**
 * The largest scenario we read. A real one is well under 1 MB; refusing early keeps a stray
 * 50 MB export from freezing an editor, the game or the CLI.
 */
export const MAX_SCENARIO_BYTES = 5 * 1024 * 1024;

export interface LoadResult {
  scenario?: Scenario;
  diagnostics: Diagnostic[];
}

/**
 * Reads scenario text against a skill taxonomy (the referentials' `skills`). Never throws: every
 * problem becomes a diagnostic with a stable code.
 */
export function loadScenarioText(text: string, refs: ReferenceContext): LoadResult {
  if (text.length > MAX_SCENARIO_BYTES)
    return fail(diagnostic('NS004', '', { size: text.length, limit: MAX_SCENARIO_BYTES }));
  if (text.trim() === '') return fail(diagnostic('NS002', ''));
  let doc: unknown;
  try {
    doc = JSON.parse(stripBom(text));
  } catch {
    return fail(locateJsonError(stripBom(text)));
  }
  return loadScenarioDocument(doc, refs);
}

/** Validates an already parsed document (the game's bundled scenarios, an editor's buffer). */
export function loadScenarioDocument(doc: unknown, refs: ReferenceContext): LoadResult {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    return fail(diagnostic('NS005', '', { received: Array.isArray(doc) ? 'array' : typeof doc }));
  const migrated = migrate(scenarioMigrator, doc as JsonObject);
  if (!migrated.ok) {
    switch (migrated.problem) {
      case 'missing':
        return fail(diagnostic('NS010', '/formatVersion', { supported: FORMAT_VERSION }));
      case 'invalid':
        return fail(
          diagnostic('NS012', '/formatVersion', {
            found: JSON.stringify(migrated.found) ?? '',
            supported: FORMAT_VERSION,
          }),
        );
      case 'too-new':
        return fail(
          diagnostic('NS011', '/formatVersion', { found: Number(migrated.found), supported: FORMAT_VERSION }),
        );
      case 'failed':
        return fail(
          diagnostic('NS013', '/formatVersion', {
            found: migrated.found,
            step: migrated.step,
            detail: migrated.detail,
          }),
        );
    }
  }
  const parsed = ScenarioSchema.safeParse(migrated.doc, { reportInput: true });
  if (!parsed.success) return { diagnostics: schemaDiagnostics(parsed.error.issues, migrated.doc) };
  const diagnostics = crossReferenceDiagnostics(parsed.data, refs);
  return hasErrors(diagnostics) ? { diagnostics } : { scenario: parsed.data, diagnostics };
}

function fail(d: Diagnostic): LoadResult {
  return { diagnostics: [d] };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** JSON.parse does not always say where it failed; the tolerant parser does. */
function locateJsonError(text: string): Diagnostic {
  const errors: ParseError[] = [];
  parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  const offset = first?.offset ?? text.length;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return diagnostic('NS003', '', {
    line,
    column,
    detail: first ? printParseErrorCode(first.error) : 'UnexpectedEndOfInput',
  });
}
