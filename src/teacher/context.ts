import type { TFunction } from 'i18next';
import { ApiFailure } from './api.ts';
import type { TeacherLang } from './i18n.ts';

/** What every teacher view gets: words, language, where to draw, and how to move on. */
export interface TeacherContext {
  t: TFunction;
  lang: TeacherLang;
  main: HTMLElement;
  go(hash: string): void;
  /** Says something in the polite live region (saved, deleted…). */
  status(message: string): void;
  /** Runs when the view is left (closes the live stream). */
  onLeave(cleanup: () => void): void;
}

/** A failure in the teacher's words: coded errors are translated, the rest is "unexpected". */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiFailure) {
    if (error.code === 'network') return t('errors.network');
    const known = t(`errors.${error.code}`, { defaultValue: '' });
    return known || t('errors.unknown', { code: error.code });
  }
  return t('errors.unknown', { code: error instanceof Error ? error.message : String(error) });
}
