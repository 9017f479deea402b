import type { CallsDay, InvoicesDay, LeadsBySource, StatsRange, TasksDay } from './api';

/**
 * Pure data shaping for the dashboard: date ranges, chart series, axis scales and he-IL number
 * formats. Kept apart from the markup so that it is tested on its own.
 */

/** The server accepts at most this many days (StatsRange.MAX_DAYS). */
export const MAX_RANGE_DAYS = 366;

const numbers = new Intl.NumberFormat('he-IL');
const shekels = new Intl.NumberFormat('he-IL', {
  style: 'currency',
  currency: 'ILS',
  maximumFractionDigits: 0,
});
const compactShekels = new Intl.NumberFormat('he-IL', {
  style: 'currency',
  currency: 'ILS',
  notation: 'compact',
  maximumFractionDigits: 1,
});
const percent = new Intl.NumberFormat('he-IL', { style: 'percent', maximumFractionDigits: 0 });

export function formatCount(n: number): string {
  return numbers.format(n);
}

/** Integer agorot as whole shekels: 3109300 → "‏31,093 ₪". */
export function formatShekels(agorot: number): string {
  return shekels.format(Math.round(agorot / 100));
}

/** Axis labels: 1250000 agorot → "‏12.5 אלף ₪". */
export function formatShekelsCompact(agorot: number): string {
  return compactShekels.format(agorot / 100);
}

export function formatShare(part: number, whole: number): string {
  return whole > 0 ? percent.format(part / whole) : percent.format(0);
}

// ---- dates (local calendar days, no time zone arithmetic) -----------------------------------

const pad = (n: number) => String(n).padStart(2, '0');

export function isoDay(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function parseDay(day: string): Date {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(y, m - 1, d);
}

function addDays(day: string, n: number): string {
  const d = parseDay(day);
  d.setDate(d.getDate() + n);
  return isoDay(d);
}

/** Days from `from` to `to`, both included. */
export function rangeLength(range: StatsRange): number {
  const ms = parseDay(range.to).getTime() - parseDay(range.from).getTime();
  return Math.round(ms / 86_400_000) + 1;
}

export type RangePreset = 'month' | 'last7' | 'last30' | 'lastMonth' | 'last90';

export const PRESET_LABELS: Record<RangePreset, string> = {
  month: 'החודש',
  last7: '7 ימים',
  last30: '30 ימים',
  lastMonth: 'החודש הקודם',
  last90: '90 ימים',
};

/** The same default as the server: the current month up to today. */
export function presetRange(preset: RangePreset, today: Date = new Date()): StatsRange {
  const to = isoDay(today);
  switch (preset) {
    case 'month':
      return { from: isoDay(new Date(today.getFullYear(), today.getMonth(), 1)), to };
    case 'last7':
      return { from: addDays(to, -6), to };
    case 'last30':
      return { from: addDays(to, -29), to };
    case 'last90':
      return { from: addDays(to, -89), to };
    case 'lastMonth': {
      const first = new Date(today.getFullYear(), today.getMonth() - 1, 1);
      const last = new Date(today.getFullYear(), today.getMonth(), 0);
      return { from: isoDay(first), to: isoDay(last) };
    }
  }
}

export function isRangePreset(value: string | null): value is RangePreset {
  return value !== null && Object.hasOwn(PRESET_LABELS, value);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The Hebrew reason a range cannot be asked for, or null when it is fine. */
export function rangeError(range: StatsRange): string | null {
  if (!DAY.test(range.from) || !DAY.test(range.to)) return 'יש לבחור תאריך התחלה ותאריך סיום';
  if (range.from > range.to) return 'תאריך ההתחלה חייב להיות לפני תאריך הסיום';
  if (rangeLength(range) > MAX_RANGE_DAYS)
    return `אפשר להציג טווח של עד ${formatCount(MAX_RANGE_DAYS)} ימים`;
  return null;
}

/** "2026-11-05" → "5.11" (an axis label). */
export function shortDay(day: string): string {
  const [, m = '', d = ''] = day.split('-');
  return `${Number(d)}.${Number(m)}`;
}

/** "2026-11-05" → "5.11.2026" (a tooltip). */
export function longDay(day: string): string {
  const [y = '', m = '', d = ''] = day.split('-');
  return `${Number(d)}.${Number(m)}.${y}`;
}

// ---- series ---------------------------------------------------------------------------------

export interface SeriesDef {
  key: string;
  label: string;
  /** 1–4: the chart colour token (--color-chart-N). */
  tone: 1 | 2 | 3 | 4;
}

export interface ChartData {
  series: SeriesDef[];
  /** One point per day, oldest first; values in the order of `series`. */
  points: { day: string; label: string; values: number[] }[];
}

/**
 * More than this many days and the bars become too thin to read: days are summed into weeks
 * (each labelled by its first day).
 */
export const MAX_BARS = 62;

function bucket(points: ChartData['points']): ChartData['points'] {
  if (points.length <= MAX_BARS) return points;
  const size = 7;
  const out: ChartData['points'] = [];
  for (let i = 0; i < points.length; i += size) {
    const chunk = points.slice(i, i + size);
    const first = chunk[0];
    if (!first) continue;
    out.push({
      day: first.day,
      label: first.label,
      values: first.values.map((_, s) => chunk.reduce((sum, p) => sum + (p.values[s] ?? 0), 0)),
    });
  }
  return out;
}

function toChart<T extends { date: string }>(
  days: T[],
  series: SeriesDef[],
  value: (day: T, key: string) => number,
): ChartData {
  const points = [...days]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((d) => ({
      day: d.date,
      label: shortDay(d.date),
      values: series.map((s) => value(d, s.key)),
    }));
  return { series, points: bucket(points) };
}

export const CALL_SERIES: SeriesDef[] = [
  { key: 'answeredByAi', label: 'נענו ע״י המזכירה', tone: 1 },
  { key: 'answeredByAgent', label: 'נענו ע״י סוכן', tone: 2 },
  { key: 'missed', label: 'לא נענו', tone: 4 },
];

export function callsChart(days: CallsDay[]): ChartData {
  return toChart(days, CALL_SERIES, (d, key) => Number(d[key as keyof CallsDay]) || 0);
}

export const TASK_SERIES: SeriesDef[] = [
  { key: 'created', label: 'נוצרו', tone: 1 },
  { key: 'completed', label: 'בוצעו', tone: 3 },
];

export function tasksChart(days: TasksDay[]): ChartData {
  return toChart(days, TASK_SERIES, (d, key) => Number(d[key as keyof TasksDay]) || 0);
}

export const INVOICE_SERIES: SeriesDef[] = [
  { key: 'issuedAgorot', label: 'הופקו (כולל מע״מ)', tone: 1 },
  { key: 'paidAgorot', label: 'שולמו (כולל מע״מ)', tone: 3 },
];

export function invoicesChart(days: InvoicesDay[]): ChartData {
  return toChart(days, INVOICE_SERIES, (d, key) => Number(d[key as keyof InvoicesDay]) || 0);
}

export function isEmptyChart(chart: ChartData): boolean {
  return chart.points.every((p) => p.values.every((v) => v === 0));
}

export const SOURCE_LABELS: Record<string, string> = {
  call: 'שיחה',
  whatsapp: 'WhatsApp',
  manual: 'ידני',
  import: 'ייבוא',
  unknown: 'לא ידוע',
};

export interface SourceBar {
  source: string;
  label: string;
  count: number;
  /** 0–100, of the largest source. */
  width: number;
  share: string;
}

/** Sources with leads, largest first, in Hebrew. */
export function sourceBars(leads: LeadsBySource): SourceBar[] {
  const withLeads = leads.sources.filter((s) => s.count > 0);
  const max = Math.max(0, ...withLeads.map((s) => s.count));
  const total = leads.total || withLeads.reduce((sum, s) => sum + s.count, 0);
  return withLeads
    .sort((a, b) => b.count - a.count || a.source.localeCompare(b.source))
    .map((s) => ({
      source: s.source,
      label: SOURCE_LABELS[s.source] ?? s.source,
      count: s.count,
      width: max > 0 ? (s.count / max) * 100 : 0,
      share: formatShare(s.count, total),
    }));
}

// ---- axis -----------------------------------------------------------------------------------

/**
 * A "nice" top for the value axis and its ticks (0 included): 1, 2 or 5 times a power of ten per
 * step, about `count` steps. An all-zero chart still gets an axis up to 1.
 */
export function niceScale(max: number, count = 4): { max: number; ticks: number[] } {
  if (!(max > 0)) return { max: 1, ticks: [0, 1] };
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  // Counts are whole numbers: no tick at 0.5.
  const whole = Math.max(step, Number.isInteger(max) ? 1 : step);
  const top = Math.ceil(max / whole) * whole;
  const ticks: number[] = [];
  for (let t = 0; t <= top + whole / 2; t += whole) ticks.push(Math.round(t * 1e6) / 1e6);
  return { max: top, ticks };
}

/** The largest bar: the sum of a point's values when stacked, else its largest value. */
export function chartMax(chart: ChartData, stacked: boolean): number {
  return Math.max(
    0,
    ...chart.points.map((p) =>
      stacked ? p.values.reduce((a, b) => a + b, 0) : Math.max(0, ...p.values),
    ),
  );
}

/** Every n-th label so that at most `max` fit under the axis. */
export function labelEvery(points: number, max = 12): number {
  return Math.max(1, Math.ceil(points / max));
}
