import { readSave, type Save, type SaveProblem } from '../core/save/index.ts';
import type { Clock } from './clock.ts';

/** The slice of the Web Storage API we use; tests pass a Map-backed fake. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const SAVE_KEY = 'negosim.save';
export const SET_ASIDE_PREFIX = 'negosim.save.set-aside.';

export interface LoadedSave {
  save: Save;
  problems: SaveProblem[];
  /** Where the damaged original was kept, when it was. */
  setAsideKey: string | null;
}

/**
 * Reads and writes the save in localStorage. The pure rules (src/core/save) decide what is
 * valid; this adapter only keeps a damaged original under another key before replacing it, so
 * nothing a player had is ever silently destroyed.
 */
export class SaveStore {
  private lastWriteFailed = false;

  constructor(
    private readonly store: KeyValueStore | null,
    private readonly clock: Clock,
  ) {}

  load(): LoadedSave {
    let raw: string | null;
    try {
      raw = this.store?.getItem(SAVE_KEY) ?? null;
    } catch {
      raw = null; // storage disabled by the browser: play without saving
    }
    const read = readSave(raw);
    let setAsideKey: string | null = null;
    if (read.setAside && raw !== null) {
      setAsideKey = `${SET_ASIDE_PREFIX}${this.clock.now()}`;
      if (!this.trySet(setAsideKey, raw)) setAsideKey = null;
      this.write(read.save);
    }
    return { save: read.save, problems: read.problems, setAsideKey };
  }

  write(save: Save): boolean {
    const ok = this.trySet(SAVE_KEY, JSON.stringify(save));
    this.lastWriteFailed = !ok;
    return ok;
  }

  /** True when the browser refused the last write (private mode, full quota). */
  get failing(): boolean {
    return this.lastWriteFailed;
  }

  private trySet(key: string, value: string): boolean {
    if (!this.store) return false;
    try {
      this.store.setItem(key, value);
      return true;
    } catch {
      return false;
    }
  }
}

/** localStorage when the browser allows it, else null (the game still runs, without saving). */
export function browserStore(): KeyValueStore | null {
  try {
    const s = globalThis.localStorage;
    const probe = 'negosim.probe';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}
