/** How much of a value from outside the save accepts before looking at what it means. */
export interface JsonLimits {
  /** Nesting of objects and arrays. */
  maxDepth: number;
  /** Characters of keys and strings, plus one per number, boolean or null: roughly its JSON size. */
  maxChars: number;
}

/**
 * True when a value is plain JSON within the limits and has no `__proto__` key at any depth.
 * Checked with an explicit stack (never recursion), so a value nested a million levels deep is
 * refused as quickly as a shallow one. Values read back from IndexedDB may be any structured
 * clone (a Date, a Map): only plain objects, arrays, strings, finite numbers, booleans and null
 * pass.
 */
export function inertJson(value: unknown, limits: JsonLimits): boolean {
  let chars = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (v === null || typeof v === 'boolean') chars += 1;
    else if (typeof v === 'number') {
      if (!Number.isFinite(v)) return false;
      chars += 1;
    } else if (typeof v === 'string') chars += v.length;
    else if (Array.isArray(v)) {
      if (depth >= limits.maxDepth || v.length > limits.maxChars) return false;
      chars += v.length;
      for (const item of v) stack.push([item, depth + 1]);
    } else if (typeof v === 'object') {
      const proto: unknown = Object.getPrototypeOf(v);
      if ((proto !== Object.prototype && proto !== null) || depth >= limits.maxDepth) return false;
      const keys = Object.keys(v);
      if (keys.length > limits.maxChars) return false;
      for (const key of keys) {
        if (key === '__proto__') return false;
        chars += key.length;
        stack.push([(v as Record<string, unknown>)[key], depth + 1]);
      }
    } else return false;
    if (chars > limits.maxChars) return false;
  }
  return true;
}
