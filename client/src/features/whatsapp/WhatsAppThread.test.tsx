import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { json, mockFetch, renderWithProviders, signIn } from '../../../test/render';
import type { WhatsAppMessage } from './api';
import { WhatsAppThread } from './WhatsAppThread';

function message(id: string, over: Partial<WhatsAppMessage> = {}): WhatsAppMessage {
  return {
    id,
    customerId: 'c1',
    messageSid: `SM${id}`,
    direction: 'outbound',
    peerPhone: '+972501234567',
    text: `הודעה ${id}`,
    mediaCount: 0,
    status: 'delivered',
    errorCode: null,
    sandbox: false,
    createdAt: '2026-11-25T10:00:00Z',
    ...over,
  };
}

const page = (items: WhatsAppMessage[]) =>
  json({ items, page: 1, limit: 30, total: items.length, pages: 1 });

const OPEN = {
  windowOpen: true,
  windowClosesAt: '2026-11-26T09:00:00Z',
  lastInboundAt: '2026-11-25T09:00:00Z',
  optedOut: false,
  assignedTo: null,
  unreadCount: 0,
};
const CLOSED = { ...OPEN, windowOpen: false, windowClosesAt: null };

/** The thread's page, or the conversation's state (the window) when that is what is asked. */
function route(url: string, items: WhatsAppMessage[], state: object = OPEN) {
  if (url.endsWith('/whatsapp/conversation')) return json(state);
  if (url.endsWith('/templates/purposes'))
    return json([
      {
        purpose: 'task_follow_up',
        label: 'מעקב אחרי משימה',
        contentSid: 'HX1',
        name: 'follow_up',
        body: 'שלום {{1}}, רצינו לחזור אליך',
        variables: { '1': 'customerName' },
      },
    ]);
  if (url.endsWith('/template/preview'))
    return json({
      purpose: 'task_follow_up',
      contentSid: 'HX1',
      text: 'שלום דנה, רצינו לחזור אליך',
    });
  return page(items);
}

describe('WhatsAppThread', () => {
  beforeEach(() => signIn());

  it('shows the thread oldest first, with delivery statuses', async () => {
    mockFetch(({ url }) =>
      route(url, [
        message('3', {
          status: 'failed',
          errorMessage: 'המספר אינו מספר WhatsApp תקין. בדקו את מספר הטלפון בכרטיס הלקוח.',
        }),
        message('2', { direction: 'inbound', status: 'received', text: 'תודה, מתאים לי' }),
        message('1', { status: 'read' }),
      ]),
    );
    renderWithProviders(<WhatsAppThread customerId="c1" />);
    const items = await screen.findAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.wa__text')?.textContent)).toEqual([
      'הודעה 1',
      'תודה, מתאים לי',
      'הודעה 3',
    ]);
    expect(within(items[0] as HTMLElement).getByText('נקראה')).toBeInTheDocument();
    expect(within(items[2] as HTMLElement).getAllByText('השליחה נכשלה').length).toBeGreaterThan(0);
    expect(
      within(items[2] as HTMLElement).getByText(
        'המספר אינו מספר WhatsApp תקין. בדקו את מספר הטלפון בכרטיס הלקוח.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('סביבת ניסוי')).not.toBeInTheDocument();
  });

  it('sends a message and says clearly when it only went to the sandbox', async () => {
    const user = userEvent.setup();
    const calls = mockFetch(({ method, url }) =>
      method === 'POST'
        ? json(message('9', { sandbox: true, status: 'sandbox' }), 201)
        : route(url, [message('1', { sandbox: true, status: 'sandbox' })]),
    );
    renderWithProviders(<WhatsAppThread customerId="c1" />);
    expect(await screen.findByText('סביבת ניסוי')).toBeInTheDocument();
    expect(await screen.findByText(/חלון השיחה פתוח עד/)).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'הודעה חדשה' }), 'שלום, יש לי דירה בשבילך');
    await user.click(screen.getByRole('button', { name: 'שליחה' }));
    expect(
      await screen.findByText('סביבת ניסוי: ההודעה נשמרה אך לא נשלחה בפועל'),
    ).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({
      url: '/api/customers/c1/whatsapp/start',
      body: { text: 'שלום, יש לי דירה בשבילך' },
    });
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'הודעה חדשה' })).toHaveValue(''),
    );
  });

  it('outside the 24-hour window offers the templates with a Hebrew preview instead of free text', async () => {
    const user = userEvent.setup();
    const calls = mockFetch(({ method, url }) =>
      method === 'POST' && url.endsWith('/whatsapp/template')
        ? json(message('9', { contentSid: 'HX1', status: 'queued' }), 201)
        : route(url, [message('1', { direction: 'inbound', status: 'received' })], CLOSED),
    );
    renderWithProviders(<WhatsAppThread customerId="c1" />);
    expect(await screen.findByText(/חלון השיחה סגור/)).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'הודעה חדשה' })).not.toBeInTheDocument();
    expect(await screen.findByText('שלום דנה, רצינו לחזור אליך')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'תבנית' })).toHaveValue('task_follow_up');
    await user.click(screen.getByRole('button', { name: 'שליחת תבנית' }));
    await waitFor(() =>
      expect(
        calls.find((c) => c.method === 'POST' && c.url.endsWith('/whatsapp/template')),
      ).toMatchObject({
        url: '/api/customers/c1/whatsapp/template',
        body: { purpose: 'task_follow_up' },
      }),
    );
  });

  it('says so when the customer opted out, and offers nothing to send', async () => {
    mockFetch(({ url }) => route(url, [], { ...CLOSED, optedOut: true }));
    renderWithProviders(<WhatsAppThread customerId="c1" />);
    expect(await screen.findByText(/ביקש לא לקבל הודעות WhatsApp/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'שליחת תבנית' })).not.toBeInTheDocument();
  });

  it('has nothing to send from for a viewer', async () => {
    mockFetch(() => page([]));
    renderWithProviders(<WhatsAppThread customerId="c1" readOnly />);
    expect(await screen.findByText('עדיין אין הודעות')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });
});
