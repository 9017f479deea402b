/** Dates as typed in Israel, day first: "17/11/2026" ⇄ the ISO day "2026-11-17". */

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-11-17" → "17/11/2026"; anything else → "". */
export function isoToIsraeli(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/**
 * What a person typed, day first, with "/", "." or "-" between and the year in full (so that
 * "1/10/20", on its way to "1/10/2026", is not yet a date): the ISO day, or null when it is no
 * date ("31/02/2026", "5/13/2026").
 */
export function israeliToIso(text: string): string | null {
  const m = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return null;
  if (date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}
