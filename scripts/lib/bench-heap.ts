import type { Page } from 'playwright-core';

/**
 * The page's memory after a full garbage collection, in KB, split the way a heap snapshot
 * classifies it:
 * - `js`: JavaScript objects, strings, arrays, closures — what the game's code keeps, and
 *   where a leak of game state shows;
 * - `code`: V8's compiled code (bytecode, baseline and optimised machine code, feedback). It
 *   grows while the JIT warms up on the functions that get hot, over dozens of visits, and is
 *   shed when they cool: the engine's cache of a fixed program, not something the game keeps;
 * - `native`: the browser's side — DOM nodes, decoded images and sounds (ArrayBuffer data),
 *   the performance timeline's buffers (capped by the browser at 150 entries a kind);
 * - `used`: V8's own count of its heap (Runtime.getHeapUsage): `js` and `code` together.
 * `nodes` and `listeners` are Blink's live DOM nodes and JavaScript event listeners.
 */
export interface Heap {
  used: number;
  js: number;
  code: number;
  native: number;
  nodes: number;
  listeners: number;
}

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
}

export async function heap(page: Page): Promise<Heap> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const dom = (await cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
    const chunks: string[] = [];
    cdp.on('HeapProfiler.addHeapSnapshotChunk', (c: { chunk: string }) => chunks.push(c.chunk));
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    const snap = JSON.parse(chunks.join('')) as Snapshot;
    const fields = snap.snapshot.meta.node_fields;
    const types = snap.snapshot.meta.node_types[0];
    const width = fields.length;
    const type = fields.indexOf('type');
    const size = fields.indexOf('self_size');
    const bytes = { js: 0, code: 0, native: 0 };
    for (let i = 0; i < snap.nodes.length; i += width) {
      const t = types[snap.nodes[i + type] ?? 0];
      const part = t === 'code' ? 'code' : t === 'native' || t === 'synthetic' ? 'native' : 'js';
      bytes[part] += snap.nodes[i + size] ?? 0;
    }
    return {
      used: usedSize / 1024,
      js: bytes.js / 1024,
      code: bytes.code / 1024,
      native: bytes.native / 1024,
      nodes: dom.nodes,
      listeners: dom.jsEventListeners,
    };
  } finally {
    await cdp.detach();
  }
}

/** Growth per visit of each part, from two measures `visits` visits apart. */
export function perVisit(before: Heap, after: Heap, visits: number): Heap {
  const per = (k: keyof Heap) => (after[k] - before[k]) / visits;
  return {
    used: per('used'),
    js: per('js'),
    code: per('code'),
    native: per('native'),
    nodes: per('nodes'),
    listeners: per('listeners'),
  };
}
