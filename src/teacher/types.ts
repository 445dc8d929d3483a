/** The API's answers as the teacher pages read them (see src/server/domain). */
export interface SessionInfo {
  id: string;
  code: string;
  title: string;
  scenarios: string[];
  referential: string;
  mode: 'assisted' | 'exam';
  opensAt: number | null;
  closesAt: number | null;
  retentionDays: number;
  /** The exam rehearsal's durations the class sets, in seconds (null: 40 and 20 minutes). */
  prepSeconds?: number | null;
  simSeconds?: number | null;
  createdAt: number;
  deleteAfter: number;
}

export interface Catalog {
  scenarios: { id: string; title: string }[];
  referentials: { id: string; title: string }[];
  joinBase: string[];
}

export interface BoardData {
  session: SessionInfo & { state: string };
  competences: { code: string; title: string; weighted: boolean }[];
  levels: { id: string; label: string }[];
  students: {
    id: string;
    pseudonym: string;
    current: { scenarioTitle: string; phase: string } | null;
    attempts: number;
    latest: {
      attemptId: string;
      scenarioTitle: string;
      mark: number | null;
      validated: boolean;
      levels: Record<string, string | null>;
    } | null;
  }[];
  classLevels: Record<string, { ratio: number | null; level: string | null; count: number }>;
  decisions: {
    scenarioTitle: string;
    nodeId: string;
    stage: string;
    line: string;
    total: number;
    choices: { choiceId: string; text: string; count: number; quality: string; feedback: string; better: string }[];
  }[];
  attemptsCount: number;
}

export interface MotiveRow {
  label: string;
  detail: string;
  dominant: boolean;
}

export interface DebriefData {
  studentId: string;
  attemptId: string;
  pseudonym: string;
  scenarioTitle: string;
  startedAt: number;
  endedAt: number;
  ending: { title: string; summary: string };
  referential: string;
  marks: { auto: Record<string, number>; mark: number | null; validated: boolean };
  comment: string;
  levels: { id: string; label: string }[];
  competences: {
    code: string;
    title: string;
    weighted: boolean;
    level: string | null;
    auto: string | null;
    overridden: boolean;
  }[];
  timeline: { stage: string; kind: string; quality: string; text: string; feedback: string; better: string }[];
  /** Null when the log could not be replayed (the scenario changed). */
  motives: { found: MotiveRow[]; missed: MotiveRow[] } | null;
  outcome: {
    trust: number;
    interest: number;
    irritation: number;
    needsDiscovered: number;
    needsTotal: number;
  } | null;
}
