// Types of assets/manifest.json. Pure types: importing this file adds nothing to the bundle.
// The id sets come from the scenario format, so a new setting, expression or look option there
// makes this file (and tests/assets) demand the matching art.
import type { z } from 'zod';
import type { EXPRESSIONS, GESTURES, LookSchema, SETTINGS } from '../src/core/scenario/format.ts';

type Look = z.infer<typeof LookSchema>;
export type SettingId = (typeof SETTINGS)[number];
export type ExpressionId = (typeof EXPRESSIONS)[number];
export type GestureId = (typeof GESTURES)[number];
export type SkinId = NonNullable<Look['skin']>;
export type HairStyleId = NonNullable<Look['hair']>;
export type HairColorId = NonNullable<Look['hairColor']>;
export type OutfitId = NonNullable<Look['outfit']>;
/** Arm poses drawn as layers; the other gestures are tweens on the figure or the head. */
export type PoseId =
  'rest' | 'arms-crossed' | 'hand-on-chin' | 'look-at-watch' | 'take-notes' | 'handle-product' | 'phone-call';
export type AmbienceId = `ambience-${SettingId}`;
export type UiSoundId = 'ui-click' | 'ui-select' | 'ui-open' | 'ui-close';
export type CueId =
  | 'cue-door'
  | 'cue-phone-ring'
  | 'cue-positive'
  | 'cue-negative'
  | 'cue-discovery'
  | 'cue-deal'
  | 'cue-no-deal'
  | 'cue-walk-out';
export type AudioId = AmbienceId | UiSoundId | CueId;
export type IconId =
  | 'sound-on'
  | 'sound-off'
  | 'settings'
  | 'notebook'
  | 'trust'
  | 'interest'
  | 'irritation'
  | 'check'
  | 'cross'
  | 'dot'
  | 'print'
  | 'download'
  | 'upload'
  | 'replay'
  | 'back'
  | 'home'
  | 'info';
export type AvatarId = 'seller' | 'narrator';

/** "#rrggbb". */
export type HexColor = `#${string}`;
export interface Point {
  x: number;
  y: number;
}
export interface Rect extends Point {
  width: number;
  height: number;
}

/** A file under assets/: `file` is relative to the assets/ folder, `bytes` its size on disk. */
export interface AssetFile {
  file: string;
  bytes: number;
}
export interface SvgFile extends AssetFile {
  width: number;
  height: number;
}

/**
 * Which palette tints a white layer (Phaser `setTint`, multiply): `skin` and `hairColor` come from
 * the persona's look, `sleeve` from `parts.body[outfit].sleeveTint`.
 */
export type TintSource = 'skin' | 'hairColor' | 'sleeve';
export interface CharacterLayer extends AssetFile {
  id: string;
  tint?: TintSource;
}
export interface BodyLayer extends CharacterLayer {
  /** Colour the arm layers are tinted with, equal to the garment's main colour. */
  sleeveTint: HexColor;
}

/** Layer slots, back to front. `pose` expands to the pose's own layers (sleeves, props, hands). */
export type LayerSlot = 'hairBack' | 'neck' | 'body' | 'head' | 'face' | 'hair' | 'glasses' | 'pose';

/**
 * A gesture tween as key frames relative to the rest state (`dx`/`dy` in character pixels,
 * `angle` in degrees, `scale` as a factor), played in order on `target`. `hold` keeps the last
 * frame until the next cue; otherwise the target returns to rest with the last frame's duration.
 */
export interface TweenFrame {
  dx?: number;
  dy?: number;
  angle?: number;
  scale?: number;
  duration: number;
  ease: string;
}
export interface GestureTween {
  /** `head`: a container of the head slots pivoting at anchors.neck; `figure`: the whole character, origin at anchors.base. */
  target: 'head' | 'figure';
  frames: TweenFrame[];
  hold: boolean;
  /** The same movement for games that animate only the whole figure. */
  figureFallback?: TweenFrame[];
}
export interface GestureSpec {
  /** Arm pose to show; absent for pure tweens, which keep the current pose. */
  pose?: PoseId;
  tween?: GestureTween;
  /** Cross-fade between poses, in ms. */
  poseFadeMs?: number;
  description: string;
}

export interface SettingEntry extends SvgFile {
  ambience: AmbienceId;
  description: string;
  /** Where the client is drawn, in scene pixels (1920×1080): kept calm in every setting. */
  clientArea: Rect;
}

export interface AudioEntry extends AssetFile {
  kind: 'ambience' | 'ui' | 'cue';
  codec: 'opus';
  channels: 1 | 2;
  durationSec: number;
  loop: boolean;
  /** Integrated loudness of the master before encoding (ITU-R BS.1770). */
  loudnessLufs: number;
  /** Starting point for Howler's `volume` before the player's own settings. */
  suggestedVolume: number;
  description: string;
}

export interface Manifest {
  version: 1;
  license: string;
  /** Paths in this manifest are relative to this folder's location (assets/). */
  baseDir: 'assets';
  scene: { width: 1920; height: 1080 };
  settings: Record<SettingId, SettingEntry>;
  character: {
    viewBox: string;
    width: number;
    height: number;
    /** Where to put the character in a 1920×1080 scene: origin (originX, originY) at (x, y). */
    placement: Point & { originX: number; originY: number; scale: number };
    anchors: {
      base: Point;
      neck: Point;
      headTop: Point;
      eyes: Point;
      mouth: Point;
      chin: Point;
      hands: Point;
      /** Where a speech bubble's tail points. */
      speech: Point;
    };
    /** Bounding box of the head slots with the tallest hair: for cropping a portrait. */
    headBox: Rect;
    layerOrder: LayerSlot[];
    /** Slots that move together for head tweens (nod, shake-head). */
    headSlots: LayerSlot[];
    palettes: { skin: Record<SkinId, HexColor>; hairColor: Record<HairColorId, HexColor> };
    defaults: {
      skin: SkinId;
      hair: HairStyleId;
      hairColor: HairColorId;
      outfit: OutfitId;
      glasses: boolean;
      expression: ExpressionId;
      pose: PoseId;
    };
    parts: {
      neck: CharacterLayer;
      head: CharacterLayer;
      glasses: CharacterLayer;
      /** Only the styles whose hair falls behind the head have one. */
      hairBack: Partial<Record<HairStyleId, CharacterLayer>>;
      hair: Record<HairStyleId, CharacterLayer>;
      body: Record<OutfitId, BodyLayer>;
      face: Record<ExpressionId, CharacterLayer & { description: string }>;
    };
    /** Each pose's layers in draw order (they go where `pose` is in layerOrder). */
    poses: Record<PoseId, { layers: CharacterLayer[] }>;
    gestures: Record<GestureId, GestureSpec>;
  };
  icons: Record<IconId, SvgFile>;
  avatars: Record<AvatarId, SvgFile>;
  audio: Record<AudioId, AudioEntry>;
  budgets: { imagesBytes: number; audioBytes: number; settingBytes: number };
}
