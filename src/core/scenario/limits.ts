/**
 * The bounds every scenario is read within. They are checked on the text (or on the parsed
 * value, for a document handed over already parsed) before anything recursive — Zod, the
 * cross-reference walks, the condition evaluator — touches it: a hostile or damaged file then
 * costs one linear pass and gets a coded error with its JSON path, never a stack overflow.
 * The numbers are documented for authors in docs/authoring.md (§ « Limites »).
 */

/** The largest scenario file. A real one is well under 1 MB. */
export const MAX_SCENARIO_BYTES = 5 * 1024 * 1024;

/**
 * Objects and lists nested in one another. A shipped scenario nests 12 deep; a choice's
 * condition starts at depth 9, so 40 leaves room for 15 nested `all`/`any` (31 `not`).
 */
export const MAX_NESTING = 40;

/**
 * Characters (UTF-16 code units) in one string of the file. The longest shipped text is 625;
 * a line a student reads on a button or in a bubble stays readable well below this.
 */
export const MAX_TEXT_LENGTH = 4000;

/** Problems of one kind reported per file: a file with 100,000 bad characters gets a readable list. */
export const MAX_REPORTED = 20;
