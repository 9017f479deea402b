import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { json, mockFetch, renderWithProviders, signIn, type FetchCall } from '../../../test/render';
import type { CallLog } from './api';
import { CallsPage } from './CallsPage';

function call(id: string, over: Partial<CallLog> = {}): CallLog {
  return {
    id,
    customerId: 'c1',
    customerName: 'דנה כהן',
    callSid: `CA${id}`,
    from: '+972527654321',
    to: '+97231234567',
    direction: 'inbound',
    status: 'completed',
    durationSeconds: 75,
    answeredBy: 'ai',
    outcome: 'answered',
    error: null,
    sandbox: false,
    agentPhone: null,
    createdAt: '2026-06-07T07:00:00Z',
    completedAt: '2026-06-07T07:01:15Z',
    summary: 'דנה מחפשת דירת 4 חדרים לקנייה ברמת גן.',
    ...over,
  };
}

function answer({ url }: FetchCall) {
  if (url.startsWith('/api/calls?')) {
    return json({
      items: [call('1'), call('2', { outcome: null, durationSeconds: 4, summary: null })],
      page: 1,
      limit: 25,
      total: 2,
      pages: 1,
    });
  }
  if (url.startsWith('/api/calls/1')) {
    return json({
      call: call('1'),
      statusHistory: [{ status: 'completed', at: '2026-06-07T07:01:15Z' }],
      turns: [
        {
          id: 't1',
          recordingUrl: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1',
          recordingSeconds: 6,
          outcome: 'answered',
          transcript: 'קוראים לי דנה כהן',
          reply: 'נעים מאוד דנה',
          replyAudioUrl: null,
          details: { name: 'דנה כהן', intent: 'buy', budget: 2500000 },
          error: null,
          createdAt: '2026-06-07T07:00:30Z',
        },
      ],
      transcript: 'קוראים לי דנה כהן',
      details: { name: 'דנה כהן', intent: 'buy', budget: 2500000 },
    });
  }
  return json({});
}

describe('CallsPage', () => {
  beforeEach(() => signIn('agent'));

  it('lists every call with its outcome and summary, keeping the filters in the address', async () => {
    const user = userEvent.setup();
    const calls = mockFetch(answer);
    renderWithProviders(
      <Routes>
        <Route path="/calls" element={<CallsPage />} />
        <Route path="/calls/:id" element={<CallsPage />} />
      </Routes>,
      { route: '/calls?outcome=missed&from=2026-06-01' },
    );

    await waitFor(() =>
      expect(
        calls.some(
          (c) =>
            c.url === '/api/calls?page=1&limit=25&outcome=missed&from=2026-06-01&sort=-createdAt',
        ),
      ).toBe(true),
    );
    expect(await screen.findByText('דנה מחפשת דירת 4 חדרים לקנייה ברמת גן.')).toBeInTheDocument();
    expect(screen.getByText('נענתה ע״י המזכירה')).toBeInTheDocument();
    expect(screen.getByText('לא נענתה')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'תוצאה' })).toHaveValue('missed');

    await user.selectOptions(screen.getByRole('combobox', { name: 'תוצאה' }), 'answered');
    await waitFor(() =>
      expect(
        calls.some(
          (c) =>
            c.url === '/api/calls?page=1&limit=25&outcome=answered&from=2026-06-01&sort=-createdAt',
        ),
      ).toBe(true),
    );
  });

  it('opens a call with its recording and its transcript by turn', async () => {
    mockFetch(answer);
    renderWithProviders(
      <Routes>
        <Route path="/calls/:id" element={<CallsPage />} />
      </Routes>,
      { route: '/calls/1' },
    );

    const dialog = await screen.findByRole('dialog', { name: 'פרטי השיחה' });
    expect(await within(dialog).findByText('קוראים לי דנה כהן')).toBeInTheDocument();
    expect(within(dialog).getByText('נעים מאוד דנה')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('הקלטת המתקשר, תור 1')).toBeInTheDocument();
    expect(within(dialog).getByText('קנייה')).toBeInTheDocument();
  });
});
