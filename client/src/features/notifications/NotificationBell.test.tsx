import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch, renderWithProviders, signIn } from '../../../test/render';
import { live } from '../../lib/live';
import { NotificationBell } from './NotificationBell';

const NOW = new Date('2026-12-07T10:00:00+02:00').getTime();

const lead = {
  id: 'n1',
  type: 'lead:new',
  title: 'ליד חדש משיחה',
  message: 'דנה כהן · 052-123-4567',
  body: 'דנה כהן · 052-123-4567',
  link: '/customers/c1',
  priority: 'high',
  taskId: null,
  customerId: 'c1',
  customerName: 'דנה כהן',
  createdAt: new Date(NOW - 60_000).toISOString(),
  read: false,
};

describe('NotificationBell', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    signIn();
  });
  afterEach(() => {
    act(() => live.setConnected(false));
    vi.useRealTimers();
  });

  it('rises on a live notification and clears on a read mark from another tab, without polling', async () => {
    let inbox: { items: (typeof lead)[]; unreadCount: number } = { items: [], unreadCount: 0 };
    const calls = mockFetch(() => json(inbox));
    act(() => live.setConnected(true));
    renderWithProviders(<NotificationBell />);
    expect(await screen.findByRole('button', { name: 'התראות' })).toBeInTheDocument();

    inbox = { items: [lead], unreadCount: 1 };
    act(() => live.emit({ type: 'notification:new', unreadCount: 1, notification: lead }));
    expect(
      await screen.findByRole('button', { name: 'התראות, אחת שלא נקראה' }),
    ).toBeInTheDocument();

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'התראות, אחת שלא נקראה' }));
    const item = await screen.findByRole('link', { name: /ליד חדש משיחה/ });
    expect(item).toHaveAttribute('href', '/customers/c1');
    expect(item).toHaveTextContent('דנה כהן · 052-123-4567');
    expect(screen.getByRole('link', { name: 'העדפות' })).toHaveAttribute(
      'href',
      '/notifications/preferences',
    );

    inbox = { items: [{ ...lead, read: true }], unreadCount: 0 };
    act(() => live.emit({ type: 'notification:read', unreadCount: 0, id: null, all: true }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'התראות' })).toBeInTheDocument());
    // one load, then one per live message: nothing on a timer
    expect(calls.filter((c) => c.url.includes('/api/notifications')).length).toBe(3);
  });
});
