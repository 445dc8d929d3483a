import { applyPatch } from './json-patch.ts';

/**
 * Hostile scenario text built as text: JSON.stringify (like every recursive writer) would
 * itself overflow the stack on the values these files hold.
 */
export const LEAF_CONDITION = '{"gauge":"trust","gte":50}';

/**
 * `base` with the condition of the choice at `choicePath` nested `depth` times in `key`: each
 * `not` is one level of nesting, each `all` or `any` two (an object and its list).
 */
export function deepConditionText(
  base: unknown,
  choicePath: string,
  depth: number,
  key: 'not' | 'all' | 'any' = 'not',
): string {
  const doc = applyPatch(base, [{ op: 'add', path: `${choicePath}/condition`, value: { when: '@deep' } }]);
  const [open, close] = key === 'not' ? ['{"not":', '}'] : [`{"${key}":[`, ']}'];
  return JSON.stringify(doc, null, 2).replace('"@deep"', open.repeat(depth) + LEAF_CONDITION + close.repeat(depth));
}

/** The pointer NS050 gives for such a condition: where the 41st level opens. */
export function deepConditionPointer(choicePath: string, limit: number, key = 'not'): string {
  // choicePath/condition/when are levels 7 and 8 for a dialogue choice; each `key` adds one.
  const levels = choicePath.split('/').length - 1 + 2;
  return `${choicePath}/condition/when` + `/${key}`.repeat(limit - levels);
}
