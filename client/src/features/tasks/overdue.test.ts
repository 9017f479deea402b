import { describe, expect, it } from 'vitest';
import { isOverdue } from './overdue';

const NOW = Date.parse('2026-03-10T12:00:00Z');

describe('isOverdue', () => {
  it('is a task not done whose due time has passed', () => {
    expect(isOverdue({ status: 'open', dueAt: '2026-03-10T11:59:00Z' }, NOW)).toBe(true);
    expect(isOverdue({ status: 'in_progress', dueAt: '2026-03-09T12:00:00Z' }, NOW)).toBe(true);
    expect(isOverdue({ status: 'open', dueAt: '2026-03-10T12:01:00Z' }, NOW)).toBe(false);
    expect(isOverdue({ status: 'done', dueAt: '2026-03-09T12:00:00Z' }, NOW)).toBe(false);
    expect(isOverdue({ status: 'open', dueAt: null }, NOW)).toBe(false);
  });
});
