import type { Diagnostic } from './codes.ts';

/**
 * The id-based path of a diagnostic: its RFC 6901 pointer with every array index replaced by the
 * id of the element it points at, when that element has a safe, unique one:
 * `/phases/discovery/nodes/1/choices/0/next` → `/phases/discovery/nodes[d2]/choices[d2-budget]/next`.
 *
 * It is for people (the CLI's lines, the library's card); tools keep the pointer (`path`).
 * An index stays an index when the element has no string `id`, when another element of the
 * same array has the same id (the path would be ambiguous), or when the id is unsafe to print
 * (longer than MAX_ID_IN_PATH, or holding anything but letters, digits and `_ . : -`, so `]`,
 * `/`, spaces and control characters never reach the path). Never throws.
 */
export const MAX_ID_IN_PATH = 64;
const SAFE_ID = /^[\p{L}\p{N}_.:-]+$/u;

/** Sets `idPath` on every diagnostic whose pointer goes through an element with an id; the others are returned as they are. */
export function withIdPaths<D extends Diagnostic>(diagnostics: readonly D[], doc: unknown): D[] {
  const ids = new WeakMap<readonly unknown[], Map<string, number>>();
  return diagnostics.map((d) => {
    if (d.idPath !== undefined) return d;
    const idPath = idPathOf(d.path, doc, ids);
    return idPath === undefined || idPath === d.path ? d : { ...d, idPath };
  });
}

/** The id-based form of one pointer into `doc`, or undefined when the pointer is not one. */
export function idPathOf(
  pointer: string,
  doc: unknown,
  cache: WeakMap<readonly unknown[], Map<string, number>> = new WeakMap(),
): string | undefined {
  try {
    if (typeof pointer !== 'string' || !pointer.startsWith('/')) return undefined;
    let out = '';
    let here: unknown = doc;
    for (const raw of pointer.slice(1).split('/')) {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      if (Array.isArray(here) && /^(0|[1-9]\d*)$/.test(key)) {
        const element: unknown = here[Number(key)];
        const id = usableId(element, here, cache);
        out += id === undefined ? `/${raw}` : `[${id}]`;
        here = element;
      } else {
        out += `/${raw}`;
        here = isRecord(here) && Object.hasOwn(here, key) ? here[key] : undefined;
      }
    }
    return out;
  } catch {
    return undefined;
  }
}

function usableId(
  element: unknown,
  array: readonly unknown[],
  cache: WeakMap<readonly unknown[], Map<string, number>>,
): string | undefined {
  const id = isRecord(element) && Object.hasOwn(element, 'id') ? element.id : undefined;
  if (typeof id !== 'string' || id.length > MAX_ID_IN_PATH || !SAFE_ID.test(id)) return undefined;
  return idCounts(array, cache).get(id) === 1 ? id : undefined;
}

function idCounts(array: readonly unknown[], cache: WeakMap<readonly unknown[], Map<string, number>>) {
  let counts = cache.get(array);
  if (counts) return counts;
  counts = new Map<string, number>();
  for (const item of array) {
    const id = isRecord(item) && Object.hasOwn(item, 'id') ? item.id : undefined;
    if (typeof id === 'string') counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  cache.set(array, counts);
  return counts;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Where a diagnostic is, as people read it: the id-based path when there is one, else the pointer. */
export function shownPath(d: Pick<Diagnostic, 'path' | 'idPath'>): string {
  return d.idPath ?? d.path;
}
