import { pickText, type ContentLanguage } from '../../core/scenario/text.ts';
import type { AttemptSummary as AttemptRow } from '../db/store.ts';
import { parseJson, stateOf, type Classroom, type SessionView } from './classroom.ts';
import { marksOf, reviewKey, type AttemptMarks } from './marks.ts';
import { levelFor, packById, qualityOfChoice, type Decision, type ReferentialPack } from './replay.ts';

/**
 * The live board: everything a teacher projects during a class, computed from stored rows
 * (never by replaying logs again), with the authored text picked in the board's language.
 */
export interface Board {
  session: SessionView & { state: string };
  competences: { code: string; title: string; weighted: boolean }[];
  levels: { id: string; label: string }[];
  students: BoardStudent[];
  /** The class's level per competence: the mean share over each student's latest visit. */
  classLevels: Record<string, { ratio: number | null; level: string | null; count: number }>;
  decisions: BoardDecision[];
  attemptsCount: number;
}

export interface BoardStudent {
  id: string;
  pseudonym: string;
  current: { scenarioId: string; scenarioTitle: string; phase: string; updatedAt: number } | null;
  attempts: number;
  latest: {
    attemptId: string;
    scenarioId: string;
    scenarioTitle: string;
    endedAt: number;
    mark: number | null;
    validated: boolean;
    levels: Record<string, string | null>;
  } | null;
}

export interface BoardDecision {
  scenarioId: string;
  scenarioTitle: string;
  nodeId: string;
  stage: string;
  line: string;
  /** Students whose latest visit of this scenario went through this decision. */
  total: number;
  choices: { choiceId: string; text: string; count: number; quality: string; feedback: string; better: string }[];
}

export async function boardOf(c: Classroom, session: SessionView, lang: ContentLanguage): Promise<Board> {
  const [students, attempts, progress, reviews] = await Promise.all([
    c.store.studentsOf(session.id),
    c.store.attemptSummariesOf(session.id),
    c.store.progressOf(session.id),
    c.store.reviewsOf(session.id),
  ]);
  const pack = packById(session.referential);
  const reviewByKey = new Map(reviews.map((r) => [reviewKey(r.student_id, r.attempt_id), r]));
  const marks = new Map<AttemptRow, AttemptMarks>(
    attempts.map((a) => [a, marksOf(a, reviewByKey.get(reviewKey(a.student_id, a.id)), session.referential)]),
  );
  const byStudent = new Map<string, AttemptRow[]>();
  for (const a of attempts) byStudent.set(a.student_id, [...(byStudent.get(a.student_id) ?? []), a]);
  const progressBy = new Map(progress.map((p) => [p.student_id, p]));

  const rows: BoardStudent[] = students.map((s) => {
    const mine = byStudent.get(s.id) ?? [];
    const last = mine.at(-1);
    const p = progressBy.get(s.id);
    // A visit under way is shown until its attempt arrives.
    const running = p && !mine.some((a) => a.id === p.attempt_id) && p.phase !== 'debrief' ? p : null;
    const m = last ? marks.get(last) : undefined;
    return {
      id: s.id,
      pseudonym: s.pseudonym,
      current: running
        ? {
            scenarioId: running.scenario_id,
            scenarioTitle: c.library.title(running.scenario_id, lang),
            phase: running.phase,
            updatedAt: running.updated_at,
          }
        : null,
      attempts: mine.length,
      latest:
        last && m
          ? {
              attemptId: last.id,
              scenarioId: last.scenario_id,
              scenarioTitle: c.library.title(last.scenario_id, lang),
              endedAt: last.ended_at,
              mark: m.mark,
              validated: m.validated,
              levels: Object.fromEntries(m.competences.map((x) => [x.code, x.level])),
            }
          : null,
    };
  });

  return {
    session: { ...session, state: stateOf(session, c.now()) },
    competences: (pack?.competences ?? []).map((x) => ({
      code: x.code,
      title: pickText(x.title, lang),
      weighted: x.weight > 0,
    })),
    levels: (pack?.levels ?? []).map((l) => ({ id: l.id, label: pickText(l.label, lang) })),
    students: rows,
    classLevels: classLevels(
      pack,
      students.map((s) => byStudent.get(s.id)?.at(-1)).flatMap((a) => (a ? [marks.get(a)] : [])),
    ),
    decisions: decisionsOf(c, byStudent, lang),
    attemptsCount: attempts.length,
  };
}

function classLevels(pack: ReferentialPack | undefined, latest: (AttemptMarks | undefined)[]): Board['classLevels'] {
  const sums = new Map<string, { total: number; count: number; levels: Map<string, number> }>();
  for (const m of latest) {
    for (const comp of m?.competences ?? []) {
      if (comp.ratio === null) continue;
      const s = sums.get(comp.code) ?? { total: 0, count: 0, levels: new Map() };
      s.total += comp.ratio;
      s.count++;
      sums.set(comp.code, s);
    }
  }
  const out: Board['classLevels'] = {};
  for (const [code, s] of sums) {
    const ratio = s.total / s.count;
    out[code] = { ratio, level: pack ? levelFor(pack, ratio) : null, count: s.count };
  }
  return out;
}

/** Per decision point, how the class chose: each student's latest visit of each scenario counts once. */
function decisionsOf(c: Classroom, byStudent: Map<string, AttemptRow[]>, lang: ContentLanguage): BoardDecision[] {
  const counts = new Map<
    string,
    { scenarioId: string; decision: Decision; total: number; picks: Map<string, number> }
  >();
  for (const attempts of byStudent.values()) {
    const latestPerScenario = new Map<string, AttemptRow>();
    for (const a of attempts) latestPerScenario.set(a.scenario_id, a);
    for (const a of latestPerScenario.values()) {
      const seen = new Set<string>();
      for (const d of parseJson<Decision[]>(a.decisions, [])) {
        if (d.choiceId.startsWith('nego:')) continue;
        const key = `${a.scenario_id}\u0000${d.nodeId}`;
        const entry = counts.get(key) ?? { scenarioId: a.scenario_id, decision: d, total: 0, picks: new Map() };
        if (!seen.has(key)) entry.total++;
        seen.add(key);
        entry.picks.set(d.choiceId, (entry.picks.get(d.choiceId) ?? 0) + 1);
        counts.set(key, entry);
      }
    }
  }
  const out: (BoardDecision & { order: number })[] = [];
  for (const { scenarioId, decision, total, picks } of counts.values()) {
    const entry = c.library.get(scenarioId);
    if (!entry) continue;
    const node = entry.index.nodes.get(decision.nodeId)?.node ?? entry.index.preparation.get(decision.nodeId)?.node;
    const offered = node?.choices.map((ch) => ch.id) ?? [...picks.keys()];
    const position = entry.index.nodeList.findIndex((n) => n.node.id === decision.nodeId);
    out.push({
      order: position < 0 ? -1 : position,
      scenarioId,
      scenarioTitle: pickText(entry.scenario.meta.title, lang),
      nodeId: decision.nodeId,
      stage: decision.stage,
      line: pickText(node?.text, lang),
      total,
      choices: offered.map((id) => {
        const choice = entry.index.choices.get(id)?.choice;
        const better =
          choice?.better ??
          (choice && 'betterChoice' in choice && choice.betterChoice
            ? entry.index.choices.get(choice.betterChoice)?.choice.text
            : undefined);
        return {
          choiceId: id,
          text: pickText(choice?.text, lang),
          count: picks.get(id) ?? 0,
          quality: qualityOfChoice(entry.index, id),
          feedback: pickText(choice?.feedback, lang),
          better: pickText(better, lang),
        };
      }),
    });
  }
  // Scenario by scenario, preparation first, then the dialogue in the file's order.
  return out
    .sort((a, b) => a.scenarioId.localeCompare(b.scenarioId) || a.order - b.order)
    .map(({ order: _order, ...d }) => d);
}
