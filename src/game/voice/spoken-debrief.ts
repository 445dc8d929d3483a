import type { TFunction } from 'i18next';
import type { Recording, RecordingStore } from '../../adapters/voice/recordings.ts';
import type { ScenarioIndex } from '../../core/scenario/scenario-index.ts';
import type { VisitContext } from '../../core/visit/visit-types.ts';
import type { UiLanguage } from '../../i18n/languages.ts';
import { spokenRows, type SpokenRow } from '../../present/spoken.ts';
import { h, replace } from '../dom/h.ts';
import { shortTime } from './record-panel.ts';
import { voiceServices } from './voice-services.ts';

const EXTENSIONS: [RegExp, string][] = [
  [/^audio\/webm/, 'webm'],
  [/^audio\/ogg/, 'ogg'],
  [/^audio\/mp4/, 'm4a'],
];
const extensionOf = (mime: string) => EXTENSIONS.find(([re]) => re.test(mime))?.[1] ?? 'audio';

/**
 * « Vos réponses à voix haute » in the debrief: each recorded answer, played next to the best
 * answer on offer at that decision, so that the student hears the gap. Empty (and out of the
 * page) when the visit has no recording. The student can download one recording (that is the
 * only way one leaves the browser) or delete the visit's recordings.
 */
export function spokenSection(opts: {
  attemptId: string;
  index: ScenarioIndex;
  ctx: VisitContext;
  lang: UiLanguage;
  t: TFunction;
  recordings?: RecordingStore;
  onChange?: (message: string) => void;
}): HTMLElement {
  const { t } = opts;
  const store = opts.recordings ?? voiceServices().recordings;
  const root = h('section', {
    class: 'debrief__spoken',
    'aria-labelledby': 'spoken-heading',
    'data-testid': 'spoken-answers',
    hidden: true,
  });
  const urls: string[] = [];
  const draw = (recordings: Recording[]) => {
    urls.splice(0).forEach((u) => URL.revokeObjectURL(u));
    const byStep = new Map(recordings.map((r) => [r.step, r]));
    const rows = spokenRows(opts.index, opts.ctx, [...byStep.keys()], opts.lang);
    root.hidden = rows.length === 0;
    if (rows.length === 0) return replace(root);
    const remove = async () => {
      const n = await store.removeVisit(opts.attemptId);
      draw([]);
      opts.onChange?.(t('spoken.deleted', { count: n }));
    };
    replace(
      root,
      h('h2', { id: 'spoken-heading' }, t('spoken.debrief')),
      h('p', { class: 'hint' }, t('spoken.debriefHint')),
      h(
        'ol',
        { class: 'spoken__list' },
        ...rows.map((row, i) => item(row, i + 1, byStep.get(row.step) as Recording, opts.attemptId, t, urls)),
      ),
      h(
        'button',
        { type: 'button', class: 'btn btn--secondary no-print', onclick: () => void remove() },
        t('spoken.deleteVisit'),
      ),
    );
  };
  store.list(opts.attemptId).then(draw, () => draw([]));
  return root;
}

function item(row: SpokenRow, n: number, rec: Recording, attemptId: string, t: TFunction, urls: string[]) {
  const url = URL.createObjectURL(new Blob([rec.audio], { type: rec.mime }));
  urls.push(url);
  return h(
    'li',
    { class: 'spoken__item', 'data-step': row.step },
    h('h3', { class: 'spoken__decision' }, t('spoken.decision', { n }), ` (${shortTime(rec.durationMs)})`),
    h('p', {}, t('spoken.clientSaid', { line: row.line })),
    h('audio', {
      controls: true,
      preload: 'metadata',
      src: url,
      'aria-label': t('spoken.audioLabel', { n }),
      class: 'no-print',
    }),
    h('p', {}, t('spoken.youChose', { text: row.chosen })),
    h(
      'p',
      { class: 'feedback__better' },
      row.bestIsChosen ? t('spoken.bestIsYours') : t('spoken.best', { text: row.best }),
    ),
    h(
      'a',
      { href: url, download: `negosim-${attemptId}-${n}.${extensionOf(rec.mime)}`, class: 'no-print' },
      t('spoken.download', { n }),
    ),
  );
}
