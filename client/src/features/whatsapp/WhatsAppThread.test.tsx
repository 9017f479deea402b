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

describe('WhatsAppThread', () => {
  beforeEach(() => signIn());

  it('shows the thread oldest first, with delivery statuses', async () => {
    mockFetch(() =>
      page([
        message('3', { status: 'failed' }),
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
    expect(screen.queryByText('סביבת ניסוי')).not.toBeInTheDocument();
  });

  it('sends a message and says clearly when it only went to the sandbox', async () => {
    const user = userEvent.setup();
    const calls = mockFetch(({ method }) =>
      method === 'POST'
        ? json(message('9', { sandbox: true, status: 'sandbox' }), 201)
        : page([message('1', { sandbox: true, status: 'sandbox' })]),
    );
    renderWithProviders(<WhatsAppThread customerId="c1" />);
    expect(await screen.findByText('סביבת ניסוי')).toBeInTheDocument();
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

  it('has nothing to send from for a viewer', async () => {
    mockFetch(() => page([]));
    renderWithProviders(<WhatsAppThread customerId="c1" readOnly />);
    expect(await screen.findByText('עדיין אין הודעות')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });
});
