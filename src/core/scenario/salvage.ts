import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics/codes.ts';
import { pointer } from '../diagnostics/codes.ts';
import type { Scenario } from './format.ts';

type Issue = z.core.$ZodIssue;
type Segment = string | number;
type Container = Record<string, unknown> | unknown[];

/** Rounds of pruning before giving up (each round removes every part the schema refused). */
const MAX_ROUNDS = 24;

export interface Salvage {
  /** The document without the parts the schema refused, when what is left parses. */
  scenario?: Scenario;
  /** A diagnostic found on the salvaged document, with its path in the author's file; undefined to drop it. */
  relocate(d: Diagnostic): Diagnostic | undefined;
}

/**
 * So that one run reports shape and reference errors together: removes from a copy of the
 * document every part the schema refused (a field, else the field or list item around it),
 * until what is left parses. Reference checks then run on the rest; their paths are mapped back
 * to the author's file, and a diagnostic about a removed part or an id it held is dropped.
 */
export function salvageDocument(
  doc: unknown,
  firstIssues: readonly Issue[],
  parse: (doc: unknown) => { success: true; data: Scenario } | { success: false; issues: readonly Issue[] },
): Salvage {
  const none: Salvage = { relocate: () => undefined };
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return none;
  const origin = new Map<unknown[], number[]>();
  const work = clone(doc, origin);
  const removed: string[][] = [];
  const removedIds = new Set<string>();
  let issues = firstIssues;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const targets: Segment[][] = [];
    for (const issue of issues) {
      const path = issue.path as Segment[];
      if (issue.code === 'unrecognized_keys') for (const key of issue.keys) targets.push([...path, key]);
      else targets.push(path);
    }
    const removals = new Map<Container, Set<Segment>>();
    for (const target of targets) {
      const path = removablePath(work, target);
      if (!path) return none; // the whole file is unreadable: only the shape errors are reported
      const parent = valueAt(work, path.slice(0, -1)) as Container;
      const key = path.at(-1) as Segment;
      const set = removals.get(parent) ?? new Set<Segment>();
      set.add(key);
      removals.set(parent, set);
      removed.push(originalPath(work, path, origin).map(String));
      collectIds((parent as Record<Segment, unknown>)[key], removedIds);
    }
    for (const [parent, keys] of removals) remove(parent, keys, origin);
    const parsed = parse(work);
    if (parsed.success) {
      return {
        scenario: parsed.data,
        relocate: (d) => {
          const segments = originalPath(work, parsePointer(d.path), origin).map(String);
          if (segments.length > 0 && removed.some((r) => related(r, segments))) return undefined;
          if (Object.values(d.params).some((v) => typeof v === 'string' && removedIds.has(v))) return undefined;
          return { ...d, path: pointer(segments) };
        },
      };
    }
    issues = parsed.issues;
  }
  return none;
}

/** The path to remove for an issue at `path`: the value there if it exists, else its nearest existing container's entry. */
function removablePath(doc: unknown, path: readonly Segment[]): Segment[] | undefined {
  let p = [...path];
  while (p.length > 0 && valueAt(doc, p) === undefined) p = p.slice(0, -1);
  return p.length > 0 ? p : undefined;
}

function remove(parent: Container, keys: Set<Segment>, origin: Map<unknown[], number[]>): void {
  if (Array.isArray(parent)) {
    const indices = origin.get(parent) ?? parent.map((_, i) => i);
    const keep = parent.map((_, i) => !keys.has(i) && !keys.has(String(i)));
    const items = parent.filter((_, i) => keep[i]);
    origin.set(
      parent,
      indices.filter((_, i) => keep[i]),
    );
    parent.splice(0, parent.length, ...items);
  } else for (const key of keys) delete parent[String(key)];
}

function clone(value: unknown, origin: Map<unknown[], number[]>): unknown {
  if (Array.isArray(value)) {
    const copy = value.map((v) => clone(v, origin));
    origin.set(
      copy,
      copy.map((_, i) => i),
    );
    return copy;
  }
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) copy[k] = clone(v, origin);
    return copy;
  }
  return value;
}

/** A path in the pruned copy, as it was in the author's file (list positions before the removals). */
function originalPath(doc: unknown, path: readonly Segment[], origin: Map<unknown[], number[]>): Segment[] {
  const out: Segment[] = [];
  let cur: unknown = doc;
  for (const s of path) {
    if (Array.isArray(cur)) {
      const i = Number(s);
      out.push(Number.isInteger(i) ? (origin.get(cur)?.[i] ?? i) : s);
      cur = cur[i];
    } else {
      out.push(s);
      cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[String(s)] : undefined;
    }
  }
  return out;
}

function collectIds(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) value.forEach((v) => collectIds(v, into));
  else if (value && typeof value === 'object') {
    const { id } = value as { id?: unknown };
    if (typeof id === 'string') into.add(id);
    for (const v of Object.values(value)) collectIds(v, into);
  }
}

/** One path is the other or lies inside it. */
function related(a: readonly string[], b: readonly string[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

function parsePointer(path: string): string[] {
  if (path === '') return [];
  return path
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function valueAt(doc: unknown, segments: readonly Segment[]): unknown {
  let cur: unknown = doc;
  for (const s of segments) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[s];
  }
  return cur;
}
