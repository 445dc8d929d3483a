import type { TFunction } from 'i18next';
import type { ReferentialPack } from '../../../core/referentials/formats.ts';
import { h } from '../../dom/h.ts';

/**
 * The referential the debrief marks with (NRC or NDRC), as radio pills: a student preparing one
 * BTS reads a classmate's visit under their own grid without replaying it.
 */
export function packSwitch(
  packs: readonly ReferentialPack[],
  current: ReferentialPack,
  t: TFunction,
  onPick: (pack: ReferentialPack) => void,
): HTMLElement {
  return h(
    'fieldset',
    { class: 'debrief__packs no-print' },
    h('legend', {}, t('debrief.pack')),
    ...packs.map((p) =>
      h(
        'label',
        { class: 'radio radio--pill' },
        h('input', { type: 'radio', name: 'pack', value: p.id, checked: p === current, onchange: () => onPick(p) }),
        ` ${p.id.toUpperCase()}`,
      ),
    ),
  );
}
