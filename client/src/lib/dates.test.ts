import { describe, expect, it } from 'vitest';
import { isoToIsraeli, israeliToIso } from './dates';

describe('Israeli dates', () => {
  it('shows the ISO day day first', () => {
    expect(isoToIsraeli('2026-11-07')).toBe('07/11/2026');
    expect(isoToIsraeli('')).toBe('');
    expect(isoToIsraeli('7.11.2026')).toBe('');
  });

  it('reads a typed date day first, with any usual separator', () => {
    expect(israeliToIso('7/11/2026')).toBe('2026-11-07');
    expect(israeliToIso('07.11.2026')).toBe('2026-11-07');
    expect(israeliToIso(' 7-11-2026 ')).toBe('2026-11-07');
    expect(israeliToIso('29/02/2028')).toBe('2028-02-29');
  });

  it('refuses what is no date', () => {
    for (const text of [
      '',
      '7/11',
      '7/11/26',
      '7/11/202',
      '31/02/2026',
      '29/02/2027',
      '5/13/2026',
      '0/1/2026',
      'abc',
    ]) {
      expect(israeliToIso(text), text).toBeNull();
    }
  });
});
