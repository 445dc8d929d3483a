import type { TFunction } from 'i18next';
import { bestFromAttempts, exportResults, emptySave, type Attempt } from '../../core/save/index.ts';
import { pickText, type ContentLanguage } from '../../core/scenario/text.ts';
import { parseJson, type Classroom, type SessionView } from './classroom.ts';
import { marksOf, reviewKey } from './marks.ts';
import { packById, referentialPacks } from './replay.ts';

async function rowsOf(c: Classroom, session: SessionView) {
  const [students, attempts, reviews] = await Promise.all([
    c.store.studentsOf(session.id),
    c.store.attemptsOf(session.id),
    c.store.reviewsOf(session.id),
  ]);
  const pseudonym = new Map(students.map((s) => [s.id, s.pseudonym]));
  const review = new Map(reviews.map((r) => [reviewKey(r.student_id, r.attempt_id), r]));
  return attempts.map((a) => ({
    attempt: a,
    pseudonym: pseudonym.get(a.student_id) ?? '',
    marks: marksOf(a, review.get(reviewKey(a.student_id, a.id)), session.referential),
  }));
}

/**
 * A spreadsheet cell: `;`-separated CSV quoting, and a leading apostrophe on anything a
 * spreadsheet would run as a formula (= + - @, tab, CR) — pseudonyms and comments are typed by people.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2, useGrouping: false });
const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short' });

/**
 * The marks for a French spreadsheet or gradebook: UTF-8 with a BOM (Excel then reads the
 * accents), `;` between cells, decimal commas, CRLF line ends. One row per visit.
 */
export async function resultsCsv(
  c: Classroom,
  session: SessionView,
  t: TFunction,
  lang: ContentLanguage,
): Promise<string> {
  const pack = packById(session.referential);
  const packs = referentialPacks();
  const header = [
    t('csv.pseudonym'),
    t('csv.scenario'),
    t('csv.date'),
    t('csv.duration'),
    ...packs.map((p) => t('csv.mark', { referential: p.id.toUpperCase() })),
    ...(pack?.competences ?? []).map((comp) => comp.code),
    t('csv.validatedMark', { referential: session.referential.toUpperCase() }),
    t('csv.overrides'),
    t('csv.comment'),
  ];
  const levelLabel = (id: string | null) =>
    id ? pickText(pack?.levels.find((l) => l.id === id)?.label, lang) : t('csv.notAssessed');
  const lines = [header];
  for (const { attempt, pseudonym, marks } of await rowsOf(c, session)) {
    lines.push([
      pseudonym,
      c.library.title(attempt.scenario_id, lang),
      dateTime.format(new Date(attempt.ended_at)),
      decimal.format(Math.max(0, attempt.ended_at - attempt.started_at) / 60000),
      ...packs.map((p) => (marks.auto[p.id] === undefined ? '' : decimal.format(marks.auto[p.id] as number))),
      ...marks.competences.map((comp) => levelLabel(comp.level)),
      marks.validated && marks.mark !== null ? decimal.format(marks.mark) : '',
      marks.competences
        .filter((comp) => comp.overridden)
        .map((comp) => t('csv.override', { code: comp.code, from: levelLabel(comp.auto), to: levelLabel(comp.level) }))
        .join(' | '),
      marks.comment,
    ]);
  }
  return '\uFEFF' + lines.map((cells) => cells.map(csvCell).join(';')).join('\r\n') + '\r\n';
}

/**
 * The class's results as one `negosim-results` document (the game imports it as is), with the
 * server's own marks on every attempt and, beside the attempts, who played them and the
 * teacher's reviews.
 */
export async function resultsJson(c: Classroom, session: SessionView) {
  const rows = await rowsOf(c, session);
  const attempts: Attempt[] = rows.map(({ attempt, marks }) => ({
    ...parseJson<Attempt>(attempt.document, {} as Attempt),
    endingId: attempt.ending_id,
    marks: marks.auto,
  }));
  const doc = exportResults({ ...emptySave(), attempts, best: bestFromAttempts(attempts) }, c.now());
  return {
    ...doc,
    classroom: {
      session: {
        code: session.code,
        title: session.title,
        referential: session.referential,
        mode: session.mode,
        scenarios: session.scenarios,
      },
      attempts: rows.map(({ attempt, pseudonym, marks }) => ({
        id: attempt.id,
        studentId: attempt.student_id,
        pseudonym,
        mark: marks.mark,
        validated: marks.validated,
        overrides: marks.overrides,
        comment: marks.comment,
      })),
    },
  };
}
