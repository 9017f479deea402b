import { describe, expect, it } from 'vitest';
import { formatPhone, isValidPhone, normalisePhone } from './phone';

describe('the phone-number rule', () => {
  it.each([
    // 05x mobile, the way people type it
    ['050-1234567', '+972501234567'],
    ['0501234567', '+972501234567'],
    ['050 123 4567', '+972501234567'],
    ['(050) 123-4567', '+972501234567'],
    ['054.765.4321', '+972547654321'],
    ['053-000-0000', '+972530000000'],
    // with the country code, with or without the plus, and the (0) some people keep
    ['+972501234567', '+972501234567'],
    ['+972 50 123 4567', '+972501234567'],
    ['972501234567', '+972501234567'],
    ['972-50-1234567', '+972501234567'],
    ['+972-(0)50-1234567', '+972501234567'],
    ['+972 (0)50 123 4567', '+972501234567'],
    ['00972501234567', '+972501234567'],
    // landlines
    ['02-6234567', '+97226234567'],
    ['03 6234567', '+97236234567'],
    ['(03) 623-4567', '+97236234567'],
    ['04-7654321', '+97247654321'],
    ['08-6234567', '+97286234567'],
    ['09-7654321', '+97297654321'],
    // VoIP
    ['072-2123456', '+972722123456'],
    ['077-1234567', '+972771234567'],
    // shared-cost and toll-free numbers: no 0, and the 1 belongs to the number
    ['1-700-500-500', '+9721700500500'],
    ['1700500500', '+9721700500500'],
    ['1-800-200-200', '+9721800200200'],
    ['+972 1-800-200-200', '+9721800200200'],
    // foreign numbers in international form
    ['+1 212 555 0100', '+12125550100'],
    ['+14155238886', '+14155238886'],
    ['0044 20 7946 0958', '+442079460958'],
    ['+44 (20) 7183-8750', '+442071838750'],
    // a direction mark pasted from Hebrew text
    ['\u200e050-1234567\u200f', '+972501234567'],
  ])('reads %s as %s', (input, e164) => {
    expect(normalisePhone(input)).toBe(e164);
    expect(isValidPhone(input)).toBe(true);
  });

  it.each([
    '',
    '   ',
    'abc',
    'anonymous',
    'client:agent',
    '050-123',
    '12345',
    '050-12345678',
    '06-1234567',
    '+0501234567',
    '+972 12',
    '+12',
    '1-800-FLOWERS',
    '050-1234567 ext 5',
    'abc050-1234567',
    '050-1234567!',
    '*2345',
  ])('refuses %j', (input) => {
    expect(normalisePhone(input)).toBeUndefined();
    expect(isValidPhone(input)).toBe(false);
  });

  it('refuses null and undefined', () => {
    expect(isValidPhone(null)).toBe(false);
    expect(normalisePhone(undefined)).toBeUndefined();
  });

  it.each([
    ['+972501234567', '050-123-4567'],
    ['+97226234567', '02-623-4567'],
    ['+972771234567', '077-123-4567'],
    ['+9721700500500', '1-700-500-500'],
    ['+9721800200200', '1-800-200-200'],
    ['+12125550100', '+1 212 555 0100'],
    ['+442079460958', '+44 20 7946 0958'],
    ['sandbox', 'sandbox'],
    ['', ''],
  ])('shows %s as %s', (e164, shown) => {
    expect(formatPhone(e164)).toBe(shown);
  });

  it('reads what it shows back as the same number', () => {
    for (const e164 of ['+972501234567', '+9721700500500', '+12125550100']) {
      expect(normalisePhone(formatPhone(e164))).toBe(e164);
    }
  });
});
