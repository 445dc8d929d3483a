import Phaser from 'phaser';
import { SETTINGS, type Setting } from '../../core/scenario/format.ts';
import type { Mood } from '../../core/visit/visit-types.ts';
import { backLayer, bodyLayer, CHARACTER_SIZE, headLayer, type ClientLook, type Expression, type Gesture } from '../art/character-art.ts';
import { DESK_SIZE, settingBackground, settingForeground, SETTING_SIZE, titleBackdrop } from '../art/setting-art.ts';
import type { StagePort } from './stage-port.ts';

/**
 * The drawn scene: a setting, and the client between its background and its desk. Phaser only
 * draws here — what the client feels comes from the visit's snapshot through StagePort.
 * The canvas fills the window (Scale.RESIZE); `layout()` keeps the client on the right-hand
 * side, clear of the DOM panels, at any size from a 1024×768 tablet to 1920×1080.
 */
const svgUrl = (svg: string) => URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));

/** A short, stable key for generated art, so the same drawing is loaded once. */
function keyOf(prefix: string, svg: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < svg.length; i++) h = Math.imul(h ^ svg.charCodeAt(i), 0x01000193) >>> 0;
  return `${prefix}-${h.toString(16)}`;
}

class StageScene extends Phaser.Scene {
  reduced = false;
  private bg!: Phaser.GameObjects.Image;
  private fg!: Phaser.GameObjects.Image;
  private client!: Phaser.GameObjects.Container;
  private back!: Phaser.GameObjects.Image;
  private body!: Phaser.GameObjects.Image;
  private head!: Phaser.GameObjects.Image;
  private look: ClientLook = {};
  private mode: 'backdrop' | 'visit' = 'backdrop';
  private breathing: Phaser.Tweens.Tween | null = null;
  private gestureTween: Phaser.Tweens.Tween | null = null;
  private wanted = { expression: 'neutral' as Expression, gesture: 'none' as Gesture };

  constructor(private readonly onProgress: (p: number) => void, private readonly onReady: () => void) {
    super('stage');
  }

  preload() {
    this.load.on('progress', (p: number) => this.onProgress(p));
    const size = { width: SETTING_SIZE.width, height: SETTING_SIZE.height };
    this.load.svg('title', svgUrl(titleBackdrop()), size);
    for (const s of SETTINGS) {
      this.load.svg(`bg-${s}`, svgUrl(settingBackground(s)), size);
      this.load.svg(`fg-${s}`, svgUrl(settingForeground(s)), { width: DESK_SIZE.width, height: DESK_SIZE.height });
    }
  }

  create() {
    this.bg = this.add.image(0, 0, 'title').setOrigin(0.5);
    this.back = this.add.image(0, 0, '__DEFAULT').setOrigin(0.5, 1);
    this.body = this.add.image(0, 0, '__DEFAULT').setOrigin(0.5, 1);
    this.head = this.add.image(0, 0, '__DEFAULT').setOrigin(0.5, 1);
    this.client = this.add.container(0, 0, [this.back, this.body, this.head]).setVisible(false);
    this.fg = this.add.image(0, 0, 'fg-office').setOrigin(0.5).setVisible(false);
    this.scale.on('resize', () => {
      this.layout();
      this.settle();
    });
    this.layout();
    this.onReady();
  }

  /** Background covers the window; the client stands on the right, feet hidden by the desk. */
  layout() {
    const { width, height } = this.scale.gameSize;
    const cover = Math.max(width / SETTING_SIZE.width, height / SETTING_SIZE.height);
    this.bg.setPosition(width / 2, height / 2).setScale(cover);
    const unit = height / 720;
    // Right-hand side on wide screens (the dialogue is on the left); centred on narrow ones.
    const x = width >= 900 ? width - Math.min(width * 0.2, 210 * unit) : width / 2;
    this.client.setPosition(x, height * 0.99).setScale(0.6 * unit);
    this.fg.setPosition(x, height).setOrigin(0.5, 1).setScale(unit);
    // The head pivots at the neck (600×900 art: neck at y≈390).
    for (const part of [this.back, this.body, this.head]) part.setPosition(0, 0);
    this.head.setOrigin(0.5, 390 / CHARACTER_SIZE.height).setPosition(0, -(CHARACTER_SIZE.height - 390));
  }

  showBackdrop() {
    this.mode = 'backdrop';
    this.bg.setTexture('title');
    this.fg.setVisible(false);
    this.client.setVisible(false);
    this.stopTweens();
    this.settle();
  }

  /**
   * A still picture needs no game loop: draw one more frame, then let the loop sleep so menus
   * cost no CPU (a school laptop, or a software-rendered browser, feels the difference).
   */
  settle() {
    this.game.loop.wake();
    this.events.once('postrender', () => {
      if (this.mode === 'backdrop' || (this.reduced && !this.load.isLoading())) this.game.loop.sleep();
    });
  }

  showVisit(setting: Setting, look: ClientLook) {
    this.mode = 'visit';
    this.game.loop.wake();
    this.look = look;
    this.setSetting(setting);
    this.wanted = { expression: 'neutral', gesture: 'none' };
    void this.ensure(keyOf('back', backLayer(look)), backLayer(look)).then((k) => this.back.setTexture(k));
    void this.refreshClient().then(() => {
      if (this.mode === 'visit') this.client.setVisible(true);
      this.startBreathing();
    });
  }

  setSetting(setting: Setting) {
    this.bg.setTexture(`bg-${setting}`);
    this.fg.setTexture(`fg-${setting}`).setVisible(true);
    this.settle();
  }

  setClient(expression: Expression, gesture: Gesture, _mood: Mood) {
    const changed = gesture !== this.wanted.gesture;
    this.wanted = { expression, gesture };
    void this.refreshClient().then(() => {
      if (changed) this.playGesture(gesture);
    });
  }

  private async refreshClient() {
    const { expression, gesture } = this.wanted;
    const headSvg = headLayer(this.look, expression);
    const bodySvg = bodyLayer(this.look, gesture);
    const [hk, bk] = await Promise.all([this.ensure(keyOf('head', headSvg), headSvg), this.ensure(keyOf('body', bodySvg), bodySvg)]);
    // A later cue may have arrived while these loaded: only show the latest.
    if (this.wanted.expression === expression && this.wanted.gesture === gesture) {
      this.head.setTexture(hk);
      this.body.setTexture(bk);
      this.settle();
    }
  }

  /** Loads a generated drawing once; resolves with its texture key. */
  private ensure(key: string, svg: string): Promise<string> {
    if (this.textures.exists(key)) return Promise.resolve(key);
    return new Promise((resolve) => {
      this.load.once(`filecomplete-svg-${key}`, () => resolve(key));
      this.load.svg(key, svgUrl(svg), { width: CHARACTER_SIZE.width, height: CHARACTER_SIZE.height });
      if (!this.load.isLoading()) this.load.start();
    });
  }

  private stopTweens() {
    this.breathing?.stop();
    this.gestureTween?.stop();
    this.breathing = null;
    this.gestureTween = null;
    this.head.setAngle(0);
  }

  private startBreathing() {
    this.breathing?.stop();
    this.breathing = null;
    if (this.reduced) return;
    this.breathing = this.tweens.add({ targets: this.body, scaleY: 1.012, duration: 1800, yoyo: true, repeat: -1, ease: 'Sine.easeInOut' });
  }

  private playGesture(g: Gesture) {
    this.gestureTween?.stop();
    this.head.setAngle(0).setY(-(CHARACTER_SIZE.height - 390));
    if (this.reduced) return;
    const baseY = this.head.y;
    switch (g) {
      case 'nod':
        this.gestureTween = this.tweens.add({ targets: this.head, y: baseY + 14, duration: 180, yoyo: true, repeat: 1, ease: 'Sine.easeInOut' });
        break;
      case 'shake-head':
        this.gestureTween = this.tweens.add({ targets: this.head, angle: { from: -5, to: 5 }, duration: 160, yoyo: true, repeat: 2, onComplete: () => this.head.setAngle(0) });
        break;
      case 'lean-forward':
      case 'lean-back': {
        const scale = this.client.scale * (g === 'lean-forward' ? 1.05 : 0.96);
        this.gestureTween = this.tweens.add({ targets: this.client, scale, duration: 500, ease: 'Sine.easeOut' });
        break;
      }
      default:
        this.layout();
    }
  }
}

export async function createPhaserStage(parent: HTMLElement, onProgress: (p: number) => void): Promise<{ stage: StagePort; game: Phaser.Game }> {
  let scene!: StageScene;
  const ready = new Promise<void>((resolve) => {
    scene = new StageScene(onProgress, resolve);
  });
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    backgroundColor: '#1d3557',
    banner: false,
    // howler owns sound: Phaser must not open an audio context of its own.
    audio: { noAudio: true },
    // 30 frames a second are plenty for breathing and nods, and halve the drawing work.
    fps: { limit: 30 },
    scale: { mode: Phaser.Scale.RESIZE, width: parent.clientWidth || 1280, height: parent.clientHeight || 720 },
    input: { keyboard: false, mouse: false, touch: false, gamepad: false },
    scene,
  });
  await ready;
  const stage: StagePort = {
    showBackdrop: () => scene.showBackdrop(),
    showVisit: (s, look) => scene.showVisit(s, look),
    setSetting: (s) => scene.setSetting(s),
    setClient: (e, g, m) => scene.setClient(e, g, m),
    setReducedMotion: (r) => {
      scene.reduced = r;
      scene.settle();
    },
  };
  return { stage, game };
}
