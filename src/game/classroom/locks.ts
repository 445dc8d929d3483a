import { CLASS_KEY, locksOf, readClassState } from './class-state.ts';

/** Read synchronously by the briefing: the class's referential and mode win over the player's settings. */
export function classLocks() {
  try {
    return locksOf(readClassState(globalThis.localStorage?.getItem(CLASS_KEY) ?? null));
  } catch {
    return null;
  }
}
