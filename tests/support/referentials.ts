import { bundledReferentials } from '../../src/core/referentials/bundled.ts';
import type { ReferentialPack } from '../../src/core/referentials/formats.ts';
import type { Referentials } from '../../src/core/referentials/load-referentials.ts';

/** The shipped taxonomy and packs, as the game and the CLI load them; a test fails loudly when they are broken. */
function load(): Referentials {
  const { referentials, diagnostics } = bundledReferentials();
  if (!referentials) throw new Error(`the shipped referentials are broken: ${JSON.stringify(diagnostics)}`);
  return referentials;
}

export const refs = load();
export const skills = refs.skills;

/** A shipped pack by id: tests name the packs they mean. */
export function pack(id: string): ReferentialPack {
  const found = refs.pack(id);
  if (!found) throw new Error(`no pack ${id}`);
  return found;
}
