import { renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { json, mockFetch, renderWithProviders, signIn } from '../../../test/render';
import { useTaskDue, type TaskDueQueue } from './useTaskDue';
import type { TaskDueMessage } from './socket';
import { TaskDueModal } from './TaskDueModal';

function due(taskId: string, over: Partial<TaskDueMessage> = {}): TaskDueMessage {
  return {
    type: 'task:due',
    notificationId: `n-${taskId}`,
    taskId,
    title: `לחזור ללקוח ${taskId}`,
    customerId: `c-${taskId}`,
    customerName: `לקוח ${taskId}`,
    customerPhone: '+972501234567',
    dueAt: '2026-11-25T10:00:00Z',
    ...over,
  };
}

/** The real queue hook, fed by a fake socket, rendered with the modal. */
function Harness({
  alerts,
  onQueue,
}: {
  alerts: TaskDueMessage[];
  onQueue?: (q: TaskDueQueue) => void;
}) {
  const listeners = new Set<(m: TaskDueMessage) => void>();
  const socket = {
    onTaskDue: (l: (m: TaskDueMessage) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  const queue = useTaskDue(true, socket);
  useEffect(() => {
    alerts.forEach((a) => listeners.forEach((l) => l(a)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- emit once
  }, []);
  onQueue?.(queue);
  return <TaskDueModal alerts={queue} />;
}

describe('TaskDueModal', () => {
  beforeEach(() => signIn());

  it('shows the task, the customer and every action, one task at a time', async () => {
    mockFetch(() => json({}));
    renderWithProviders(<Harness alerts={[due('a'), due('b')]} />);
    const modal = await screen.findByRole('alertdialog');
    expect(modal).toHaveAccessibleName('לחזור ללקוח a');
    expect(screen.getByText('לקוח a')).toBeInTheDocument();
    expect(screen.getByText('050-123-4567')).toBeInTheDocument();
    expect(screen.getByText(/1 מתוך 2/)).toBeInTheDocument();
    for (const name of ['חייג', 'פתח WhatsApp', '5 דקות', '15 דקות', '60 דקות', 'בוצע']) {
      expect(screen.getByRole('button', { name })).toBeInTheDocument();
    }
  });

  it('snoozes through the API and moves on to the next task', async () => {
    const user = userEvent.setup();
    const calls = mockFetch(() => json({ id: 'a' }));
    renderWithProviders(<Harness alerts={[due('a'), due('b')]} />);
    await screen.findByRole('alertdialog');
    await user.click(screen.getByRole('button', { name: '15 דקות' }));
    await waitFor(() =>
      expect(screen.getByRole('alertdialog')).toHaveAccessibleName('לחזור ללקוח b'),
    );
    expect(calls[0]).toMatchObject({
      url: '/api/tasks/a/snooze',
      method: 'POST',
      body: { minutes: 15 },
    });
    expect(await screen.findByText('המשימה נדחתה ב-15 דקות')).toBeInTheDocument();
  });

  it('marks the task done and closes when nothing else waits', async () => {
    const user = userEvent.setup();
    const calls = mockFetch(() => json({ id: 'a', status: 'done' }));
    renderWithProviders(<Harness alerts={[due('a')]} />);
    await screen.findByRole('alertdialog');
    await user.click(screen.getByRole('button', { name: 'בוצע' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(calls[0]).toMatchObject({ url: '/api/tasks/a/done', method: 'POST' });
  });

  it('calls and messages the customer through the server, and keeps the alert open', async () => {
    const user = userEvent.setup();
    const calls = mockFetch(({ url }) =>
      url === '/api/calls/settings' ? json({ forwardTo: '+972501111111' }) : json({}, 201),
    );
    renderWithProviders(<Harness alerts={[due('a')]} />);
    await screen.findByRole('alertdialog');
    await user.click(screen.getByRole('button', { name: 'חייג' }));
    await user.click(screen.getByRole('button', { name: 'פתח WhatsApp' }));
    await waitFor(() => expect(calls).toHaveLength(3));
    expect(calls.map((c) => c.url)).toEqual([
      '/api/calls/settings',
      '/api/customers/c-a/call/start',
      '/api/customers/c-a/whatsapp/start',
    ]);
    expect(calls[1]?.body).toEqual({});
    // outside the 24-hour window the server sends the task follow-up template (issue 18)
    expect(calls[2]?.body).toEqual({ purpose: 'task_follow_up' });
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
  });

  it("asks for the agent's own number first when the business has no forwarding number", async () => {
    const user = userEvent.setup();
    const calls = mockFetch(({ url }) =>
      url === '/api/calls/settings'
        ? json({ forwardTo: null })
        : json({ id: 'call-1', sandbox: true }, 201),
    );
    renderWithProviders(<Harness alerts={[due('a')]} />);
    await screen.findByRole('alertdialog');
    await user.click(screen.getByRole('button', { name: 'חייג' }));
    await screen.findByRole('dialog', { name: 'לאיזה מספר להתקשר אליך?' });
    await user.type(screen.getByLabelText('הטלפון שלך'), '050-7654321');
    await user.click(screen.getByRole('button', { name: '📞 התקשר' }));
    expect(
      await screen.findByText('מצב ארגז חול: השיחה נרשמה ביומן אך לא חויגה'),
    ).toBeInTheDocument();
    expect(calls.map((c) => c.url)).toEqual([
      '/api/calls/settings',
      '/api/customers/c-a/call/start',
    ]);
    expect(calls[1]?.body).toEqual({ agentPhone: '050-7654321' });
    expect(JSON.parse(localStorage.getItem('agentPhone') ?? '""')).toBe('050-7654321');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('asks for the number when the server refuses the call without one', async () => {
    const user = userEvent.setup();
    localStorage.setItem('agentPhone', JSON.stringify('12'));
    const calls = mockFetch(({ body }) =>
      (body as { agentPhone?: string }).agentPhone === '050-7654321'
        ? json({ id: 'call-1' }, 201)
        : json(
            {
              error: 'invalid_phone',
              message: 'מספר הטלפון אינו תקין',
              details: { fields: { agentPhone: 'מספר לא תקין' } },
            },
            400,
          ),
    );
    renderWithProviders(<Harness alerts={[due('a')]} />);
    await screen.findByRole('alertdialog');
    await user.click(screen.getByRole('button', { name: 'חייג' }));
    const ask = await screen.findByRole('dialog', { name: 'לאיזה מספר להתקשר אליך?' });
    expect(ask).toHaveTextContent('מספר הטלפון אינו תקין');
    await user.clear(screen.getByLabelText('הטלפון שלך'));
    await user.type(screen.getByLabelText('הטלפון שלך'), '050-7654321');
    await user.click(screen.getByRole('button', { name: '📞 התקשר' }));
    expect(await screen.findByText('השיחה יוצאת: הטלפון שלך יצלצל בעוד רגע')).toBeInTheDocument();
    expect(calls.map((c) => (c.body as { agentPhone?: string }).agentPhone)).toEqual([
      '12',
      '050-7654321',
    ]);
  });

  it('shows the server message and stays open when snoozing fails', async () => {
    const user = userEvent.setup();
    mockFetch(() => json({ error: 'not_found', message: 'המשימה לא נמצאה' }, 404));
    renderWithProviders(<Harness alerts={[due('a')]} />);
    await screen.findByRole('alertdialog');
    await user.click(screen.getByRole('button', { name: '5 דקות' }));
    expect(await screen.findByText('המשימה לא נמצאה')).toBeInTheDocument();
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
  });

  it('falls back to the phone and wa.me links for a task without a customer', async () => {
    mockFetch(() => json({}));
    renderWithProviders(<Harness alerts={[due('a', { customerId: null })]} />);
    await screen.findByRole('alertdialog');
    expect(screen.getByRole('link', { name: /חייג/ })).toHaveAttribute('href', 'tel:+972501234567');
    expect(screen.getByRole('link', { name: /פתח WhatsApp/ })).toHaveAttribute(
      'href',
      'https://wa.me/972501234567',
    );
  });

  it('renders nothing while no task is due', () => {
    const { result } = renderHook(() => useTaskDue(true, { onTaskDue: () => () => undefined }));
    renderWithProviders(<TaskDueModal alerts={result.current} />);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });
});
