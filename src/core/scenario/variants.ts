import { holds, type ConditionState } from './conditions.ts';
import type { TextVariant } from './format.ts';
import type { LocalizedText } from './text.ts';

/** Something with a base text and optional conditional wordings: a node's line or a choice. */
export interface Variable {
  text: LocalizedText;
  variants?: TextVariant[] | undefined;
}

/** The position of the first variant whose condition holds, or undefined for the base text. */
export function variantIndex(item: Variable, state: ConditionState): number | undefined {
  const i = (item.variants ?? []).findIndex((v) => holds(v.when, state));
  return i < 0 ? undefined : i;
}

/** The text shown for a variant position (undefined or out of range: the base text). */
export function textOfVariant(item: Variable | undefined, variant: number | undefined): LocalizedText | undefined {
  if (!item) return undefined;
  return (variant === undefined ? undefined : item.variants?.[variant]?.text) ?? item.text;
}

/** The text the state selects: the first variant whose condition holds, else the base text. */
export function textFor(item: Variable | undefined, state: ConditionState): LocalizedText | undefined {
  return item ? textOfVariant(item, variantIndex(item, state)) : undefined;
}
