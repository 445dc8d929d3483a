import { nextInt, type RngState } from '../random.ts';
import type { ClientLineKey } from './client-lines.ts';
import type { NegotiationSpec } from './spec.ts';
import type { ClientLine } from './state.ts';

/** The line for a situation: one of the scenario's variants when it has some (seeded pick), else the key alone. */
export function speak(spec: NegotiationSpec, key: ClientLineKey, rng: RngState): [ClientLine, RngState] {
  const variants = spec.client.lines?.[key];
  if (!variants || variants.length === 0) return [{ key }, rng];
  const [index, next] = nextInt(rng, variants.length);
  return [{ key, text: { ...variants[index] } }, next];
}
