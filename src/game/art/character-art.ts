import type { EXPRESSIONS, GESTURES, LookSchema } from '../../core/scenario/format.ts';
import type { z } from 'zod';

/**
 * The client, drawn in code as SVG in one flat, friendly style (the placeholder until the art
 * files of assets/images/character replace it). Three layers on a 600×900 canvas, stacked at
 * the same origin: `back` (long hair), `body` (torso and arms, which carry the gesture) and
 * `head` (face, hair, glasses, which carry the expression), so the head can nod or shake
 * on its own.
 */
export type ClientLook = z.infer<typeof LookSchema>;
export type Expression = (typeof EXPRESSIONS)[number];
export type Gesture = (typeof GESTURES)[number];

export const CHARACTER_SIZE = { width: 600, height: 900 } as const;

const SKIN = { light: '#f1cfb2', medium: '#d6a47c', tan: '#b67f57', dark: '#744a2e' } as const;
const SKIN_SHADE = { light: '#dcae8f', medium: '#bd8a63', tan: '#9c6944', dark: '#5e3a23' } as const;
const HAIR = { black: '#221c1f', brown: '#5b3b25', blond: '#d4ae63', red: '#a1462b', grey: '#a3a3a8' } as const;
const OUTFIT = {
  suit: { main: '#2c3e5c', trim: '#f4f4f6', accent: '#a23b3b' },
  shirt: { main: '#8db3d8', trim: '#6f95bb', accent: '#6f95bb' },
  casual: { main: '#5f8a6c', trim: '#4c7057', accent: '#e7d9b8' },
  workwear: { main: '#3d5d8c', trim: '#f0a232', accent: '#f0a232' },
  blouse: { main: '#c76f88', trim: '#f7e7ec', accent: '#f7e7ec' },
} as const;
const INK = '#2a2230';

function full(look: ClientLook) {
  return {
    skin: look.skin ?? 'medium',
    hair: look.hair ?? 'short',
    hairColor: look.hairColor ?? 'brown',
    outfit: look.outfit ?? 'suit',
    glasses: look.glasses ?? false,
  };
}

const svg = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 900" width="600" height="900">${body}</svg>`;

export function backLayer(look: ClientLook): string {
  const l = full(look);
  if (l.hair !== 'long') return svg('');
  return svg(`<path d="M188 250 C180 170 240 120 300 120 C360 120 420 170 412 250 L428 520 C400 540 200 540 172 520 Z" fill="${HAIR[l.hairColor]}"/>`);
}

/** Arms for a gesture, as paths in the outfit's colour with skin-coloured hands. */
function arms(g: Gesture, sleeve: string, skin: string, shade: string): string {
  const hand = (x: number, y: number, r = 26) => `<circle cx="${x}" cy="${y}" r="${r}" fill="${skin}" stroke="${shade}" stroke-width="4"/>`;
  const arm = (d: string) => `<path d="${d}" fill="none" stroke="${sleeve}" stroke-width="70" stroke-linecap="round" stroke-linejoin="round"/>`;
  switch (g) {
    case 'arms-crossed':
      return arm('M150 560 C140 650 200 700 330 690') + arm('M450 560 C460 650 400 700 270 690') + hand(350, 690) + hand(250, 690);
    case 'hand-on-chin':
      return arm('M150 560 C130 700 200 800 290 800') + hand(300, 800) + arm('M450 560 C470 640 420 560 360 430') + hand(345, 405, 30);
    case 'phone-call':
      return (
        arm('M150 560 C130 700 200 800 290 800') +
        hand(300, 800) +
        arm('M450 560 C500 520 470 400 430 330') +
        `<rect x="392" y="220" width="44" height="110" rx="10" fill="#30343c"/>` +
        hand(428, 318, 30)
      );
    case 'look-at-watch':
      return (
        arm('M450 560 C470 700 400 800 320 800') +
        hand(310, 800) +
        arm('M150 560 C140 620 220 640 330 610') +
        `<rect x="300" y="590" width="26" height="40" rx="6" fill="#d8c070" stroke="${INK}" stroke-width="4"/>` +
        hand(352, 606)
      );
    case 'take-notes':
      return (
        `<rect x="300" y="760" width="170" height="120" rx="6" fill="#fbfaf4" stroke="#b9b4a3" stroke-width="4"/>` +
        `<path d="M320 795 H450 M320 825 H430 M320 855 H440" stroke="#9fb2c8" stroke-width="5"/>` +
        arm('M150 560 C130 700 200 800 280 810') +
        hand(290, 810) +
        arm('M450 560 C480 680 440 780 400 800') +
        `<path d="M392 770 L430 850" stroke="#1e2a44" stroke-width="9" stroke-linecap="round"/>` +
        hand(400, 800)
      );
    case 'handle-product':
      return (
        arm('M150 560 C130 660 180 720 250 720') +
        arm('M450 560 C470 660 420 720 350 720') +
        `<rect x="230" y="640" width="140" height="100" rx="8" fill="#e8eef6" stroke="#6a7d99" stroke-width="5"/><rect x="250" y="660" width="100" height="22" rx="4" fill="#6a7d99"/>` +
        hand(245, 720) +
        hand(355, 720)
      );
    default:
      return arm('M150 560 C130 700 200 800 280 800') + arm('M450 560 C470 700 400 800 320 800') + hand(290, 800) + hand(310, 800);
  }
}

export function bodyLayer(look: ClientLook, gesture: Gesture): string {
  const l = full(look);
  const o = OUTFIT[l.outfit];
  const skin = SKIN[l.skin];
  const shade = SKIN_SHADE[l.skin];
  const collar =
    l.outfit === 'suit'
      ? `<path d="M250 470 L300 560 L350 470 Z" fill="${o.trim}"/><path d="M292 490 L308 490 L316 640 L300 660 L284 640 Z" fill="${o.accent}"/>`
      : l.outfit === 'workwear'
        ? `<path d="M200 600 H400" stroke="${o.trim}" stroke-width="18"/><path d="M262 470 L300 520 L338 470" fill="none" stroke="${o.trim}" stroke-width="8"/>`
        : `<path d="M258 470 L300 520 L342 470" fill="none" stroke="${o.trim}" stroke-width="10" stroke-linejoin="round"/>`;
  return svg(
    `<rect x="265" y="370" width="70" height="120" rx="24" fill="${skin}"/>` +
      `<path d="M265 430 Q300 460 335 430 L335 470 Q300 490 265 470 Z" fill="${shade}" opacity="0.5"/>` +
      `<path d="M120 900 L130 560 C135 500 190 465 260 458 L300 470 L340 458 C410 465 465 500 470 560 L480 900 Z" fill="${o.main}"/>` +
      collar +
      arms(gesture, o.main, skin, shade),
  );
}

function face(e: Expression): string {
  const eyes = (ry = 11.5, dy = 0) =>
    `<ellipse cx="262" cy="${270 + dy}" rx="9" ry="${ry}" fill="${INK}"/><ellipse cx="338" cy="${270 + dy}" rx="9" ry="${ry}" fill="${INK}"/>` +
    (ry > 4 ? `<circle cx="265" cy="${266 + dy}" r="3" fill="#fff"/><circle cx="341" cy="${266 + dy}" r="3" fill="#fff"/>` : '');
  const brows = (l: string, r: string) => `<g fill="none" stroke="${INK}" stroke-width="7" stroke-linecap="round"><path d="${l}"/><path d="${r}"/></g>`;
  const mouth = (d: string, fill = 'none') => `<path d="${d}" fill="${fill}" stroke="${INK}" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/>`;
  const level = brows('M238 236 C250 230 268 230 280 234', 'M320 234 C332 230 350 230 362 236');
  switch (e) {
    case 'smile':
      return level + eyes(10) + mouth('M272 338 C286 358 314 358 328 338', '#fff') + `<ellipse cx="238" cy="314" rx="18" ry="10" fill="#e0685f" opacity="0.25"/><ellipse cx="362" cy="314" rx="18" ry="10" fill="#e0685f" opacity="0.25"/>`;
    case 'interested':
      return brows('M238 228 C250 220 268 220 280 226', 'M320 226 C332 220 350 220 362 228') + eyes(13) + mouth('M280 342 C292 350 308 350 320 342');
    case 'skeptical':
      return brows('M238 238 C250 236 268 236 280 238', 'M320 226 C332 218 350 220 362 230') + eyes(8, 2) + mouth('M278 346 C292 340 308 344 322 338');
    case 'worried':
      return brows('M240 236 C252 226 266 224 280 228', 'M320 228 C334 224 348 226 360 236') + eyes(11) + mouth('M280 350 C292 340 308 340 320 350');
    case 'annoyed':
      return brows('M238 228 C252 232 268 238 282 244', 'M318 244 C332 238 348 232 362 228') + eyes(7, 3) + mouth('M280 348 C292 342 308 342 320 348');
    case 'surprised':
      return brows('M238 222 C250 212 268 212 280 218', 'M320 218 C332 212 350 212 362 222') + eyes(14) + `<ellipse cx="300" cy="346" rx="13" ry="17" fill="${INK}"/>`;
    case 'closed':
      return brows('M238 240 C252 238 268 238 282 240', 'M318 240 C332 238 348 238 362 240') + eyes(3, 2) + mouth('M282 346 H318');
    default:
      return level + eyes() + mouth('M280 345 C292 347 308 347 320 345');
  }
}

function hairFront(style: ClientLook['hair'], color: string): string {
  switch (style) {
    case 'bald':
      return `<path d="M206 250 C200 220 206 200 214 190" fill="none" stroke="${color}" stroke-width="12" stroke-linecap="round"/><path d="M394 250 C400 220 394 200 386 190" fill="none" stroke="${color}" stroke-width="12" stroke-linecap="round"/>`;
    case 'bun':
      return `<circle cx="300" cy="112" r="46" fill="${color}"/><path d="M200 250 C196 170 240 136 300 136 C360 136 404 170 400 250 C380 200 340 182 300 184 C260 182 220 200 200 250 Z" fill="${color}"/>`;
    case 'curly':
      return `<g fill="${color}">${[
        [212, 220], [230, 180], [262, 156], [300, 148], [338, 156], [370, 180], [388, 220], [250, 190], [300, 176], [350, 190], [204, 262], [396, 262],
      ]
        .map(([x, y]) => `<circle cx="${x}" cy="${y}" r="34"/>`)
        .join('')}</g>`;
    case 'long':
      return `<path d="M198 300 C188 170 240 130 300 130 C360 130 412 170 402 300 C392 230 370 196 300 192 C250 194 214 222 198 300 Z" fill="${color}"/>`;
    default:
      return `<path d="M202 250 C196 170 240 130 300 130 C364 130 406 170 398 250 C390 210 372 188 330 186 C300 200 250 200 218 196 C208 212 204 230 202 250 Z" fill="${color}"/>`;
  }
}

export function headLayer(look: ClientLook, expression: Expression): string {
  const l = full(look);
  const skin = SKIN[l.skin];
  const shade = SKIN_SHADE[l.skin];
  const glasses = l.glasses
    ? `<g fill="none" stroke="#2b2b33" stroke-width="6"><rect x="228" y="246" width="66" height="50" rx="14"/><rect x="306" y="246" width="66" height="50" rx="14"/><path d="M294 266 H306"/></g>`
    : '';
  return svg(
    `<ellipse cx="206" cy="276" rx="19" ry="31" fill="${skin}"/><ellipse cx="394" cy="276" rx="19" ry="31" fill="${skin}"/>` +
      `<path d="M300 142 C362 142 396 184 396 250 C396 302 388 340 362 368 C342 388 322 397 300 397 C278 397 258 388 238 368 C212 340 204 302 204 250 C204 184 238 142 300 142 Z" fill="${skin}"/>` +
      `<path d="M298 282 C294 298 288 308 290 316 C294 322 304 323 311 318" fill="none" stroke="${shade}" stroke-width="5" stroke-linecap="round"/>` +
      face(expression) +
      hairFront(l.hair, HAIR[l.hairColor]) +
      glasses,
  );
}

/** The face a mood shows when the scenario's cue does not say. */
export function expressionForMood(mood: 'annoyed' | 'distrustful' | 'neutral' | 'interested' | 'convinced'): Expression {
  return ({ annoyed: 'annoyed', distrustful: 'skeptical', neutral: 'neutral', interested: 'interested', convinced: 'smile' } as const)[mood];
}
