import type { i18n as I18n, TFunction } from 'i18next';
import type { AudioPort } from '../../adapters/audio/audio.ts';
import type { Clock } from '../../adapters/clock.ts';
import type { SpeechPort } from '../../adapters/speech.ts';
import type { SaveStore, StoreEvent, WriteFailure } from '../../adapters/storage.ts';
import type { ReferentialPack } from '../../core/referentials/formats.ts';
import type { Referentials } from '../../core/referentials/load-referentials.ts';
import { exportResults, mergeStored, sameSettings, type Attempt, type Save } from '../../core/save/index.ts';
import type { UiLanguage } from '../../i18n/languages.ts';
import type { CatalogEntry } from '../catalog/scenario-catalog.ts';
import { h } from '../dom/h.ts';
import type { StagePort } from '../stage/stage-port.ts';
import type { Route, Screen } from './routes.ts';

export interface Services {
  i18n: I18n;
  /** The skill taxonomy and the referential packs, read with the scenarios; null when their files are broken. */
  referentials(): Promise<Referentials | null>;
  store: SaveStore;
  audio: AudioPort;
  speech: SpeechPort;
  clock: Clock;
  stage: StagePort;
  /** Reads and validates the scenarios once; later calls get the same list. */
  catalog(): Promise<CatalogEntry[]>;
  /** Whether the system asks for reduced motion (prefers-reduced-motion). */
  systemReducedMotion(): boolean;
  random(): number;
}

export type ScreenFactory = (app: App, route: Route) => Screen | Promise<Screen>;

/**
 * The composition of the view: the current save, language and screen. Screens are plain DOM
 * over the canvas; the app swaps them, keeps focus where a keyboard or screen-reader user
 * expects it, and applies settings (text size, motion, sound) everywhere at once.
 */
export class App {
  save: Save;
  private screen: Screen | null = null;
  private route: Route = { name: 'title' };
  private showing = 0;
  /** True while a screen change is under way: input then belongs to no screen and is dropped. */
  private switching = false;
  /** When the current screen was put in place (performance.now()): input from before is dropped. */
  private shownAt = 0;
  private storageAlert: HTMLElement | null = null;
  private unsavedWhenClosed = -1;
  private persistenceAsked = false;

  constructor(
    readonly root: HTMLElement,
    readonly services: Services,
    save: Save,
    private readonly screens: ScreenFactory,
  ) {
    this.save = save;
    document.addEventListener('keydown', (e) => this.onKey(e));
    // One intention, one turn: see oneIntention() below.
    document.addEventListener('keydown', (e) => this.dropRepeatedPress(e), { capture: true });
    root.addEventListener('click', (e) => this.oneIntention(e), { capture: true });
    services.store.listen((e) => this.onStore(e));
    // Sound may start only after a real gesture; the first one unlocks it.
    const unlock = () => this.services.audio.unlock();
    document.addEventListener('pointerdown', unlock, { once: true, capture: true });
    document.addEventListener('keydown', unlock, { once: true, capture: true });
    this.applySettings();
  }

  get lang(): UiLanguage {
    return this.services.i18n.language === 'en' ? 'en' : 'fr';
  }

  get t(): TFunction {
    return this.services.i18n.getFixedT(this.lang, 'game');
  }

  /** The referential the student marks visits against: their choice, else today's diploma (listed first). */
  packIn(refs: Referentials): ReferentialPack {
    const chosen = this.save.settings.pack;
    return (chosen ? refs.pack(chosen) : undefined) ?? (refs.packs[0] as ReferentialPack);
  }

  get current(): Route {
    return this.route;
  }

  async show(route: Route): Promise<void> {
    const ticket = ++this.showing;
    this.switching = true;
    let next: Screen;
    try {
      next = await this.screens(this, route);
    } finally {
      if (ticket === this.showing) this.switching = false;
    }
    if (ticket !== this.showing) {
      next.dispose?.();
      return; // a later navigation won
    }
    this.screen?.dispose?.();
    this.screen = next;
    this.route = route;
    this.root.replaceChildren(next.root);
    this.shownAt = performance.now();
    document.title = `${next.title} · NegoSim`;
    const heading = next.root.querySelector<HTMLElement>('h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
    window.scrollTo(0, 0);
  }

  /**
   * Applies a change at once in memory and stores it. The store applies the same change to the
   * stored save (another tab may have changed it) and writes only what differs; when the browser
   * refuses, the student is told at once and offered an export (onStore).
   */
  update(change: (save: Save) => Save): void {
    const before = this.save.attempts.length;
    this.save = change(this.save);
    void this.services.store.commit(change, () => this.save);
    if (this.save.attempts.length > before && !this.persistenceAsked) {
      // Results worth keeping: ask the browser not to evict them under storage pressure.
      this.persistenceAsked = true;
      void this.services.store.requestPersistence();
    }
  }

  /** Attempts the store has just written (an import): they join this tab's picture. */
  addStored(attempts: readonly Attempt[]): void {
    this.save = mergeStored(this.save, attempts, null);
  }

  /** Downloads every result held in memory (stored or not) as one `negosim-results` file. */
  exportResults(): void {
    const text = JSON.stringify(exportResults(this.save, this.services.clock.now()), null, 2);
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = h('a', { href: url, download: 'negosim-resultats.json' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  async setLanguage(lang: UiLanguage): Promise<void> {
    await this.services.i18n.changeLanguage(lang);
    document.documentElement.lang = lang;
    await this.show(this.route);
  }

  applySettings(): void {
    const s = this.save.settings;
    const html = document.documentElement;
    html.dataset.textSize = s.textSize;
    const reduced = s.reducedMotion === 'on' || (s.reducedMotion === 'system' && this.services.systemReducedMotion());
    html.dataset.reducedMotion = reduced ? 'true' : 'false';
    this.services.stage.setReducedMotion(reduced);
    this.services.stage.setLowGraphics(s.lowGraphics);
    this.services.audio.setVolume(s.volume);
    this.services.audio.setMuted(s.muted);
  }

  toast(message: string, kind: 'info' | 'warning' = 'info'): void {
    const box = document.getElementById('toasts');
    if (!box) return;
    const close = h('button', { class: 'toast__close', type: 'button', 'aria-label': this.t('toast.close') }, '×');
    const item = h('div', { class: `toast toast--${kind}` }, h('p', {}, message), close);
    close.addEventListener('click', () => item.remove());
    box.append(item);
    if (kind === 'info') window.setTimeout(() => item.remove(), 6000);
  }

  private onKey(e: KeyboardEvent) {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement | null;
    if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
    // A held key is one intention; a key pressed while the screen changed was meant for no screen.
    if (e.repeat || this.switching || e.timeStamp < this.shownAt) return;
    if (this.screen?.onKey?.(e)) e.preventDefault();
  }

  /** Enter held down on a button would press it again at every key repeat: once is enough. */
  private dropRepeatedPress(e: KeyboardEvent) {
    if (!e.repeat || (e.key !== 'Enter' && e.key !== ' ')) return;
    if ((e.target as Element | null)?.closest?.('button')) e.preventDefault();
  }

  /**
   * A choice is taken once. The second click of a double click (and the third of a triple)
   * lands where the next turn's choices are already drawn: it is the same intention, and is
   * dropped (`detail` counts the clicks of one multi-click). So is a click on a choice while the
   * screen changes, or queued from before the screen was drawn.
   */
  private oneIntention(e: MouseEvent) {
    if (!(e.target as Element | null)?.closest?.('.choices button')) return;
    if (e.detail > 1 || this.switching || e.timeStamp < this.shownAt) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  }

  private onStore(e: StoreEvent) {
    if (e.type === 'failed') this.showStorageAlert(e.reason);
    else if (e.type === 'saved') {
      this.storageAlert?.remove();
      this.storageAlert = null;
      this.unsavedWhenClosed = -1;
      if (e.settings && !sameSettings(e.settings, this.save.settings)) {
        this.save = { ...this.save, settings: e.settings };
        this.applySettings();
      }
    } else {
      const had = this.save.attempts.length;
      this.save = mergeStored(this.save, e.attempts, e.settings);
      this.applySettings();
      const listsResults = this.route.name === 'results' || this.route.name === 'library';
      if (this.save.attempts.length > had && listsResults && !this.switching) void this.show(this.route);
    }
  }

  /**
   * Nothing is reported as saved that was not: when the browser refuses a write, the student
   * sees it at once, with their results one click away. Closed, it comes back only when another
   * result could not be stored.
   */
  private showStorageAlert(reason: WriteFailure) {
    const unsaved = this.services.store.unsavedCount(this.save);
    if (this.storageAlert?.isConnected) return;
    if (this.unsavedWhenClosed >= 0 && unsaved <= this.unsavedWhenClosed) return;
    const t = this.t;
    const close = h('button', { class: 'toast__close', type: 'button', 'aria-label': t('toast.close') }, '×');
    const alert = h(
      'div',
      { class: 'toast toast--warning storage-alert', role: 'alert', 'data-testid': 'storage-alert' },
      h(
        'div',
        {},
        h('p', {}, t(`storage.failed.${reason}`)),
        h(
          'button',
          { type: 'button', class: 'btn btn--secondary btn--small', onclick: () => this.exportResults() },
          t('storage.export'),
        ),
      ),
      close,
    );
    close.addEventListener('click', () => {
      this.unsavedWhenClosed = this.services.store.unsavedCount(this.save);
      alert.remove();
    });
    this.storageAlert = alert;
    document.getElementById('toasts')?.prepend(alert);
  }
}
