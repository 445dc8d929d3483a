import { parse as parseTolerant, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/codes.ts';
import { withIdPaths } from '../diagnostics/id-paths.ts';
import { migrate, type JsonObject } from '../versioning/migrations.ts';
import { crossReferenceDiagnostics, type ReferenceContext } from './cross-references.ts';
import { FORMAT_VERSION, ScenarioSchema, type Scenario } from './format.ts';
import { scenarioMigrator } from './migrations.ts';
import { salvageDocument } from './salvage.ts';
import { schemaDiagnostics } from './schema-issues.ts';
import { guardJsonText } from './json-text-guard.ts';
import { guardJsonValue } from './json-value-guard.ts';
import { MAX_SCENARIO_BYTES } from './limits.ts';
import { quotedForMessage } from './unsafe-text.ts';

/**
 * The largest scenario we read. A real one is well under 1 MB; refusing early keeps a stray
 * 50 MB export from freezing an editor, the game or the CLI.
 */
export { MAX_SCENARIO_BYTES };

export interface LoadResult {
  scenario?: Scenario;
  diagnostics: Diagnostic[];
}

/**
 * Reads scenario text. Never throws: every problem becomes a diagnostic with a stable code.
 * The text is first read once without recursion (syntax, nesting, duplicate keys), so nothing
 * recursive ever sees a file deeper than MAX_NESTING.
 */
export function loadScenarioText(text: string, refs: ReferenceContext): LoadResult {
  return neverThrowing(() => {
    if (text.length > MAX_SCENARIO_BYTES)
      return fail(diagnostic('NS004', '', { size: text.length, limit: MAX_SCENARIO_BYTES }));
    if (text.trim() === '') return fail(diagnostic('NS002', ''));
    const json = stripBom(text);
    const structural = guardJsonText(json);
    if (structural.length > 0) return { diagnostics: withIdPaths(structural, shallowEnough(structural, json)) };
    let doc: unknown;
    try {
      doc = JSON.parse(json);
    } catch {
      // The guard read it all, so this text nests no deeper than the limit: the tolerant
      // (recursive) parser may locate the mistake.
      return fail(locateJsonError(json));
    }
    return loadScenarioDocument(doc, refs);
  });
}

/**
 * Validates an already parsed document (the game's bundled scenarios, an editor's buffer).
 * Never throws; limits and unsafe text are checked first, without recursion.
 */
export function loadScenarioDocument(doc: unknown, refs: ReferenceContext): LoadResult {
  return neverThrowing(() => {
    const unsafe = guardJsonValue(doc);
    const result = unsafe.length > 0 ? { diagnostics: unsafe } : validateDocument(doc, refs);
    // Every diagnostic of the file leaves here: its path names array elements by their id.
    return { ...result, diagnostics: withIdPaths(result.diagnostics, doc) };
  });
}

/**
 * The last line of defence of the promise "never throws": a failure nobody foresaw becomes
 * NS056 for this file, and the caller goes on with the others. Known causes are fixed where
 * they are (the guards above); this only keeps an unknown one from taking the game down.
 */
function neverThrowing(load: () => LoadResult): LoadResult {
  try {
    return load();
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return fail(diagnostic('NS056', '', { detail: quotedForMessage(detail, 160) }));
  }
}

function validateDocument(doc: unknown, refs: ReferenceContext): LoadResult {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    return fail(diagnostic('NS005', '', { received: Array.isArray(doc) ? 'array' : typeof doc }));
  const playthroughsOf = playthroughsFileScenario(doc as JsonObject);
  if (playthroughsOf !== undefined) return fail(diagnostic('NS057', '', { scenario: playthroughsOf }));
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
  if (!parsed.success) {
    // The shape errors, and the reference errors of every part that is still readable.
    const shape = schemaDiagnostics(parsed.error.issues, migrated.doc);
    const salvaged = salvageDocument(migrated.doc, parsed.error.issues, (d) => {
      const r = ScenarioSchema.safeParse(d);
      return r.success ? { success: true, data: r.data } : { success: false, issues: r.error.issues };
    });
    if (!salvaged.scenario) return { diagnostics: shape };
    const references = crossReferenceDiagnostics(salvaged.scenario, refs).flatMap((d) => salvaged.relocate(d) ?? []);
    return { diagnostics: [...shape, ...references] };
  }
  const diagnostics = crossReferenceDiagnostics(parsed.data, refs);
  return hasErrors(diagnostics) ? { diagnostics } : { scenario: parsed.data, diagnostics };
}

/**
 * The document, to name the elements of a duplicate key's path, when the guard found the text no
 * deeper than the limit (only then may the recursive parser read it); undefined otherwise.
 */
function shallowEnough(structural: readonly Diagnostic[], json: string): unknown {
  if (structural.some((d) => d.code !== 'NS051')) return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The scenario id of an expected-playthroughs file (`<id>.playthroughs.json`: `scenario` and a
 * `playthroughs` list, no `phases`) given where a scenario is expected; undefined for anything else.
 * Read as a scenario, its own formatVersion would be reported as a scenario format it is not.
 */
function playthroughsFileScenario(doc: JsonObject): string | undefined {
  if (!Array.isArray(doc.playthroughs) || Object.hasOwn(doc, 'phases')) return undefined;
  return typeof doc.scenario === 'string' ? quotedForMessage(doc.scenario, 80) : '';
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
