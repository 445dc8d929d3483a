import type { TFunction } from 'i18next';
import type { UiLanguage } from '../../../i18n/languages.ts';
import type { App } from '../../app/app.ts';
import type { CatalogEntry } from '../../catalog/scenario-catalog.ts';
import type { VisitController } from '../../visit/visit-controller.ts';
import type { VisitRegions } from './visit-layout.ts';

export type Playable = Extract<CatalogEntry, { ok: true }>;

/** Everything the parts of the visit screen share: the app, the visit, where to draw, and what was just done. */
export interface VisitUi {
  app: App;
  t: TFunction;
  lang: UiLanguage;
  entry: Playable;
  controller: VisitController;
  /** Files the attempt once it has ended (and, in an exam rehearsal, once the jury's questions are answered). */
  file(): void;
  regions: VisitRegions;
  assisted: boolean;
  /** The step whose feedback shows (the last one taken on this screen), with the needs it uncovered. */
  last: { step: number; discovered: string[] } | null;
  /** Redraws the screen from the visit's context. */
  render(): void;
}
