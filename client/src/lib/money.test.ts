import { describe, expect, it } from 'vitest';
import {
  agorotToInput,
  formatShekels,
  formatVatRate,
  lineTotal,
  parseQuantity,
  parseShekels,
  totals,
  vatOf,
} from './money';

describe('money', () => {
  it('reads prices typed in shekels as integer agorot', () => {
    expect(parseShekels('1,234.5')).toBe(123450);
    expect(parseShekels('₪ 99')).toBe(9900);
    expect(parseShekels('0.07')).toBe(7);
    expect(parseShekels('1.234')).toBeNull();
    expect(parseShekels('-5')).toBeNull();
    expect(parseShekels('')).toBeNull();
    expect(agorotToInput(123450)).toBe('1234.50');
    expect(agorotToInput(9900)).toBe('99');
  });

  it('reads quantities with up to three decimals, above zero', () => {
    expect(parseQuantity('2.5')).toBe(2500);
    expect(parseQuantity('0.001')).toBe(1);
    expect(parseQuantity('0')).toBeNull();
    expect(parseQuantity('1.2345')).toBeNull();
  });

  it('rounds each line and the VAT half-up once, like billing-service', () => {
    expect(lineTotal(2500, 40000)).toBe(100000);
    // 0.333 × 1.50 ₪ = 49.95 agorot → 50
    expect(lineTotal(333, 150)).toBe(50);
    // 0.001 × 0.05 ₪ rounds away
    expect(lineTotal(1, 5)).toBe(0);
    expect(vatOf(246900, 1800)).toBe(44442);
    // 0.5 agora rounds up
    expect(vatOf(25, 1800)).toBe(5);
    expect(totals([246900], 1800)).toEqual({
      subtotalAgorot: 246900,
      vatAgorot: 44442,
      totalAgorot: 291342,
    });
    expect(totals([500000, 45000], 1750).vatAgorot).toBe(95375);
  });

  it('never loses an agora on big amounts', () => {
    // 123456.789 × 12,345,678.91 ₪: the product passes 2^53 before it is divided back
    expect(lineTotal(123_456_789, 1_234_567_891)).toBe(152_415_787_625_362);
  });

  it('prints shekels in he-IL with agorot', () => {
    expect(formatShekels(291342).replace(/[\u200e\u200f\u00a0]/g, ' ')).toMatch(/2,913\.42\s*₪/);
    expect(formatVatRate(1800)).toBe('18%');
    expect(formatVatRate(1750)).toBe('17.5%');
  });
});
