import manifestJson from '../../../assets/manifest.json';
import type { CharacterLayer, GestureSpec, Manifest, PoseId } from '../../../assets/manifest.types.ts';
import type { Setting } from '../../core/scenario/format.ts';
import type { ClientLook, Expression, Gesture } from './character-art.ts';

/**
 * The art engineer's files (assets/manifest.json): settings at 1920×1080 and the client as
 * white, tintable layers on a 600×900 canvas. This module only turns a look, an expression and
 * a gesture into the list of layers to stack; the stage loads and draws them. Files are
 * fetched from the site's own origin, on demand (only the parts a client wears).
 */
export const manifest = manifestJson as unknown as Manifest;

const urls = import.meta.glob<string>('/assets/images/**/*.svg', { query: '?url', import: 'default', eager: true });
export function assetUrl(file: string): string | undefined {
  return urls[`/assets/${file}`];
}

export interface Layer {
  key: string;
  url: string;
  tint: number | null;
  /** Head layers move together when the client nods or shakes the head. */
  head: boolean;
}

const hex = (c: string) => parseInt(c.replace('#', ''), 16);

export function settingLayer(setting: Setting): { key: string; url: string } | null {
  const entry = manifest.settings[setting];
  const url = entry ? assetUrl(entry.file) : undefined;
  return url ? { key: `setting-${setting}`, url } : null;
}

export function poseOf(gesture: Gesture, current: PoseId): PoseId {
  return manifest.character.gestures[gesture]?.pose ?? current;
}

export function gestureSpec(gesture: Gesture): GestureSpec | undefined {
  return manifest.character.gestures[gesture];
}

/** The client's layers, back to front, for this look, face and arm pose. */
export function clientLayers(look: ClientLook, expression: Expression, pose: PoseId): Layer[] {
  const c = manifest.character;
  const d = c.defaults;
  const skin = look.skin ?? d.skin;
  const hair = look.hair ?? d.hair;
  const hairColor = look.hairColor ?? d.hairColor;
  const outfit = look.outfit ?? d.outfit;
  const glasses = look.glasses ?? d.glasses;
  const body = c.parts.body[outfit];
  const tintOf = (l: CharacterLayer): number | null =>
    l.tint === 'skin'
      ? hex(c.palettes.skin[skin])
      : l.tint === 'hairColor'
        ? hex(c.palettes.hairColor[hairColor])
        : l.tint === 'sleeve'
          ? hex(body.sleeveTint)
          : null;
  const slots: Record<string, CharacterLayer[]> = {
    hairBack: c.parts.hairBack[hair] ? [c.parts.hairBack[hair]] : [],
    neck: [c.parts.neck],
    body: [body],
    head: [c.parts.head],
    face: [c.parts.face[expression]],
    hair: [c.parts.hair[hair]],
    glasses: glasses ? [c.parts.glasses] : [],
    pose: c.poses[pose].layers,
  };
  return c.layerOrder.flatMap((slot) =>
    (slots[slot] ?? []).flatMap((l) => {
      const url = assetUrl(l.file);
      return url ? [{ key: `char-${l.id}`, url, tint: tintOf(l), head: c.headSlots.includes(slot) }] : [];
    }),
  );
}
