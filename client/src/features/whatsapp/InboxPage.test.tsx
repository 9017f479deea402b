import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { json, mockFetch, renderWithProviders, signIn } from '../../../test/render';
import type { Conversation } from './api';
import { InboxPage } from './InboxPage';

function conversation(phone: string, over: Partial<Conversation> = {}): Conversation {
  return {
    peerPhone: phone,
    customerId: `c-${phone}`,
    customerName: 'דנה כהן',
    lastInboundAt: '2026-11-25T09:00:00Z',
    lastMessageAt: '2026-11-25T09:00:00Z',
    lastMessageText: 'שלום, ראיתי את הדירה',
    lastMessageDirection: 'inbound',
    unreadCount: 0,
    assignedTo: null,
    optedOut: false,
    windowOpen: true,
    windowClosesAt: '2026-11-26T09:00:00Z',
    ...over,
  };
}

const page = (items: Conversation[]) =>
  json({ items, page: 1, limit: 50, total: items.length, pages: 1 });

describe('InboxPage', () => {
  beforeEach(() => signIn());

  it('lists every conversation with unread counts; opening one marks it read; filters ask the server', async () => {
    const user = userEvent.setup();
    const calls = mockFetch(({ url, method }) => {
      if (method === 'POST') return json(conversation('+972541234567'));
      if (url.startsWith('/api/whatsapp/conversations'))
        return page([
          conversation('+972541234567', { unreadCount: 2 }),
          conversation('+972529876543', { customerName: null, unreadCount: 0, windowOpen: false }),
        ]);
      if (url === '/api/users') return json({ items: [] });
      if (url.endsWith('/whatsapp/conversation'))
        return json({
          windowOpen: true,
          windowClosesAt: null,
          lastInboundAt: null,
          optedOut: false,
          assignedTo: null,
          unreadCount: 0,
        });
      return json({ items: [], page: 1, limit: 30, total: 0, pages: 1 });
    });
    renderWithProviders(<InboxPage />);
    const list = await screen.findByRole('list', { name: 'שיחות' });
    const rows = within(list).getAllByRole('button');
    expect(rows).toHaveLength(2);
    expect(within(rows[0] as HTMLElement).getByLabelText('2 לא נקראו')).toBeInTheDocument();
    expect(within(rows[1] as HTMLElement).getByText('+972529876543')).toBeInTheDocument();
    expect(within(rows[1] as HTMLElement).getByText('חלון סגור')).toBeInTheDocument();

    await user.click(rows[0] as HTMLElement);
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.url).toBe(
        '/api/whatsapp/conversations/972541234567/read',
      ),
    );
    expect(await screen.findByRole('button', { name: 'לקחת את השיחה' })).toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'לא נקראו' }));
    await waitFor(() =>
      expect(calls.some((c) => c.url.startsWith('/api/whatsapp/conversations?filter=unread'))).toBe(
        true,
      ),
    );
  });
});
