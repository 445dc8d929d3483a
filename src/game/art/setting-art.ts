import type { Setting } from '../../core/scenario/format.ts';

/**
 * The places of a visit, drawn in code as flat SVG at 1280×720 (placeholders until
 * assets/images/settings provides files). Each setting has a background and a foreground
 * (the desk or counter between the seller and the client), so the client stands between them.
 * The client stands around x = 760; the left third stays quiet, under the notebook panel.
 */
export const SETTING_SIZE = { width: 1280, height: 720 } as const;

const svg = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1280 720" width="1280" height="720">${body}</svg>`;

const window_ = (x: number, y: number, w: number, h: number, sky = '#bfe0f2') =>
  `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="6" fill="${sky}" stroke="#ffffff" stroke-width="12"/>` +
  `<path d="M${x + w / 2} ${y} V${y + h} M${x} ${y + h / 2} H${x + w}" stroke="#ffffff" stroke-width="8"/>` +
  `<path d="M${x + 20} ${y + h - 30} q40 -40 80 -10 q40 -50 90 0" fill="none" stroke="#9fcbe0" stroke-width="10"/>`;
const plant = (x: number, y: number) =>
  `<rect x="${x - 28}" y="${y}" width="56" height="60" rx="8" fill="#c2714f"/>` +
  `<g fill="#4f8a5b"><ellipse cx="${x}" cy="${y - 40}" rx="22" ry="50"/><ellipse cx="${x - 32}" cy="${y - 20}" rx="16" ry="40" transform="rotate(-30 ${x - 32} ${y - 20})"/><ellipse cx="${x + 32}" cy="${y - 20}" rx="16" ry="40" transform="rotate(30 ${x + 32} ${y - 20})"/></g>`;
const shelf = (x: number, y: number, w: number) =>
  `<rect x="${x}" y="${y}" width="${w}" height="14" fill="#8a6a4f"/>` +
  Array.from({ length: Math.floor(w / 26) }, (_, i) => `<rect x="${x + 6 + i * 26}" y="${y - 50 + (i % 3) * 6}" width="20" height="${50 - (i % 3) * 6}" fill="${['#d35d4f', '#3f6fa8', '#e0b44c', '#4f8a5b', '#7a5ea8'][i % 5]}"/>`).join('');
const floor = (color: string, y = 560) => `<rect x="0" y="${y}" width="1280" height="${720 - y}" fill="${color}"/>`;
/** The desk in front of the client: drawn on its own 800×720 sheet, centred under the client. */
const desk = (color: string, top = 600) =>
  `<rect x="20" y="${top}" width="760" height="40" rx="8" fill="${color}"/><rect x="40" y="${top + 40}" width="720" height="${720 - top - 40}" fill="${color}" opacity="0.96"/>` +
  `<rect x="20" y="${top}" width="760" height="10" rx="5" fill="#ffffff" opacity="0.25"/>`;

const backgrounds: Record<Setting, () => string> = {
  office: () =>
    `<rect width="1280" height="720" fill="#e9e1d3"/><rect x="0" y="0" width="1280" height="80" fill="#ddd3c2"/>` +
    window_(860, 110, 300, 230) +
    shelf(440, 220, 300) +
    shelf(440, 330, 260) +
    floor('#b99b7a') +
    plant(1210, 500) +
    `<rect x="560" y="420" width="150" height="110" rx="4" fill="#f7f3ea" stroke="#c9bda8" stroke-width="6"/><path d="M580 450 h110 M580 475 h90 M580 500 h100" stroke="#9aa9bd" stroke-width="6"/>`,
  'meeting-room': () =>
    `<rect width="1280" height="720" fill="#dfe6ec"/>` +
    `<rect x="470" y="120" width="380" height="230" rx="8" fill="#fdfdfd" stroke="#9aa7b4" stroke-width="8"/><path d="M510 300 L580 240 L640 270 L720 190 L800 210" fill="none" stroke="#3f6fa8" stroke-width="10" stroke-linejoin="round"/>` +
    window_(920, 110, 260, 250) +
    floor('#8d9aa6') +
    plant(420, 500),
  phone: () =>
    `<rect width="1280" height="720" fill="#dde7ef"/>` +
    window_(880, 120, 280, 220) +
    shelf(470, 260, 260) +
    floor('#a7b4bf') +
    // A call frame: the seller only hears the client, so the scene is framed like a video call.
    `<rect x="400" y="30" width="820" height="660" rx="36" fill="none" stroke="#1d3557" stroke-width="16" opacity="0.65"/>` +
    `<g transform="translate(1150 70)"><circle r="34" fill="#2a9d8f"/><path d="M-14 -14 q-6 14 6 26 q12 12 26 6 l-6 -10 q-8 4 -14 -2 q-6 -6 -2 -14 z" fill="#fff"/></g>`,
  shop: () =>
    `<rect width="1280" height="720" fill="#f3ead8"/>` +
    shelf(420, 170, 360) +
    shelf(420, 280, 360) +
    shelf(860, 170, 360) +
    shelf(860, 280, 360) +
    `<rect x="420" y="60" width="800" height="50" rx="8" fill="#c94f4f"/><text x="820" y="95" font-family="Liberation Sans, Arial, sans-serif" font-size="30" fill="#fff" text-anchor="middle">OUVERT · OPEN</text>` +
    floor('#d7c7a7', 540),
  home: () =>
    `<rect width="1280" height="720" fill="#efe3cf"/>` +
    window_(900, 120, 260, 220, '#f8d9a6') +
    `<rect x="470" y="170" width="170" height="120" fill="#8cb8a2" stroke="#fff" stroke-width="10"/>` +
    floor('#a8825b') +
    `<rect x="420" y="430" width="280" height="120" rx="30" fill="#7c6aa6"/>` +
    plant(1200, 500),
  bank: () =>
    `<rect width="1280" height="720" fill="#e4e8ee"/><rect x="0" y="0" width="1280" height="90" fill="#1d3557"/>` +
    `<text x="820" y="60" font-family="Liberation Serif, Georgia, serif" font-size="34" fill="#fff" text-anchor="middle">Banque · Bank</text>` +
    `<rect x="460" y="140" width="220" height="300" rx="6" fill="#cfd7e1"/><rect x="960" y="140" width="220" height="300" rx="6" fill="#cfd7e1"/>` +
    floor('#9aa6b5') +
    plant(1220, 500),
  plant: () =>
    `<rect width="1280" height="720" fill="#d9dcdf"/>` +
    `<g stroke="#7e8790" stroke-width="10" fill="none"><path d="M400 140 H1280 M400 200 H1280"/></g>` +
    `<rect x="460" y="260" width="300" height="200" rx="10" fill="#5f7f9f"/><circle cx="520" cy="320" r="34" fill="#cfd9e3"/><rect x="580" y="300" width="150" height="30" fill="#f0a232"/>` +
    `<rect x="900" y="300" width="300" height="160" fill="#8f9aa4"/><path d="M900 300 l30 -40 h240 l30 40" fill="#a8b2bb"/>` +
    floor('#7d848b') +
    `<path d="M0 700 H1280" stroke="#f0c232" stroke-width="20" stroke-dasharray="60 40"/>`,
};

const foregrounds: Record<Setting, () => string> = {
  office: () => desk('#7b5a43'),
  'meeting-room': () => desk('#e8e8e4', 610),
  phone: () => desk('#8b97a3', 630),
  shop: () => desk('#5b6f87', 590),
  home: () => `<rect x="40" y="630" width="720" height="90" rx="12" fill="#c49a6c"/>`,
  bank: () => desk('#4f5d6e', 600),
  plant: () => desk('#5c646b', 610),
};

export function settingBackground(setting: Setting): string {
  return svg(backgrounds[setting]());
}
export const DESK_SIZE = { width: 800, height: 720 } as const;
export function settingForeground(setting: Setting): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 720" width="800" height="720">${foregrounds[setting]()}</svg>`;
}

/** The title screen's backdrop: the office, quieter. */
export function titleBackdrop(): string {
  return svg(
    `<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#1d3557"/><stop offset="1" stop-color="#274c77"/></linearGradient></defs>` +
      `<rect width="1280" height="720" fill="url(#g)"/>` +
      `<g fill="#ffffff" opacity="0.06">${Array.from({ length: 14 }, (_, i) => `<rect x="${i * 96}" y="${420 - (i % 4) * 60}" width="70" height="${300 + (i % 4) * 60}"/>`).join('')}</g>` +
      `<g fill="#f4d35e" opacity="0.18">${Array.from({ length: 30 }, (_, i) => `<rect x="${12 + (i % 14) * 96}" y="${450 - (i % 4) * 60 + Math.floor(i / 14) * 60}" width="14" height="18"/>`).join('')}</g>`,
  );
}
