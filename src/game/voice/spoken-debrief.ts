import type { TFunction } from 'i18next';
import type { Recording, RecordingStore } from '../../adapters/voice/recordings.ts';
import { juryQuestions } from '../../core/exam/jury-questions.ts';
import type { ScenarioIndex } from '../../core/scenario/scenario-index.ts';
import type { VisitContext } from '../../core/visit/visit-types.ts';
import type { UiLanguage } from '../../i18n/languages.ts';
import { spokenRows } from '../../present/spoken.ts';
import { h, replace } from '../dom/h.ts';
import { questionText } from '../screens/visit/jury-turn.ts';
import { shortTime } from './record-panel.ts';
import { voiceServices } from './voice-services.ts';

const EXTENSIONS: [RegExp, string][] = [
  [/^audio\/webm/, 'webm'],
  [/^audio\/ogg/, 'ogg'],
  [/^audio\/mp4/, 'm4a'],
];
const extensionOf = (mime: string) => EXTENSIONS.find(([re]) => re.test(mime))?.[1] ?? 'audio';

interface Opts {
  attemptId: string;
  index: ScenarioIndex;
  ctx: VisitContext;
  lang: UiLanguage;
  t: TFunction;
  /** An exam rehearsal's answers to the jury: question id → the justification chosen. */
  jury?: Readonly<Record<string, string>>;
  recordings?: RecordingStore;
  onChange?: (message: string) => void;
}

/** One recording as the debrief shows it, the dialogue's and the jury's alike. */
interface Row {
  rec: Recording;
  heading: string;
  audioLabel: string;
  said: string;
  chosen: string;
  best: string;
}

/**
 * « Vos réponses à voix haute » in the debrief: each recorded answer, played next to the best
 * answer on offer at that decision (or the justification the jury expects), so that the student
 * hears the gap. Empty and hidden when the visit has no recording. The student can download one
 * recording (the only way one leaves the browser) or delete the visit's recordings.
 */
export function spokenSection(opts: Opts): HTMLElement {
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
    const rows = [...dialogueRows(opts, recordings), ...juryRows(opts, recordings)];
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
      h('ol', { class: 'spoken__list' }, ...rows.map((row, i) => item(row, i + 1, opts, urls))),
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

function dialogueRows({ index, ctx, lang, t }: Opts, recordings: Recording[]): Row[] {
  const byStep = new Map(recordings.filter((r) => !r.question).map((r) => [r.step, r]));
  return spokenRows(index, ctx, [...byStep.keys()], lang).map((row, i) => ({
    rec: byStep.get(row.step) as Recording,
    heading: t('spoken.decision', { n: i + 1 }),
    audioLabel: t('spoken.audioLabel', { n: i + 1 }),
    said: t('spoken.clientSaid', { line: row.line }),
    chosen: t('spoken.youChose', { text: row.chosen }),
    best: row.bestIsChosen ? t('spoken.bestIsYours') : t('spoken.best', { text: row.best }),
  }));
}

function juryRows({ index, ctx, lang, t, jury }: Opts, recordings: Recording[]): Row[] {
  const byQuestion = new Map(recordings.filter((r) => r.question).map((r) => [r.question, r]));
  if (byQuestion.size === 0) return [];
  const option = (kind: string, id: string | undefined) => (id ? t(`exam.jury.option.${kind}.${id}`) : '—');
  return juryQuestions(index, ctx).flatMap((q, i) => {
    const rec = byQuestion.get(q.id);
    if (!rec) return [];
    const chosen = jury?.[q.id];
    return [
      {
        rec,
        heading: t('spoken.juryDecision', { n: i + 1 }),
        audioLabel: t('spoken.juryAudioLabel', { n: i + 1 }),
        said: t('spoken.jurySaid', { line: questionText(q, index, lang, t) }),
        chosen: t('spoken.youChose', { text: option(q.kind, chosen) }),
        best:
          chosen === q.expected ? t('spoken.bestIsYours') : t('spoken.juryBest', { text: option(q.kind, q.expected) }),
      },
    ];
  });
}

function item(row: Row, n: number, opts: Opts, urls: string[]): HTMLElement {
  const { rec } = row;
  const url = URL.createObjectURL(new Blob([rec.audio], { type: rec.mime }));
  urls.push(url);
  return h(
    'li',
    { class: 'spoken__item', 'data-step': rec.step },
    h('h3', { class: 'spoken__decision' }, row.heading, ` (${shortTime(rec.durationMs)})`),
    h('p', {}, row.said),
    h('audio', { controls: true, preload: 'metadata', src: url, 'aria-label': row.audioLabel, class: 'no-print' }),
    h('p', {}, row.chosen),
    h('p', { class: 'feedback__better' }, row.best),
    h(
      'a',
      { href: url, download: `negosim-${opts.attemptId}-${n}.${extensionOf(rec.mime)}`, class: 'no-print' },
      opts.t('spoken.download', { n }),
    ),
  );
}
