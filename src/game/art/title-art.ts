/** The title screen's backdrop: a city at dusk, drawn in code (one small SVG, no download). */
export function titleBackdrop(): string {
  const towers = Array.from(
    { length: 14 },
    (_, i) => `<rect x="${i * 96}" y="${420 - (i % 4) * 60}" width="70" height="${300 + (i % 4) * 60}"/>`,
  ).join('');
  const windows = Array.from(
    { length: 30 },
    (_, i) =>
      `<rect x="${12 + (i % 14) * 96}" y="${450 - (i % 4) * 60 + Math.floor(i / 14) * 60}" width="14" height="18"/>`,
  ).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1280 720" width="1280" height="720">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#1d3557"/><stop offset="1" stop-color="#274c77"/></linearGradient></defs>` +
    `<rect width="1280" height="720" fill="url(#g)"/><g fill="#ffffff" opacity="0.06">${towers}</g><g fill="#f4d35e" opacity="0.18">${windows}</g></svg>`
  );
}
