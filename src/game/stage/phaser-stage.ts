import Phaser from 'phaser';
import type { PoseId, TweenFrame } from '../../../assets/manifest.types.ts';
import type { Setting } from '../../core/scenario/format.ts';
import type { Mood } from '../../core/visit/visit-types.ts';
import { clientLayers, gestureSpec, manifest, poseOf, settingLayer, type Layer } from '../art/asset-art.ts';
import type { ClientLook, Expression, Gesture } from '../art/character-art.ts';
import { titleBackdrop } from '../art/title-art.ts';
import { cropped, tinted } from './layer-pictures.ts';
import { drawsWithoutGpu } from './software-rendering.ts';
import type { LowGraphics, StagePort } from './stage-port.ts';

/**
 * The drawn scene: a setting, and the client standing in it. Phaser only draws here — what the
 * client feels comes from the visit through StagePort. The canvas fills the window
 * (Scale.RESIZE); the 1920×1080 scene is scaled to cover it and anchored on the right, where
 * the settings keep a calm area for the client, so the DOM dialogue on the left never hides
 * them — from a 1024×768 tablet to 1920×1080.
 *
 * Phaser draws with its Canvas renderer, everywhere. A handful of images needs no WebGL, and
 * without a GPU (the school computer whose driver the browser blocks) a WebGL frame is drawn
 * by the CPU and read back on the page's thread — 150 to 450 ms a frame here, during which a
 * click waits — where a 2D canvas costs a few milliseconds. Tints are therefore baked into
 * canvas textures, and the client's layers cropped to what they show (layer-pictures.ts); the
 * production build leaves WebGL out of Phaser altogether (vite.config.ts, phaser-lite.js).
 */
const SCENE = manifest.scene;
const CHAR = manifest.character;
/** Character layers are rasterised at this share of their 600×900 size (GPU memory), then scaled back. */
const CHAR_RES = 0.75;
const NECK = CHAR.anchors.neck;

/** The menus' backdrop: the client's office dimmed to a dusk blue, so white sheets read on it. */
const DUSK = 0x5d6f8f;

class StageScene extends Phaser.Scene {
  reduced = false;
  /** Low graphics: the client stands still (no gestures, no breathing); see drawsWithoutGpu. */
  low = false;
  private bg!: Phaser.GameObjects.Image;
  /** The backdrop's picture as loaded; the image shows a copy scaled to the window (layout). */
  private bgKey = 'title';
  private bgScaledKey: string | null = null;
  private client!: Phaser.GameObjects.Container;
  private layers: Phaser.GameObjects.Image[] = [];
  private look: ClientLook = {};
  /** Tinted layers made for the current client (layerTexture): dropped when another client comes. */
  private tintedForClient = new Set<string>();
  /** Where each prepared layer's cropped picture sat on the full layer, in texture pixels. */
  private layerOffsets = new Map<string, { x: number; y: number }>();
  private mode: 'backdrop' | 'visit' = 'backdrop';
  private setting: Setting | null = null;
  private pose: PoseId = CHAR.defaults.pose;
  private wanted: { expression: Expression; gesture: Gesture } = { expression: 'neutral', gesture: 'none' };
  private rest = { x: 0, y: 0, scale: 1 };
  private breathing: Phaser.Tweens.Tween | null = null;
  private moving: Phaser.Tweens.TweenChain | null = null;
  /** A frame is awaited to put the loop to sleep after (settle). */
  private settling = false;

  constructor(
    private readonly onProgress: (p: number) => void,
    private readonly onReady: () => void,
  ) {
    super('stage');
  }

  preload() {
    this.load.on('progress', (p: number) => this.onProgress(p));
    this.load.svg('title', URL.createObjectURL(new Blob([titleBackdrop()], { type: 'image/svg+xml' })), {
      width: 1280,
      height: 720,
    });
    // The most common setting comes with the boot; the others load when a visit needs them.
    const office = settingLayer('office');
    if (office) this.load.svg(office.key, office.url, { width: SCENE.width, height: SCENE.height });
  }

  create() {
    this.bg = this.add.image(0, 0, 'title').setOrigin(0.5);
    this.client = this.add.container(0, 0).setVisible(false);
    this.showBackdrop();
    this.scale.on('resize', () => {
      this.layout();
      this.settle();
    });
    // The scale manager notices a new window size in the game loop's step: wake it to look.
    window.addEventListener('resize', () => this.settle());
    this.layout();
    this.onReady();
  }

  /** Cover the window with the scene, anchored right on wide screens and on the client when narrow. */
  layout() {
    const { width, height } = this.scale.gameSize;
    if (this.mode === 'backdrop') {
      const source = this.textures.get(this.bgKey).getSourceImage() as HTMLImageElement | HTMLCanvasElement;
      const cover = Math.max(width / source.width, height / source.height);
      const [w, h] = [source.width * cover, source.height * cover];
      this.showScaledBg(w, h, (width - w) / 2, (height - h) / 2);
      return;
    }
    const s = Math.max(width / SCENE.width, height / SCENE.height);
    const clientX = CHAR.placement.x * s;
    const right = width - SCENE.width * s; // image flush with the right edge
    // Narrow windows centre the client, as far as the image still covers the window.
    const ox = width >= 900 ? right : Math.min(0, Math.max(right, width / 2 - clientX));
    this.showScaledBg(SCENE.width * s, SCENE.height * s, ox, 0);
    // On wide screens keep the client clear of the dialogue column: at most 260 px (at 720p) from the right edge.
    const unit = height / 720;
    const x = width >= 900 ? Math.max(ox + CHAR.placement.x * s, width - 260 * unit) : ox + CHAR.placement.x * s;
    this.rest = { x, y: CHAR.placement.y * s, scale: s * CHAR.placement.scale * 0.92 };
    this.client.setPosition(this.rest.x, this.rest.y).setScale(this.rest.scale).setAngle(0);
  }

  /**
   * The backdrop drawn at the size it shows, once: a software canvas then copies it pixel for
   * pixel on each frame instead of resampling 1920×1080 pixels (whole pixels: a fractional
   * position would make it resample again). The picture covers the canvas, so the canvas is
   * never cleared first (clearBeforeRender: false).
   */
  private showScaledBg(width: number, height: number, x: number, y: number) {
    const [left, top] = [Math.floor(x), Math.floor(y)];
    const [w, h] = [Math.ceil(x + width) - left, Math.ceil(y + height) - top];
    const key = `${this.bgKey}@${w}x${h}`;
    if (!this.textures.exists(key)) {
      const source = this.textures.get(this.bgKey).getSourceImage() as HTMLImageElement | HTMLCanvasElement;
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      const ctx = canvas.getContext('2d');
      if (ctx) {
        ctx.imageSmoothingQuality = 'high';
        ctx.drawImage(source, 0, 0, w, h);
      }
      this.textures.addCanvas(key, canvas);
    }
    this.bg.setTexture(key).setOrigin(0, 0).setScale(1).setPosition(left, top);
    if (this.bgScaledKey && this.bgScaledKey !== key) this.textures.remove(this.bgScaledKey);
    this.bgScaledKey = key;
  }

  showBackdrop() {
    const office = settingLayer('office');
    const key = office && this.textures.exists(office.key) ? this.backdropTexture(office.key) : 'title';
    // From one menu to the next the picture stays: no frame to draw.
    if (this.mode === 'backdrop' && this.bgKey === key) return;
    this.mode = 'backdrop';
    this.setting = null;
    this.bgKey = key;
    this.client.setVisible(false);
    this.stopTweens();
    this.layout();
    this.settle();
  }

  showVisit(setting: Setting, look: ClientLook) {
    this.mode = 'visit';
    this.game.loop.wake();
    if (JSON.stringify(look) !== JSON.stringify(this.look)) this.forgetClient();
    this.look = look;
    this.pose = setting === 'phone' ? 'phone-call' : CHAR.defaults.pose;
    this.wanted = { expression: 'neutral', gesture: 'none' };
    this.client.setVisible(false);
    this.setSetting(setting);
    void this.refreshClient().then(() => {
      if (this.mode !== 'visit') return;
      this.client.setVisible(true);
      this.startBreathing();
      this.settle();
    });
  }

  setSetting(setting: Setting) {
    this.setting = setting;
    const layer = settingLayer(setting);
    if (!layer) return;
    void this.ensure(layer.key, layer.url, SCENE.width, SCENE.height).then(() => {
      if (this.setting !== setting || this.mode !== 'visit' || this.bgKey === layer.key) return;
      this.bgKey = layer.key;
      this.layout();
      this.settle();
    });
  }

  setClient(expression: Expression, gesture: Gesture, _mood: Mood) {
    const changed = gesture !== this.wanted.gesture;
    this.wanted = { expression, gesture };
    // A phone call keeps the receiver at the ear whatever the line says.
    if (this.setting !== 'phone') this.pose = poseOf(gesture, this.pose);
    void this.refreshClient().then(() => {
      if (changed) this.playGesture(gesture);
    });
  }

  /** Loads the layers this face and pose need (once each), then restacks the client. */
  private async refreshClient() {
    const { expression, gesture } = this.wanted;
    const wanted: Layer[] = clientLayers(this.look, expression, this.pose);
    await Promise.all(wanted.map((l) => this.ensure(l.key, l.url, CHAR.width * CHAR_RES, CHAR.height * CHAR_RES)));
    if (this.wanted.expression !== expression || this.wanted.gesture !== gesture) return; // a later cue won
    const keys = wanted.map((l) => this.layerTexture(l.key, l.tint));
    // The same face and pose: the picture has not changed, and drawing it again costs a frame.
    if (keys.length === this.layers.length && keys.every((k, i) => this.layers[i]?.texture.key === k)) return;
    for (const img of this.layers) img.destroy();
    this.layers = wanted.map((l, i) => {
      const key = keys[i] ?? l.key;
      const at = this.layerOffsets.get(key) ?? { x: 0, y: 0 };
      // Every layer pivots at the neck so head layers can nod and shake around it (a cropped
      // layer keeps the full layer's neck as its origin).
      const img = this.add.image(0, NECK.y - CHAR.height, key).setScale(1 / CHAR_RES);
      img.setOrigin((NECK.x * CHAR_RES - at.x) / img.width, (NECK.y * CHAR_RES - at.y) / img.height);
      img.setData('head', l.head);
      return img;
    });
    this.client.removeAll(false);
    this.client.add(this.layers);
    this.settle();
  }

  /** A layer as drawn: tinted and cropped once (layer-pictures.ts), then reused. */
  private layerTexture(key: string, tint: number | null): string {
    const prepared = `${key}@${tint === null ? 'plain' : tint.toString(16)}`;
    if (this.textures.exists(prepared)) return prepared;
    if (!this.textures.exists(key)) return key; // not loaded: Phaser draws its "missing" picture
    const source = this.textures.get(key).getSourceImage() as HTMLImageElement | HTMLCanvasElement;
    const { canvas, x, y } = cropped(tinted(source, tint));
    this.textures.addCanvas(prepared, canvas);
    this.layerOffsets.set(prepared, { x, y });
    if (tint !== null) this.tintedForClient.add(prepared);
    return prepared;
  }

  /** The office behind the menus, dimmed to dusk. */
  private backdropTexture(key: string): string {
    const dusk = `${key}@dusk`;
    if (!this.textures.exists(dusk)) {
      const source = this.textures.get(key).getSourceImage() as HTMLImageElement | HTMLCanvasElement;
      this.textures.addCanvas(dusk, tinted(source, DUSK));
    }
    return dusk;
  }

  /** Another client: their tinted layers replace this one's (untinted ones serve every client). */
  private forgetClient() {
    for (const img of this.layers) img.destroy();
    this.layers = [];
    this.client.removeAll(false);
    for (const key of this.tintedForClient) {
      this.textures.remove(key);
      this.layerOffsets.delete(key);
    }
    this.tintedForClient.clear();
  }

  private ensure(key: string, url: string, width: number, height: number): Promise<void> {
    if (this.textures.exists(key)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => resolve();
      this.load.once(`filecomplete-svg-${key}`, done);
      this.load.once('loaderror', (file: { key: string }) => file.key === key && done());
      this.load.svg(key, url, { width, height });
      if (!this.load.isLoading()) this.load.start();
      // A file queued while another loads is only started by the scene's update: the loop must
      // run until the loader is done (settle lets it sleep again once nothing is loading).
      this.game.loop.wake();
    });
  }

  /**
   * A still picture needs no game loop: draw it once, then let the loop sleep. POST_RENDER is
   * the game's event (a scene never emits it): listening on the scene left the loop drawing
   * the same picture 30 times a second. The listener goes first: waking the loop draws a frame
   * at once, inside wake(), and that frame is the one to sleep after — every frame drawn
   * without a GPU is rasterised on the page's thread when it is shown (10 to 50 ms here).
   */
  settle() {
    if (!this.settling) {
      this.settling = true;
      this.game.events.once(Phaser.Core.Events.POST_RENDER, () => {
        this.settling = false;
        if (this.mode === 'backdrop' || (this.still() && !this.moving?.isPlaying() && !this.load.isLoading()))
          this.game.loop.sleep();
      });
    }
    this.game.loop.wake();
  }

  /** Reduced motion or low graphics: the client does not move at all. */
  private still(): boolean {
    return this.reduced || this.low;
  }

  /** After a motion or graphics setting changed: stop what must not move, start what may. */
  applyMotion() {
    if (this.still()) {
      if (this.breathing || this.moving) this.restPose();
      this.stopTweens();
    } else if (this.mode === 'visit' && this.client.visible && !this.breathing) this.startBreathing();
    this.settle();
  }

  /** The client back where layout() puts it, every layer in its place. */
  private restPose() {
    this.layout();
    for (const l of this.layers)
      l.setPosition(0, NECK.y - CHAR.height)
        .setAngle(0)
        .setScale(1 / CHAR_RES);
  }

  private stopTweens() {
    this.breathing?.stop();
    this.moving?.stop();
    this.breathing = null;
    this.moving = null;
  }

  private startBreathing() {
    this.breathing?.stop();
    this.breathing = null;
    if (this.still()) return;
    const body = this.layers.filter((l) => !l.getData('head'));
    this.breathing = this.tweens.add({
      targets: body,
      scaleY: (1 / CHAR_RES) * 1.008,
      duration: 1800,
      yoyo: true,
      repeat: -1,
      ease: 'Sine.easeInOut',
    });
  }

  /** The manifest's key frames for a gesture, on the head layers or the whole figure. */
  private playGesture(g: Gesture) {
    const tween = gestureSpec(g)?.tween;
    // Still (reduced motion, low graphics): nothing has moved, so there is nothing to put back or draw.
    if (this.still()) return;
    this.moving?.stop();
    this.moving = null;
    this.restPose();
    if (!tween) {
      this.settle();
      return;
    }
    const head = tween.target === 'head';
    const targets = head ? this.layers.filter((l) => l.getData('head')) : [this.client];
    const base = head
      ? { x: 0, y: NECK.y - CHAR.height, scale: 1 / CHAR_RES }
      : { x: this.rest.x, y: this.rest.y, scale: this.rest.scale };
    const unit = head ? 1 : this.rest.scale;
    const step = (f: TweenFrame) => ({
      targets,
      x: base.x + (f.dx ?? 0) * unit,
      y: base.y + (f.dy ?? 0) * unit,
      angle: f.angle ?? 0,
      ...(f.scale !== undefined && !head ? { scale: base.scale * f.scale } : {}),
      duration: f.duration,
      ease: f.ease,
    });
    const frames = tween.frames.map(step);
    const last = tween.frames.at(-1);
    if (!tween.hold && last) frames.push(step({ duration: last.duration, ease: 'Sine.easeOut' }));
    this.moving = this.tweens.chain({ tweens: frames, onComplete: () => this.settle() });
  }
}

export async function createPhaserStage(
  parent: HTMLElement,
  onProgress: (p: number) => void = () => undefined,
): Promise<{ stage: StagePort; game: Phaser.Game }> {
  let scene!: StageScene;
  const ready = new Promise<void>((resolve) => {
    scene = new StageScene(onProgress, resolve);
  });
  const game = new Phaser.Game({
    type: Phaser.CANVAS,
    parent,
    backgroundColor: '#1d3557',
    // The backdrop covers the whole canvas: clearing and filling it first would be two more
    // full-canvas passes a frame for nothing.
    clearBeforeRender: false,
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
  let withoutGpu: boolean | null = null;
  const stage: StagePort = {
    showBackdrop: () => scene.showBackdrop(),
    showVisit: (s, look) => scene.showVisit(s, look),
    setSetting: (s) => scene.setSetting(s),
    setClient: (e, g, m) => scene.setClient(e, g, m),
    setReducedMotion: (r) => {
      scene.reduced = r;
      scene.applyMotion();
    },
    setLowGraphics: (mode: LowGraphics) => {
      scene.low = mode === 'on' || (mode === 'auto' && (withoutGpu ??= drawsWithoutGpu()));
      scene.applyMotion();
    },
  };
  return { stage, game };
}
