/** A drawn signature: strokes of points in CSS pixels of the pad. */
export interface Point {
  x: number;
  y: number;
}
export type Stroke = Point[];

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * The strokes as the SVG subset billing-service's `SvgSignature` accepts: one `<path>` of M/L
 * commands per stroke (a dot is a tiny circle), black ink, no fill, no transforms or text.
 */
export function strokesToSvg(
  strokes: Stroke[],
  width: number,
  height: number,
  inkWidth = 2.5,
): string {
  const shapes = strokes
    .filter((s) => s.length > 0)
    .map((stroke) => {
      const [first] = stroke;
      if (!first) return '';
      if (stroke.length === 1) {
        return `<circle cx="${round(first.x)}" cy="${round(first.y)}" r="${round(inkWidth / 2)}" fill="#111827"/>`;
      }
      const d = stroke.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)} ${round(p.y)}`).join(' ');
      return `<path d="${d}"/>`;
    })
    .join('');
  const w = Math.max(1, Math.round(width));
  const h = Math.max(1, Math.round(height));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<g fill="none" stroke="#111827" stroke-width="${inkWidth}" stroke-linecap="round" stroke-linejoin="round">` +
    `${shapes}</g></svg>`
  );
}

/** `data:image/svg+xml;base64,…` (the SVG is ASCII, so btoa is enough). */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${btoa(svg)}`;
}

/** Enough ink to be a signature rather than a stray tap. */
export function hasInk(strokes: Stroke[]): boolean {
  let points = 0;
  for (const s of strokes) points += s.length;
  return points >= 2;
}

/**
 * The signer's name as an image, for whoever cannot draw (keyboard, screen reader): a PNG the
 * server accepts like a drawn signature. Null where the browser cannot draw.
 */
export function typedSignaturePng(name: string): string | null {
  const canvas = document.createElement('canvas');
  canvas.width = 600;
  canvas.height = 160;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.fillStyle = '#111827';
  ctx.direction = 'rtl';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.font = 'italic 600 56px Assistant, "Segoe UI", Arial, sans-serif';
  ctx.fillText(name.trim(), canvas.width / 2, canvas.height / 2, canvas.width - 40);
  return canvas.toDataURL('image/png');
}
