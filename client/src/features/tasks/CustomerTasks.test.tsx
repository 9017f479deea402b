import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch, renderWithProviders, signIn } from '../../../test/render';
import type { Task } from './api';
import { CustomerTasks } from './CustomerTasks';

const NOW = Date.parse('2026-03-10T12:00:00Z');

function task(id: string, over: Partial<Task>): Task {
  return {
    id,
    title: `משימה ${id}`,
    notes: null,
    customerId: 'c1',
    customerName: 'אבי גולן',
    customerPhone: '+972501234567',
    assigneeId: 'u1',
    dueAt: null,
    channel: 'call',
    priority: 'medium',
    status: 'open',
    completedAt: null,
    createdAt: '2026-03-01T09:00:00Z',
    updatedAt: '2026-03-01T09:00:00Z',
    ...over,
  };
}

describe('CustomerTasks', () => {
  beforeEach(() => {
    signIn();
    // Only the clock is fake: the queries' own timers run as usual.
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  });
  afterEach(() => vi.useRealTimers());

  it('says "באיחור" on an open task past its time, and the status on the others', async () => {
    mockFetch(() =>
      json({
        items: [
          task('late', { dueAt: '2026-03-10T11:00:00Z' }),
          task('soon', { dueAt: '2026-03-10T13:00:00Z' }),
          task('done', { dueAt: '2026-03-09T11:00:00Z', status: 'done' }),
        ],
        page: 1,
        limit: 10,
        total: 3,
        pages: 1,
      }),
    );
    renderWithProviders(<CustomerTasks customerId="c1" />);
    const late = (await screen.findByText('משימה late')).closest('li') as HTMLElement;
    expect(late).toHaveTextContent('באיחור');
    const soon = screen.getByText('משימה soon').closest('li') as HTMLElement;
    expect(soon).toHaveTextContent('פתוחה');
    expect(soon).not.toHaveTextContent('באיחור');
    const done = screen.getByText('משימה done').closest('li') as HTMLElement;
    expect(done).toHaveTextContent('בוצעה');
  });
});
