/** A small RFC 6902 subset (add, replace, remove) for the documentation's error examples. */
export type PatchOp = { op: 'add' | 'replace'; path: string; value: unknown } | { op: 'remove'; path: string };

export function applyPatch<T>(doc: T, ops: readonly PatchOp[]): T {
  const copy = structuredClone(doc) as unknown;
  for (const op of ops) {
    const segments = op.path
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = segments.pop();
    if (last === undefined) throw new Error(`empty path in ${op.op}`);
    let parent = copy as Record<string, unknown>;
    for (const s of segments) {
      const next = parent[s];
      if (next === undefined || next === null || typeof next !== 'object') throw new Error(`no ${s} in ${op.path}`);
      parent = next as Record<string, unknown>;
    }
    if (Array.isArray(parent)) {
      const i = last === '-' ? parent.length : Number(last);
      if (op.op === 'remove') parent.splice(i, 1);
      else if (op.op === 'add') parent.splice(i, 0, op.value);
      else parent[i] = op.value;
    } else if (op.op === 'remove') delete parent[last];
    else parent[last] = op.value;
  }
  return copy as T;
}
