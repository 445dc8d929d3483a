import type { i18n as I18n, TFunction } from 'i18next';
import type { AudioPort } from '../../adapters/audio/audio.ts';
import type { Clock } from '../../adapters/clock.ts';
import type { SpeechPort } from '../../adapters/speech.ts';
import type { SaveStore } from '../../adapters/storage.ts';
import type { Save } from '../../core/save/index.ts';
import type { UiLanguage } from '../../i18n/languages.ts';
import type { CatalogEntry } from '../catalog/scenario-catalog.ts';
import { h } from '../dom/h.ts';
import type { StagePort } from '../stage/stage-port.ts';
import type { Route, Screen } from './routes.ts';

export interface Services {
  i18n: I18n;
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

  constructor(
    readonly root: HTMLElement,
    readonly services: Services,
    save: Save,
    private readonly screens: ScreenFactory,
  ) {
    this.save = save;
    document.addEventListener('keydown', (e) => this.onKey(e));
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

  get current(): Route {
    return this.route;
  }

  async show(route: Route): Promise<void> {
    const ticket = ++this.showing;
    const next = await this.screens(this, route);
    if (ticket !== this.showing) {
      next.dispose?.();
      return; // a later navigation won
    }
    this.screen?.dispose?.();
    this.screen = next;
    this.route = route;
    this.root.replaceChildren(next.root);
    document.title = `${next.title} · NegoSim`;
    const heading = next.root.querySelector<HTMLElement>('h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
    window.scrollTo(0, 0);
  }

  /** Saves a change and keeps it in memory even when the browser refuses to store it. */
  update(change: (save: Save) => Save): void {
    this.save = change(this.save);
    this.services.store.write(this.save);
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
    if (this.screen?.onKey?.(e)) e.preventDefault();
  }
}
