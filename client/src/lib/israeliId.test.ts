import { describe, expect, it } from 'vitest';
import { israeliIdError, isValidIsraeliId } from './israeliId';

describe('isValidIsraeliId', () => {
  it('accepts numbers whose check digit adds up, with the spaces and hyphens people type', () => {
    expect(isValidIsraeliId('514000009')).toBe(true);
    expect(isValidIsraeliId('123456782')).toBe(true);
    expect(isValidIsraeliId('12345-6782')).toBe(true);
    expect(isValidIsraeliId('000000018')).toBe(true);
  });

  it('refuses a wrong check digit, too few digits and letters', () => {
    expect(isValidIsraeliId('514000006')).toBe(false);
    expect(isValidIsraeliId('123456789')).toBe(false);
    expect(isValidIsraeliId('12345678')).toBe(false);
    expect(isValidIsraeliId('12345678a')).toBe(false);
  });
});

describe('israeliIdError', () => {
  it('says nothing for an empty field or a valid number, and which rule a wrong one breaks', () => {
    expect(israeliIdError('  ')).toBeUndefined();
    expect(israeliIdError('51-400000-9')).toBeUndefined();
    expect(israeliIdError('5140000')).toBe('מספר העוסק צריך להכיל 9 ספרות');
    expect(israeliIdError('514000001')).toContain('ספרת הביקורת');
  });
});
