import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { json, mockFetch, renderWithProviders, signIn, type FetchCall } from '../../../test/render';
import type { Task } from './api';
import { TasksPage } from './TasksPage';

function task(id: string, over: Partial<Task> = {}): Task {
  return {
    id,
    title: `משימה ${id}`,
    notes: null,
    customerId: 'c1',
    customerName: 'אבי גולן',
    customerPhone: '+972501234567',
    assigneeId: 'u1',
    dueAt: '2020-01-01T10:00:00Z',
    channel: 'call',
    priority: 'high',
    status: 'open',
    completedAt: null,
    createdAt: '2020-01-01T09:00:00Z',
    updatedAt: '2020-01-01T09:00:00Z',
    ...over,
  };
}

function answer({ url, method }: FetchCall) {
  if (url.startsWith('/api/tasks/summary'))
    return json({ open: 3, overdue: 1, today: 2, thisWeek: 3 });
  if (url === '/api/users')
    return json({ items: [{ id: 'u1', name: 'דנה', email: 'd@x', role: 'owner', active: true }] });
  if (method === 'POST') return json(task('t1', { status: 'done' }));
  if (url.startsWith('/api/tasks?')) {
    return json({
      items: [task('t1'), task('t2', { status: 'done', dueAt: null })],
      page: 1,
      limit: 25,
      total: 2,
      pages: 1,
    });
  }
  return json({});
}

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/tasks" element={<TasksPage />} />
    </Routes>,
    { route: '/tasks' },
  );
}

describe('TasksPage', () => {
  beforeEach(() => signIn());

  it('shows my tasks with the summary, and asks the server for each view', async () => {
    const user = userEvent.setup();
    const calls = mockFetch(answer);
    renderPage();
    expect(await screen.findByRole('link', { name: 'משימה t1' })).toBeInTheDocument();
    expect(calls.some((c) => c.url === '/api/tasks?page=1&limit=25&mine=true')).toBe(true);
    expect(calls.some((c) => c.url === '/api/tasks/summary?mine=true')).toBe(true);
    await waitFor(() =>
      expect(screen.getByLabelText('סיכום המשימות שלי')).toHaveTextContent(/באיחור\s*1/),
    );
    const row = screen.getByRole('link', { name: 'משימה t1' }).closest('tr') as HTMLElement;
    expect(within(row).getByText('באיחור')).toBeInTheDocument();
    expect(within(row).getByText('גבוהה')).toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'באיחור' }));
    await waitFor(() =>
      expect(calls.some((c) => c.url === '/api/tasks?page=1&limit=25&range=overdue')).toBe(true),
    );
    await user.click(screen.getByRole('tab', { name: 'כל המשימות' }));
    await waitFor(() =>
      expect(calls.some((c) => c.url === '/api/tasks?page=1&limit=25')).toBe(true),
    );
    expect(screen.getByLabelText('אחראי')).toBeInTheDocument();
  });

  it('marks a task done and snoozes another from the row', async () => {
    const user = userEvent.setup();
    const calls = mockFetch(answer);
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'בוצע: משימה t1' }));
    expect(await screen.findByText('המשימה סומנה כבוצעה')).toBeInTheDocument();
    expect(calls.some((c) => c.url === '/api/tasks/t1/done' && c.method === 'POST')).toBe(true);
    await user.selectOptions(screen.getByRole('combobox', { name: 'דחיית המשימה משימה t1' }), '15');
    await waitFor(() =>
      expect(calls.find((c) => c.url === '/api/tasks/t1/snooze')?.body).toEqual({ minutes: 15 }),
    );

    // A done task offers nothing to do.
    expect(screen.queryByRole('button', { name: 'בוצע: משימה t2' })).not.toBeInTheDocument();
  });

  it('filters by channel and priority, both kept in the address', async () => {
    const user = userEvent.setup();
    const calls = mockFetch(answer);
    renderPage();
    await screen.findByRole('link', { name: 'משימה t1' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'ערוץ' }), 'whatsapp');
    await user.selectOptions(screen.getByRole('combobox', { name: 'עדיפות' }), 'high');
    await waitFor(() =>
      expect(
        calls.some(
          (c) => c.url === '/api/tasks?page=1&limit=25&mine=true&channel=whatsapp&priority=high',
        ),
      ).toBe(true),
    );
    await user.click(screen.getByRole('button', { name: 'ניקוי סינון' }));
    expect(screen.getByRole('combobox', { name: 'ערוץ' })).toHaveValue('');
    expect(screen.getByRole('combobox', { name: 'עדיפות' })).toHaveValue('');
  });

  it('marks the chosen tasks done at once, and snoozes them', async () => {
    const user = userEvent.setup();
    const calls = mockFetch((call) =>
      call.url.startsWith('/api/tasks?')
        ? json({
            items: [task('t1'), task('t2'), task('t3', { status: 'done' })],
            page: 1,
            limit: 25,
            total: 3,
            pages: 1,
          })
        : answer(call),
    );
    renderPage();
    await user.click(await screen.findByRole('checkbox', { name: 'בחירת משימה t1' }));
    expect(screen.getByRole('group', { name: 'פעולות על המשימות שנבחרו' })).toHaveTextContent(
      'נבחרה משימה אחת',
    );
    await user.click(screen.getByRole('checkbox', { name: 'בחירת משימה t2' }));
    expect(screen.getByRole('group', { name: 'פעולות על המשימות שנבחרו' })).toHaveTextContent(
      'נבחרו 2 משימות',
    );
    // a done task cannot be chosen
    expect(screen.queryByRole('checkbox', { name: 'בחירת משימה t3' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'סימון כבוצעו' }));
    expect(await screen.findByText('2 משימות סומנו כבוצעות')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual([
      '/api/tasks/t1/done',
      '/api/tasks/t2/done',
    ]);
    expect(screen.queryByRole('group', { name: 'פעולות על המשימות שנבחרו' })).toBeNull();

    await user.click(screen.getByRole('checkbox', { name: 'בחירת משימה t1' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'דחיית המשימות שנבחרו' }), '60');
    expect(await screen.findByText('משימה אחת נדחתה ב-60 דקות')).toBeInTheDocument();
    expect(calls.find((c) => c.url === '/api/tasks/t1/snooze')?.body).toEqual({ minutes: 60 });
  });
});
