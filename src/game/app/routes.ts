/** The screens of the game and what each needs to open. */
export type Route =
  | { name: 'title' }
  | { name: 'library'; notFound?: string }
  | { name: 'briefing'; scenarioId: string; seed?: number }
  /** An exam rehearsal; `prep` and `sim` shorten its countdowns (seconds, from a link). */
  | { name: 'exam'; scenarioId: string; prep?: string | null; sim?: string | null }
  | { name: 'visit'; resume: true }
  | { name: 'debrief'; attemptId: string }
  /** The one-page jury grid of a finished attempt (printable). */
  | { name: 'grid'; attemptId: string }
  /**
   * Printable paper of an exam rehearsal: the fiche-sujet, a blank preparation sheet, or the
   * student's own (of an attempt, or of the rehearsal under way). `back` is the screen it was
   * opened from, so that « Retour » keeps that rehearsal's times (a link's `prep`, `sim`).
   */
  | { name: 'paper'; doc: 'fiche' | 'blank' | 'sheet'; scenarioId: string; attemptId?: string; back?: Route }
  | { name: 'results' }
  | { name: 'settings'; back: Route }
  | { name: 'classroom'; code?: string };

export interface Screen {
  root: HTMLElement;
  /** Document title part. */
  title: string;
  /** Keys not taken by a focused control: 1–9 for choices. Returns true when handled. */
  onKey?(event: KeyboardEvent): boolean;
  dispose?(): void;
}
