import type { z } from 'zod';
import { diagnostic, pointer, type Diagnostic } from '../diagnostics/codes.ts';

type Issue = z.core.$ZodIssue;
type Segment = string | number;

/**
 * Turns Zod's issues into diagnostics with stable codes. Zod's own messages are not shown:
 * they are English-only and change between versions, while a teacher needs the same code
 * and a message in their language every time.
 */
export function schemaDiagnostics(issues: readonly Issue[], doc: unknown): Diagnostic[] {
  return issues.flatMap((issue) => fromIssue(issue, [], doc));
}

function fromIssue(issue: Issue, base: Segment[], doc: unknown): Diagnostic[] {
  const segments = [...base, ...(issue.path as Segment[])];
  const path = pointer(segments);
  switch (issue.code) {
    case 'invalid_type': {
      const value = valueAt(doc, segments);
      if (value === undefined) return [diagnostic('NS020', path, { field: String(segments.at(-1) ?? '') })];
      return [diagnostic('NS021', path, { expected: issue.expected, received: describeType(value) })];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => diagnostic('NS022', pointer([...segments, key]), { field: key }));
    case 'invalid_format':
      return [
        diagnostic('NS023', path, {
          format: 'pattern' in issue && issue.pattern ? String(issue.pattern) : issue.format,
          detail: issue.message,
        }),
      ];
    case 'too_big':
    case 'too_small': {
      if (issue.origin === 'array' || issue.origin === 'set') {
        const minimum = Number(issue.code === 'too_small' ? issue.minimum : 0);
        return [diagnostic('NS027', path, { minimum, count: minimum })];
      }
      if (issue.origin === 'string' && issue.code === 'too_small')
        return [diagnostic('NS020', path, { field: String(segments.at(-1) ?? '') })];
      const bound = issue.code === 'too_big' ? `≤ ${Number(issue.maximum)}` : `≥ ${Number(issue.minimum)}`;
      return [diagnostic('NS024', path, { value: String(valueAt(doc, segments)), bound })];
    }
    case 'not_multiple_of':
      return [
        diagnostic('NS024', path, { value: String(valueAt(doc, segments)), bound: `× ${Number(issue.divisor)}` }),
      ];
    case 'invalid_value':
      return [
        diagnostic('NS025', path, {
          value: JSON.stringify(valueAt(doc, segments)) ?? 'undefined',
          allowed: issue.values.map((v) => JSON.stringify(v)).join(', '),
        }),
      ];
    case 'invalid_union':
      return fromUnion(issue, segments, doc);
    case 'invalid_key':
    case 'invalid_element':
      return issue.issues.flatMap((inner) => fromIssue(inner, segments, doc));
    case 'custom': {
      // Cross-field rules of a format part (the negotiation step) carry a stable rule id.
      const params = (issue.params ?? {}) as Record<string, string>;
      if (typeof params.rule === 'string') return [diagnostic('NS045', path, params)];
      return [diagnostic('NS023', path, { format: 'custom', detail: issue.message })];
    }
    default:
      return [diagnostic('NS023', path, { format: 'custom', detail: (issue as { message: string }).message })];
  }
}

/**
 * A union failed (a condition, a value that may be a boolean or a number…). Report the branch
 * the author most likely meant — the one with the fewest complaints — unless every branch
 * only complains that keys are missing or unexpected: then nothing was recognised at all.
 */
function fromUnion(issue: Extract<Issue, { code: 'invalid_union' }>, segments: Segment[], doc: unknown): Diagnostic[] {
  const path = pointer(segments);
  if (issue.errors.length === 0) {
    // A discriminated union (an ending's `kind`) matched no branch: the discriminator is wrong.
    const { discriminator = 'kind', options = [] } = issue as { discriminator?: string; options?: unknown[] };
    const allowed = options.map((o) => JSON.stringify(o)).join(', ');
    return [
      diagnostic('NS025', pointer([...segments, discriminator]), {
        value: JSON.stringify(valueAt(doc, [...segments, discriminator])) ?? 'undefined',
        allowed,
      }),
    ];
  }
  const ranked = [...issue.errors].sort((a, b) => a.length - b.length);
  const best = ranked[0] ?? [];
  const structural = (i: Issue) =>
    i.code === 'unrecognized_keys' ||
    (i.code === 'invalid_type' && valueAt(doc, [...segments, ...(i.path as Segment[])]) === undefined);
  const tie = ranked.length > 1 && (ranked[1]?.length ?? 0) === best.length;
  if (isConditionPath(segments) && (best.every(structural) || tie)) {
    return [diagnostic('NS026', path, { keys: Object.keys(asObject(valueAt(doc, segments))).join(', ') || '—' })];
  }
  if (best.every((i) => i.code === 'invalid_type' && i.path.length === 0)) {
    const expected = issue.errors
      .flatMap((branch) => branch.map((i) => (i.code === 'invalid_type' ? i.expected : '')))
      .filter(Boolean);
    return [
      diagnostic('NS021', path, {
        expected: [...new Set(expected)].join(' | '),
        received: describeType(valueAt(doc, segments)),
      }),
    ];
  }
  return best.flatMap((inner) => fromIssue(inner, segments, doc));
}

function isConditionPath(segments: Segment[]): boolean {
  const named = segments.filter((s) => typeof s === 'string');
  const last = named.at(-1);
  return last === 'when' || last === 'not' || last === 'all' || last === 'any';
}

function asObject(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

export function valueAt(doc: unknown, segments: readonly Segment[]): unknown {
  let cur: unknown = doc;
  for (const s of segments) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[s];
  }
  return cur;
}

function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}
