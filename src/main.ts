import './game/styles/main.css';
import { afterPaintAudio } from './adapters/audio/after-paint-audio.ts';
import { createHowlerAudio } from './adapters/audio/audio.ts';
import { soundSources } from './adapters/audio/sound-sources.ts';
import { systemClock } from './adapters/clock.ts';
import { browserSpeech } from './adapters/speech.ts';
import { browserSaveStore } from './adapters/storage.ts';
import type { SaveProblem } from './core/save/index.ts';
import { createI18n } from './i18n/create-i18n.ts';
import { gameResources } from './i18n/game-resources.ts';
import { isUiLanguage, languageFromLocale, type UiLanguage } from './i18n/languages.ts';
import { App } from './game/app/app.ts';
import type { Route } from './game/app/routes.ts';
import { contentLoader } from './game/catalog/content.ts';
import { screens } from './game/screens/index.ts';
import { noStage, queuedStage, type StagePort } from './game/stage/stage-port.ts';

/**
 * Composition root: reads the save, picks the language, builds the adapters and opens the
 * first screen at once — every screen is DOM. The drawn stage (Phaser and the art) and the
 * scenarios load behind it. Links such as `?scenario=<id>&lang=en` (teachers share them) open
 * a briefing directly.
 */
async function boot() {
  const params = new URLSearchParams(location.search);
  // IndexedDB (a localStorage save from before is migrated on the first start).
  const store = browserSaveStore(systemClock);
  const loaded = await store.load();
  const urlLang = params.get('lang');
  const lang: UiLanguage = isUiLanguage(urlLang)
    ? urlLang
    : (loaded.save.settings.lang ?? languageFromLocale(navigator.language));
  document.documentElement.lang = lang;
  const i18n = createI18n(lang, gameResources);
  const t = i18n.getFixedT(lang, 'game');

  const label = document.getElementById('boot-label');
  if (label) label.textContent = t('boot.loading');

  const content = contentLoader();

  const stage = queuedStage();
  const reducedQuery = matchMedia('(prefers-reduced-motion: reduce)');
  const audio = afterPaintAudio(
    createHowlerAudio(soundSources, {
      volume: loaded.save.settings.volume,
      muted: loaded.save.settings.muted,
    }),
  );
  const app = new App(
    document.getElementById('ui') as HTMLElement,
    {
      i18n,
      store,
      audio,
      speech: browserSpeech(),
      clock: systemClock,
      stage,
      catalog: content.catalog,
      referentials: content.referentials,
      systemReducedMotion: () => reducedQuery.matches,
      random: () => Math.random(),
    },
    loaded.save,
    screens,
  );
  reducedQuery.addEventListener('change', () => app.applySettings());

  const wanted = params.get('scenario');
  // An exam rehearsal's link: /?exam=<id> (&prep=<s>&sim=<s> shorten the countdowns, docs/exam.md).
  const rehearsal = params.get('exam');
  const joining = params.get('class'); // a class session's link: /?class=<code>
  const current = loaded.save.current;
  // A reload in the middle of a visit resumes it, even from a shared link to that scenario.
  const started = current && current.log.some((e) => e.type === 'player.start') ? current : null;
  const first: Route =
    started && (!(wanted ?? rehearsal) || (wanted ?? rehearsal) === started.scenarioId)
      ? { name: 'visit', resume: true }
      : joining
        ? { name: 'classroom', code: joining }
        : rehearsal
          ? { name: 'exam', scenarioId: rehearsal, prep: params.get('prep'), sim: params.get('sim') }
          : wanted
            ? { name: 'briefing', scenarioId: wanted }
            : { name: 'title' };
  await app.show(first);
  document.body.dataset.ready = 'true';
  // Read by scripts/bench-game.ts: the first screen is on and answers to input.
  performance.mark('negosim:interactive');
  // Scenarios are not needed for the title: read them now, while the player looks at it.
  void content.catalog();
  startStage(stage);
  void import('./game/classroom/index.ts').then((c) => c.resumeClassroom());
  for (const message of saveMessages(loaded.problems, loaded.setAsideKey ?? '—', t)) app.toast(message, 'warning');
  if (store.failing) app.toast(t('settings.storageOff'), 'warning');

  if ('serviceWorker' in navigator && import.meta.env.PROD) {
    navigator.serviceWorker.register('./sw.js').catch(() => undefined);
  }
}

/**
 * Phaser and the art load behind the first screen (the stage port queues what the screens ask
 * meanwhile), and the stage fades in once its first picture is drawn (main.css; not with
 * reduced motion).
 */
function startStage(stage: { attach(real: StagePort): void }): void {
  const parent = document.getElementById('stage') as HTMLElement;
  import('./game/stage/phaser-stage.ts')
    .then(({ createPhaserStage }) => createPhaserStage(parent))
    .then(({ stage: real }) => {
      stage.attach(real);
      parent.dataset.ready = 'true';
      // Read by scripts/bench-game.ts: the stage has drawn its first picture.
      performance.mark('negosim:stage');
    })
    .catch((error: unknown) => {
      stage.attach(noStage);
      console.error('The drawn stage could not start; the game goes on without it.', error);
    });
}

function saveMessages(
  problems: SaveProblem[],
  key: string,
  t: (k: string, o?: Record<string, unknown>) => string,
): string[] {
  const whole = problems.find((p) => p.kind !== 'invalid-part');
  if (whole) {
    const k =
      whole.kind === 'too-new'
        ? 'save.tooNew'
        : whole.kind === 'migration-failed'
          ? 'save.migrationFailed'
          : 'save.unreadable';
    return [t(k, { key })];
  }
  const parts = problems.flatMap((p) => (p.kind === 'invalid-part' ? [t(`save.part.${p.part}`)] : []));
  return parts.length ? [t('save.partial', { parts: parts.join(', '), key })] : [];
}

void boot();
