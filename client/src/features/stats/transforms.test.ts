import { describe, expect, it } from 'vitest';
import type { CallsDay } from './api';
import {
  callsChart,
  chartMax,
  formatCount,
  formatShekels,
  invoicesChart,
  isEmptyChart,
  isRangePreset,
  labelEvery,
  MAX_BARS,
  niceScale,
  presetRange,
  rangeError,
  rangeLength,
  shortDay,
  sourceBars,
  tasksChart,
} from './transforms';

const today = new Date(2026, 10, 25); // 25 Nov 2026, local

function callsDay(date: string, ai = 0, agent = 0, missed = 0): CallsDay {
  return { date, answeredByAi: ai, answeredByAgent: agent, missed, outbound: 9 };
}

describe('date ranges', () => {
  it('opens on the current month up to today, like the server', () => {
    expect(presetRange('month', today)).toEqual({ from: '2026-11-01', to: '2026-11-25' });
  });

  it('counts the last N days including today', () => {
    expect(presetRange('last7', today)).toEqual({ from: '2026-11-19', to: '2026-11-25' });
    expect(rangeLength(presetRange('last30', today))).toBe(30);
    expect(rangeLength(presetRange('last90', today))).toBe(90);
  });

  it('knows the whole previous month, across a year boundary too', () => {
    expect(presetRange('lastMonth', today)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(presetRange('lastMonth', new Date(2027, 0, 10))).toEqual({
      from: '2026-12-01',
      to: '2026-12-31',
    });
  });

  it('knows the presets by name, and nothing else', () => {
    expect(isRangePreset('last7')).toBe(true);
    expect(isRangePreset('month')).toBe(true);
    expect(isRangePreset('toString')).toBe(false);
    expect(isRangePreset('')).toBe(false);
    expect(isRangePreset(null)).toBe(false);
  });

  it('refuses what the server refuses, in Hebrew', () => {
    expect(rangeError({ from: '2026-11-01', to: '2026-11-25' })).toBeNull();
    expect(rangeError({ from: '2026-11-26', to: '2026-11-25' })).toMatch(/לפני/);
    expect(rangeError({ from: '2025-01-01', to: '2026-11-25' })).toMatch(/366/);
    expect(rangeError({ from: '2025-11-25', to: '2026-11-25' })).toBeNull(); // 366 days
    expect(rangeError({ from: '', to: '2026-11-25' })).toMatch(/יש לבחור/);
  });

  it('labels days the Israeli way', () => {
    expect(shortDay('2026-11-05')).toBe('5.11');
  });
});

describe('numbers in he-IL', () => {
  it('groups thousands and shows whole shekels from agorot', () => {
    expect(formatCount(12345)).toBe('12,345');
    const shekels = formatShekels(3109300);
    expect(shekels).toContain('31,093');
    expect(shekels).toContain('₪');
    expect(formatShekels(99)).toContain('1'); // rounds to the shekel
  });
});

describe('chart series', () => {
  it('puts inbound calls in day order and leaves outbound calls out', () => {
    const chart = callsChart([callsDay('2026-11-02', 1, 0, 2), callsDay('2026-11-01', 3, 1, 0)]);
    expect(chart.series.map((s) => s.key)).toEqual(['answeredByAi', 'answeredByAgent', 'missed']);
    expect(chart.points).toEqual([
      { day: '2026-11-01', label: '1.11', values: [3, 1, 0] },
      { day: '2026-11-02', label: '2.11', values: [1, 0, 2] },
    ]);
    expect(chartMax(chart, true)).toBe(4);
    expect(chartMax(chart, false)).toBe(3);
  });

  it('maps tasks and invoice amounts', () => {
    expect(
      tasksChart([{ date: '2026-11-25', created: 6, completed: 1 }]).points[0]?.values,
    ).toEqual([6, 1]);
    const invoices = invoicesChart([
      {
        date: '2026-11-25',
        issued: 4,
        issuedAgorot: 3109300,
        issuedVatAgorot: 474300,
        paid: 2,
        paidAgorot: 2259700,
        paidVatAgorot: 344700,
      },
    ]);
    expect(invoices.points[0]?.values).toEqual([3109300, 2259700]);
  });

  it('sums long ranges into weeks so that bars stay readable', () => {
    const days = Array.from({ length: 90 }, (_, i) => {
      const d = new Date(2026, 7, 1 + i);
      const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      return callsDay(iso, 1);
    });
    const chart = callsChart(days);
    expect(chart.points.length).toBeLessThanOrEqual(MAX_BARS);
    expect(chart.points.length).toBe(13);
    expect(chart.points[0]?.values).toEqual([7, 0, 0]);
    expect(chart.points.reduce((s, p) => s + (p.values[0] ?? 0), 0)).toBe(90);
  });

  it('tells an empty chart', () => {
    expect(isEmptyChart(callsChart([callsDay('2026-11-01')]))).toBe(true);
    expect(isEmptyChart(callsChart([callsDay('2026-11-01', 0, 0, 1)]))).toBe(false);
    expect(isEmptyChart(callsChart([]))).toBe(true);
  });
});

describe('leads by source', () => {
  it('orders sources by leads, in Hebrew, with their share', () => {
    const bars = sourceBars({
      from: '2026-11-01',
      to: '2026-11-25',
      total: 40,
      sources: [
        { source: 'manual', count: 10 },
        { source: 'call', count: 20 },
        { source: 'import', count: 0 },
        { source: 'whatsapp', count: 10 },
      ],
    });
    // A tie keeps the order of the source ids.
    expect(bars.map((b) => b.label)).toEqual(['שיחה', 'ידני', 'WhatsApp']);
    expect(bars.map((b) => b.width)).toEqual([100, 50, 50]);
    expect(bars[0]?.share).toMatch(/50/);
  });
});

describe('value axis', () => {
  it('rounds the top to a nice step of whole numbers', () => {
    expect(niceScale(6)).toEqual({ max: 6, ticks: [0, 2, 4, 6] });
    expect(niceScale(3)).toEqual({ max: 3, ticks: [0, 1, 2, 3] });
    expect(niceScale(1)).toEqual({ max: 1, ticks: [0, 1] });
    expect(niceScale(0)).toEqual({ max: 1, ticks: [0, 1] });
    expect(niceScale(2259700).ticks).toEqual([0, 1_000_000, 2_000_000, 3_000_000]);
  });

  it('thins the day labels of long ranges', () => {
    expect(labelEvery(7)).toBe(1);
    expect(labelEvery(31)).toBe(3);
  });
});
