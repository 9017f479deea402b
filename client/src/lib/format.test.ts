import { describe, expect, it, vi } from 'vitest';
import { formatCountOf, formatRelative } from './format';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const at = (secondsFromNow: number) => new Date(NOW + secondsFromNow * 1000).toISOString();

describe('formatRelative', () => {
  it('says how long ago as people say it', () => {
    expect(formatRelative(at(-10), NOW)).toBe('עכשיו');
    expect(formatRelative(at(-60), NOW)).toBe('לפני דקה');
    expect(formatRelative(at(-120), NOW)).toBe('לפני שתי דקות');
    expect(formatRelative(at(-5 * 60), NOW)).toBe('לפני 5 דקות');
    expect(formatRelative(at(-3600), NOW)).toBe('לפני שעה');
    expect(formatRelative(at(-2 * 3600), NOW)).toBe('לפני שעתיים');
    expect(formatRelative(at(-5 * 3600), NOW)).toBe('לפני 5 שעות');
    expect(formatRelative(at(-86_400), NOW)).toBe('אתמול');
    expect(formatRelative(at(-2 * 86_400), NOW)).toBe('לפני יומיים');
    expect(formatRelative(at(-3 * 86_400), NOW)).toBe('לפני 3 ימים');
  });

  it('rounds before it picks the unit: never "60 דקות" or "24 שעות"', () => {
    expect(formatRelative(at(-59 * 60 - 40), NOW)).toBe('לפני שעה');
    expect(formatRelative(at(59 * 60 + 40), NOW)).toBe('בעוד שעה');
    expect(formatRelative(at(-(23 * 3600 + 50 * 60)), NOW)).toBe('אתמול');
    expect(formatRelative(at(-89), NOW)).toBe('לפני דקה');
    expect(formatRelative(at(-91), NOW)).toBe('לפני שתי דקות');
  });

  it('and how soon', () => {
    expect(formatRelative(at(60), NOW)).toBe('בעוד דקה');
    expect(formatRelative(at(15 * 60), NOW)).toBe('בעוד 15 דקות');
    expect(formatRelative(at(2 * 3600), NOW)).toBe('בעוד שעתיים');
    expect(formatRelative(at(86_400), NOW)).toBe('מחר');
    expect(formatRelative(at(2 * 86_400), NOW)).toBe('בעוד יומיים');
  });

  it('counts from the clock when not told the time', () => {
    vi.useFakeTimers({ now: NOW });
    try {
      expect(formatRelative(at(-5 * 60))).toBe('לפני 5 דקות');
      vi.setSystemTime(NOW + 86_400_000);
      expect(formatRelative(at(0))).toBe('אתמול');
    } finally {
      vi.useRealTimers();
    }
  });

  it('never writes the number in brackets or "one" after the unit', () => {
    for (const seconds of [-50, -90, -3600, -86_400, 50, 3600, 86_400]) {
      expect(formatRelative(at(seconds), NOW)).not.toMatch(/\(|אחת|אחד/);
    }
  });

  it('gives the date a week or more away', () => {
    expect(formatRelative(at(-8 * 86_400), NOW)).toBe(
      new Intl.DateTimeFormat('he-IL', { dateStyle: 'short' }).format(new Date(at(-8 * 86_400))),
    );
  });
});

describe('formatCountOf', () => {
  const customers = { one: 'לקוח אחד', many: 'לקוחות', none: 'אין לקוחות' };

  it('puts "one" after the noun and other numbers before it', () => {
    expect(formatCountOf(1, customers)).toBe('לקוח אחד');
    expect(formatCountOf(2, customers)).toBe('2 לקוחות');
    expect(formatCountOf(1250, customers)).toBe('1,250 לקוחות');
    expect(formatCountOf(0, customers)).toBe('אין לקוחות');
    expect(formatCountOf(0, { one: 'מסמך אחד', many: 'מסמכים' })).toBe('0 מסמכים');
  });
});
