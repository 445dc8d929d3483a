import type { AttemptSummary, ReviewRow } from '../db/store.ts';
import { parseJson } from './classroom.ts';
import { markWithOverrides, packById, type LevelId, type StoredEvaluation } from './replay.ts';

export interface AttemptMarks {
  /** The server's mark under each pack (automatic, from the replay). */
  auto: Record<string, number>;
  /** Under the session's referential: the competences in effect (override applied) and the mark. */
  competences: (StoredEvaluation['competences'][number] & { auto: LevelId | null; overridden: boolean })[];
  mark: number | null;
  /** True when the teacher changed a level: the mark is then the teacher's, not a proposal. */
  validated: boolean;
  overrides: Record<string, LevelId>;
  comment: string;
}

/** An attempt's marks as the teacher sees them: automatic under every pack, and the session's with overrides. */
export function marksOf(attempt: AttemptSummary, review: ReviewRow | undefined, referential: string): AttemptMarks {
  const evaluations = parseJson<Record<string, StoredEvaluation>>(attempt.evaluations, {});
  const auto: Record<string, number> = {};
  for (const [id, e] of Object.entries(evaluations)) auto[id] = e.mark;
  const overrides = review ? parseJson<Record<string, LevelId>>(review.overrides, {}) : {};
  const evaluation = evaluations[referential];
  const pack = packById(referential);
  if (!evaluation || !pack)
    return { auto, competences: [], mark: null, validated: false, overrides, comment: review?.comment ?? '' };
  const applied = markWithOverrides(evaluation, pack, overrides);
  const competences = applied.competences.map((c, i) => ({
    ...c,
    auto: evaluation.competences[i]?.level ?? null,
    overridden: overrides[c.code] !== undefined,
  }));
  return {
    auto,
    competences,
    mark: applied.mark,
    validated: Object.keys(overrides).length > 0,
    overrides,
    comment: review?.comment ?? '',
  };
}

export function reviewKey(studentId: string, attemptId: string): string {
  return `${studentId}\u0000${attemptId}`;
}
