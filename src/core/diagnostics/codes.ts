/**
 * Stable diagnostic codes. A code never changes meaning once published: teachers search for
 * it, docs/errors.md documents each one with an example that tests/core/diagnostics-doc.test.ts
 * runs. Messages are not here (the core has no UI text): they are in
 * src/locales/diagnostics/{fr,en}.json, keyed by code, with the params below.
 */
export const DIAGNOSTIC_CODES = {
  // Reading the file
  NS001: { name: 'file-unreadable', severity: 'error' },
  NS002: { name: 'empty-file', severity: 'error' },
  NS003: { name: 'not-json', severity: 'error' },
  NS004: { name: 'file-too-large', severity: 'error' },
  NS005: { name: 'not-an-object', severity: 'error' },
  NS006: { name: 'no-scenarios', severity: 'error' },
  NS007: { name: 'duplicate-scenario-id', severity: 'error' },
  // Format version
  NS010: { name: 'format-version-missing', severity: 'error' },
  NS011: { name: 'format-version-too-new', severity: 'error' },
  NS012: { name: 'format-version-invalid', severity: 'error' },
  NS013: { name: 'migration-failed', severity: 'error' },
  // Shape (JSON Schema)
  NS020: { name: 'missing-field', severity: 'error' },
  NS021: { name: 'wrong-type', severity: 'error' },
  NS022: { name: 'unknown-field', severity: 'error' },
  NS023: { name: 'invalid-format', severity: 'error' },
  NS024: { name: 'out-of-range', severity: 'error' },
  NS025: { name: 'value-not-allowed', severity: 'error' },
  NS026: { name: 'invalid-condition', severity: 'error' },
  NS027: { name: 'too-few-items', severity: 'error' },
  // Cross-references
  NS030: { name: 'duplicate-id', severity: 'error' },
  NS031: { name: 'unknown-next', severity: 'error' },
  NS032: { name: 'unknown-skill', severity: 'error' },
  NS033: { name: 'missing-translation', severity: 'error' },
  NS034: { name: 'unknown-variable', severity: 'error' },
  NS035: { name: 'unknown-need', severity: 'error' },
  NS036: { name: 'poor-choice-without-better', severity: 'error' },
  NS037: { name: 'unknown-start', severity: 'error' },
  NS038: { name: 'phase-order', severity: 'error' },
  NS039: { name: 'unknown-choice', severity: 'error' },
  NS040: { name: 'unknown-node', severity: 'error' },
  NS041: { name: 'unknown-speaker', severity: 'error' },
  NS042: { name: 'variable-type-mismatch', severity: 'error' },
  NS043: { name: 'unknown-ending', severity: 'error' },
  NS044: { name: 'ending-inconsistent', severity: 'error' },
  NS045: { name: 'negotiation-inconsistent', severity: 'error' },
  NS046: { name: 'reservation-below-floor', severity: 'warning' },
  // Limits and unsafe text, checked before anything recursive reads the file (src/core/scenario/limits.ts)
  NS050: { name: 'nesting-too-deep', severity: 'error' },
  NS051: { name: 'duplicate-key', severity: 'error' },
  NS052: { name: 'text-too-long', severity: 'error' },
  NS053: { name: 'control-character', severity: 'error' },
  NS054: { name: 'bidi-control', severity: 'error' },
  NS055: { name: 'lone-surrogate', severity: 'error' },
  NS056: { name: 'unexpected-failure', severity: 'error' },
  NS057: { name: 'playthroughs-not-scenario', severity: 'error' },
  // Referential files (scenarios/referentials: the skill taxonomy and the packs)
  NS060: { name: 'taxonomy-inconsistent', severity: 'error' },
  NS061: { name: 'pack-inconsistent', severity: 'error' },
  NS062: { name: 'duplicate-pack-id', severity: 'error' },
  // Conditional dialogue and ending templates (src/core/scenario/dialogue-references.ts)
  NS070: { name: 'unknown-placeholder', severity: 'error' },
  NS071: { name: 'placeholder-without-item', severity: 'error' },
  NS072: { name: 'placeholder-without-negotiation', severity: 'error' },
  NS073: { name: 'placeholder-in-title', severity: 'error' },
  // Persona facts: motives, freins, budget, decision-maker (src/core/scenario/persona-facts.ts)
  NS075: { name: 'unknown-persona-fact', severity: 'error' },
  // Content checks (graph analysis, `negosim check`)
  NS101: { name: 'unreachable-node', severity: 'error' },
  NS102: { name: 'dead-end', severity: 'error' },
  NS103: { name: 'unreachable-ending', severity: 'error' },
  NS104: { name: 'condition-never-holds', severity: 'warning' },
  NS105: { name: 'phase-never-visited', severity: 'warning' },
  NS106: { name: 'skill-never-evidenced', severity: 'warning' },
  NS107: { name: 'competence-not-exercised', severity: 'warning' },
  NS108: { name: 'bounds-approximate', severity: 'info' },
  // Marking checks (docs/scoring.md): balance, occasions, tells, feedback that agrees with itself
  NS109: { name: 'phase-outweighs', severity: 'warning' },
  NS110: { name: 'competence-few-occasions', severity: 'warning' },
  NS111: { name: 'length-tells-the-answer', severity: 'warning' },
  NS112: { name: 'better-choice-not-on-offer', severity: 'error' },
  NS113: { name: 'better-choice-not-good', severity: 'error' },
  // Conditional dialogue and endings from the deal (src/core/check/dialogue-checks.ts)
  NS114: { name: 'presumed-need-not-known', severity: 'warning' },
  NS115: { name: 'ending-contradicts-deal', severity: 'warning' },
  NS116: { name: 'variant-never-shown', severity: 'warning' },
  // Motives that matter (src/core/check/motive-checks.ts)
  NS119: { name: 'target-never-revealed', severity: 'warning' },
  NS120: { name: 'technique-unsuited', severity: 'warning' },
  NS121: { name: 'dominant-motive-never-revealed', severity: 'warning' },
  NS122: { name: 'technique-without-objection', severity: 'warning' },
} as const satisfies Record<string, { name: string; severity: 'error' | 'warning' | 'info' }>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
export type Severity = 'error' | 'warning' | 'info';
export type DiagnosticParams = Record<string, string | number>;

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  /** JSON Pointer into the file ('' for the whole file), e.g. /phases/discovery/nodes/3/choices/1/next */
  path: string;
  /**
   * The same place with array elements named by their id, for people:
   * /phases/discovery/nodes[d2]/choices[d2-budget]/next. Set by withIdPaths (id-paths.ts) where the
   * loaders and the checks hand their diagnostics out; absent when it would read like `path`.
   */
  idPath?: string;
  params: DiagnosticParams;
  file?: string;
}

export function diagnostic(code: DiagnosticCode, path: string, params: DiagnosticParams = {}): Diagnostic {
  return { code, severity: DIAGNOSTIC_CODES[code].severity, path, params };
}

/** RFC 6901 JSON Pointer from path segments. */
export function pointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
