import fc from 'fast-check';
import { pointer } from '../../src/core/diagnostics/codes.ts';
import { MAX_NESTING, MAX_TEXT_LENGTH } from '../../src/core/scenario/limits.ts';

/**
 * Structural mutations of real scenarios, for property tests that reach past the first checks:
 * random JSON is refused at the door (not an object, no formatVersion), so it never exercises
 * the schema, the cross-references or the graph. These start from a shipped file and change one
 * thing the way a clumsy edit, a bad merge or an attacker would.
 */
export type Segment = string | number;
type Json = unknown;

export interface Mutant {
  kind: 'delete' | 'duplicate' | 'repoint' | 'nest' | 'grow' | 'unsafe' | 'swap' | 'duplicate-key';
  /** Where the change is (JSON Pointer segments). */
  path: Segment[];
  /** The mutated file, as text (deep values cannot be written by JSON.stringify). */
  text: string;
  /** What the loader must answer, when the mutation decides it; undefined when it may be valid. */
  expected?: { code: string; path: string; exact: boolean } | 'refused';
}

interface Located {
  path: Segment[];
  value: Json;
}

/** Every value of a document with its path, by an explicit stack. */
export function locations(doc: Json): Located[] {
  const out: Located[] = [];
  const stack: Located[] = [{ path: [], value: doc }];
  while (stack.length) {
    const here = stack.pop() as Located;
    out.push(here);
    const v = here.value;
    if (Array.isArray(v)) v.forEach((child, i) => stack.push({ path: [...here.path, i], value: child }));
    else if (v && typeof v === 'object')
      for (const [k, child] of Object.entries(v)) stack.push({ path: [...here.path, k], value: child });
  }
  return out;
}

function setAt(doc: Json, path: Segment[], make: (old: Json) => unknown): Json {
  const copy = structuredClone(doc);
  if (path.length === 0) return make(copy);
  let parent = copy as Record<Segment, Json>;
  for (const s of path.slice(0, -1)) parent = parent[s] as Record<Segment, Json>;
  const last = path.at(-1) as Segment;
  const next = make(parent[last]);
  if (next === REMOVE) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = next;
  return copy;
}
const REMOVE = Symbol('remove');

const typeOf = (v: Json) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const REFERENCE_FIELDS = new Set(['next', 'start', 'betterChoice', 'ending', 'deal', 'noDeal', 'walkAway']);
/** Where a boolean and a number are both valid (effects.set values, a variable's initial value). */
const polymorphic = (path: Segment[]) =>
  path.at(-2) === 'set' || (path[0] === 'variables' && path.at(-1) === 'initial');

const valueOfType = (type: string): fc.Arbitrary<Json> => {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'number':
      return fc.oneof(fc.integer({ min: -5, max: 500 }), fc.double({ noNaN: true, noDefaultInfinity: true }));
    case 'string':
      return fc.string({ maxLength: 12 });
    case 'array':
      return fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 });
    default:
      return fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 });
  }
};
const TYPES = ['null', 'boolean', 'number', 'string', 'array', 'object'] as const;
const UNSAFE: [string, string][] = [
  ['\u0000', 'NS053'],
  ['\u001b', 'NS053'],
  ['\r', 'NS053'],
  ['\u009b', 'NS053'],
  ['\u202e', 'NS054'],
  ['\u2066', 'NS054'],
  ['\ud83d', 'NS055'],
  ['\ude00', 'NS055'],
];

/** One mutation of `doc`, chosen at random among `kinds` (all by default). */
export function mutantOf(doc: Json, kinds?: readonly Mutant['kind'][]): fc.Arbitrary<Mutant> {
  const all = locations(doc).filter((l) => l.path.length > 0);
  const strings = all.filter((l) => typeof l.value === 'string');
  const arrays = all.filter((l) => Array.isArray(l.value) && l.value.length > 0);
  const objects = all.filter(
    (l) => l.value && typeof l.value === 'object' && !Array.isArray(l.value) && Object.keys(l.value).length,
  );
  // Dialogue choices: a condition is where a recursive reader goes deep (all / any / not).
  const choices = objects.filter((l) => l.path.at(-2) === 'choices' && l.path[0] === 'phases');
  const references = strings.filter((l) => REFERENCE_FIELDS.has(String(l.path.at(-1))));
  const ids = strings.filter((l) => l.path.at(-1) === 'id').map((l) => l.value as string);
  const text = (d: Json) => JSON.stringify(d, null, 2);
  const at = (path: Segment[]) => pointer(path);

  const del = fc
    .constantFrom(...all)
    .map((l): Mutant => ({ kind: 'delete', path: l.path, text: text(setAt(doc, l.path, () => REMOVE)) }));
  const duplicate = fc.constantFrom(...arrays).chain((l) =>
    fc.nat((l.value as Json[]).length - 1).map((i): Mutant => ({
      kind: 'duplicate',
      path: [...l.path, i],
      text: text(setAt(doc, l.path, (old) => [...(old as Json[]), structuredClone((old as Json[])[i])])),
    })),
  );
  const repoint = fc
    .tuple(
      fc.constantFrom(...references),
      fc.oneof(fc.constantFrom(...ids), fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/)),
    )
    .map(([l, target]): Mutant => ({
      kind: 'repoint',
      path: l.path,
      text: text(setAt(doc, l.path, () => target)),
      ...(ids.includes(target) ? {} : { expected: 'refused' as const }),
    }));
  const conditionOfChoice = fc
    .constantFrom(...choices)
    .map((l): Located => ({ path: [...l.path, 'condition', 'when'], value: { gauge: 'trust', gte: 50 } }));
  const nest = fc
    .tuple(
      fc.oneof(fc.constantFrom(...all), conditionOfChoice),
      fc.integer({ min: 1, max: 6000 }),
      fc.constantFrom('array', 'not'),
    )
    .map(([l, depth, wrap]): Mutant => {
      const [open, close] = wrap === 'array' ? ['[', ']'] : ['{"not":', '}'];
      const placed = l.path.at(-1) === 'when' && l.path.at(-2) === 'condition';
      const written = text(
        placed ? setAt(doc, l.path.slice(0, -1), () => ({ when: '@@deep@@' })) : setAt(doc, l.path, () => '@@deep@@'),
      ).replace('"@@deep@@"', open.repeat(depth) + JSON.stringify(l.value) + close.repeat(depth));
      // The wrappers alone open containers down to level path + depth.
      const tooDeep = l.path.length + depth > MAX_NESTING;
      return {
        kind: 'nest',
        path: l.path,
        text: written,
        // Within the limit, a wrapped condition ({"not": …}) can still be valid.
        ...(tooDeep ? { expected: { code: 'NS050', path: at(l.path), exact: false } } : {}),
      };
    });
  const grow = fc
    .tuple(fc.constantFrom(...strings), fc.integer({ min: MAX_TEXT_LENGTH + 1, max: 200_000 }))
    .map(([l, length]): Mutant => ({
      kind: 'grow',
      path: l.path,
      text: text(setAt(doc, l.path, () => 'A'.repeat(length))),
      expected: { code: 'NS052', path: at(l.path), exact: true },
    }));
  const unsafe = fc.tuple(fc.constantFrom(...strings), fc.constantFrom(...UNSAFE)).map(([l, [char, code]]): Mutant => ({
    kind: 'unsafe',
    path: l.path,
    // At the start, so a surrogate cannot pair with a neighbour.
    text: text(setAt(doc, l.path, (old) => char + String(old))),
    expected: { code, path: at(l.path), exact: true },
  }));
  const swap = fc
    .constantFrom(...all)
    .chain((l) => {
      const others = TYPES.filter(
        (t) => t !== typeOf(l.value) && !(polymorphic(l.path) && (t === 'boolean' || t === 'number')),
      );
      return fc.constantFrom(...others).chain((t) => valueOfType(t).map((v) => [l, v] as const));
    })
    .map(([l, v]): Mutant => ({
      kind: 'swap',
      path: l.path,
      text: text(setAt(doc, l.path, () => v)),
      expected: 'refused',
    }));
  const duplicateKey = fc
    .constantFrom(...objects)
    .chain((l) => fc.constantFrom(...Object.keys(l.value as object)).map((key) => [l, key] as const))
    .map(([l, key]): Mutant => {
      const withSentinel = setAt(doc, l.path, (old) => ({ ...(old as object), '@@dup@@': null }));
      return {
        kind: 'duplicate-key',
        path: [...l.path, key],
        text: text(withSentinel).replace('"@@dup@@":', `${JSON.stringify(key)}:`),
        expected: { code: 'NS051', path: at([...l.path, key]), exact: true },
      };
    });
  const byKind: Record<Mutant['kind'], fc.Arbitrary<Mutant>> = {
    delete: del,
    duplicate,
    repoint,
    nest,
    grow,
    unsafe,
    swap,
    'duplicate-key': duplicateKey,
  };
  return fc.oneof(...(kinds ?? (Object.keys(byKind) as Mutant['kind'][])).map((k) => byKind[k]));
}
