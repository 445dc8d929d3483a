import type { TFunction } from 'i18next';
import { MAX_SHEET_FIELD, PREP_SHEET_FIELDS, type PrepSheet } from '../../../core/save/format.ts';
import { h } from '../../dom/h.ts';

/** The groups of the preparation sheet: objectives, the client, the argument plan, the price plan. */
const GROUPS: { key: string; fields: (typeof PREP_SHEET_FIELDS)[number][] }[] = [
  { key: 'objectives', fields: ['high', 'realistic', 'fallback'] },
  { key: 'client', fields: ['motives', 'objections'] },
  { key: 'arguments', fields: ['arguments'] },
  { key: 'price', fields: ['listPrice', 'floorPrice', 'concessions', 'counterparts'] },
];
const SHORT = new Set(['high', 'realistic', 'fallback', 'listPrice', 'floorPrice']);

/**
 * The preparation sheet the candidate writes en loge, typed field by field. Every keystroke is
 * handed to `onChange` with the whole sheet, which keeps it (in the save: nothing is lost on a reload).
 */
export function prepSheetForm(sheet: PrepSheet, t: TFunction, onChange: (sheet: PrepSheet) => void): HTMLElement {
  let current: PrepSheet = { ...sheet };
  const field = (name: (typeof PREP_SHEET_FIELDS)[number]) => {
    const id = `sheet-${name}`;
    const attrs = { id, name, maxlength: MAX_SHEET_FIELD, 'data-sheet': name, class: 'sheet-form__input' };
    const input = SHORT.has(name)
      ? h('input', { ...attrs, type: 'text', autocomplete: 'off' })
      : h('textarea', { ...attrs, rows: 3 });
    input.value = current[name] ?? '';
    input.addEventListener('input', () => {
      current = { ...current, [name]: input.value.slice(0, MAX_SHEET_FIELD) };
      onChange(current);
    });
    return h('div', { class: 'sheet-form__field' }, h('label', { for: id }, t(`exam.sheet.${name}`)), input);
  };
  return h(
    'form',
    {
      class: 'sheet-form',
      'data-testid': 'prep-sheet',
      'aria-labelledby': 'sheet-heading',
      onsubmit: (e: Event) => e.preventDefault(),
    },
    h('h2', { id: 'sheet-heading' }, t('exam.sheet.heading')),
    h('p', { class: 'hint' }, t('exam.sheet.hint')),
    ...GROUPS.map((g) =>
      h(
        'fieldset',
        { class: 'sheet-form__group' },
        h('legend', {}, t(`exam.sheet.group.${g.key}`)),
        ...g.fields.map(field),
      ),
    ),
  );
}

/** The same sheet, read-only, beside the simulation (the candidate keeps their notes). */
export function prepSheetPanel(sheet: PrepSheet, t: TFunction): HTMLElement {
  const rows = PREP_SHEET_FIELDS.filter((f) => (sheet[f] ?? '').trim() !== '').flatMap((f) => [
    h('dt', {}, t(`exam.sheet.${f}`)),
    h('dd', {}, sheet[f] ?? ''),
  ]);
  return h(
    'details',
    { class: 'sheet-panel', 'data-testid': 'sheet-panel', open: true },
    h('summary', {}, t('exam.sheet.heading')),
    rows.length ? h('dl', {}, ...rows) : h('p', { class: 'hint' }, t('exam.sheet.empty')),
  );
}

/**
 * The sheet on paper: every group and field of the form, each with a box. Blank (`sheet` null),
 * the boxes are empty, to be filled by hand en loge: nothing of the scenario is in them, no answer,
 * no price. Filled, each box holds what the student typed.
 */
export function prepSheetPaper(sheet: PrepSheet | null, t: TFunction): HTMLElement {
  const field = (name: (typeof PREP_SHEET_FIELDS)[number]) =>
    h(
      'div',
      { class: 'paper-sheet__field', 'data-sheet': name },
      h('p', { class: 'paper-sheet__label' }, t(`exam.sheet.${name}`)),
      h('div', { class: `paper-sheet__box${SHORT.has(name) ? '' : ' paper-sheet__box--tall'}` }, sheet?.[name] ?? ''),
    );
  return h(
    'section',
    { class: 'paper-sheet', 'data-testid': sheet ? 'paper-sheet-filled' : 'paper-sheet-blank' },
    h('h2', {}, t('exam.sheet.heading')),
    ...GROUPS.map((g) =>
      h(
        'section',
        { class: 'paper-sheet__group' },
        h('h3', {}, t(`exam.sheet.group.${g.key}`)),
        ...g.fields.map(field),
      ),
    ),
  );
}
