import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { json, mockFetch, renderWithProviders, signIn, type FetchCall } from '../../../test/render';
import { NumbersSettings } from './NumbersSettings';
import type { NumberSetup, NumberView } from './api';

const SID = 'AC0123456789abcdef0123456789abcdef';
const PN = 'PN0123456789abcdef0123456789abcdef';

/** An in-memory telephony-service for Settings → Numbers. */
function server(start: Partial<NumberSetup> = {}) {
  const setup: NumberSetup = {
    sandbox: true,
    platformAvailable: false,
    account: null,
    numbers: [],
    ...start,
  };
  return mockFetch((call: FetchCall) => {
    const { url, method, body } = call;
    if (url === '/api/calls/numbers/setup') return json(setup);
    if (url === '/api/calls/numbers/setup/account' && method === 'PUT') {
      const b = body as { accountSid: string; authToken: string };
      if (b.authToken === 'wrong') {
        return json(
          {
            error: 'twilio_credentials_rejected',
            message: 'Twilio דחתה את פרטי החשבון. בדקו את ה-Account SID וה-Auth Token.',
            details: { twilioCode: 20003 },
          },
          400,
        );
      }
      setup.account = {
        accountSid: b.accountSid,
        apiKeySid: null,
        connectedAt: '2026-12-07T10:00:00Z',
      };
      setup.sandbox = false;
      return json(setup.account);
    }
    if (url === '/api/calls/numbers/setup/account/numbers') {
      return json([
        { sid: PN, phoneNumber: '+97233760000', friendlyName: '03-376-0000', voiceUrl: null },
      ]);
    }
    if (url === '/api/calls/numbers/setup/connect' && method === 'POST') {
      const n: NumberView = {
        phone: '+97233760000',
        label: null,
        source: 'own',
        phoneSid: PN,
        connectedAt: '2026-12-07T10:01:00Z',
      };
      setup.numbers = [n];
      return json(n, 201);
    }
    if (url === '/api/calls/numbers/setup/numbers/%2B97233760000/health') {
      return json({
        phone: '+97233760000',
        webhooksPointHere: true,
        voiceUrl: 'https://app.example.com/webhook/incoming_call',
        statusCallback: 'https://app.example.com/webhook/call_status',
        smsUrl: 'https://app.example.com/webhook/whatsapp_incoming',
        lastCallAt: null,
        signatureFailuresLastDay: 2,
      });
    }
    if (url === '/api/calls/numbers/setup/numbers/%2B97233760000/test-call') {
      return json({ callSid: 'CA1' }, 201);
    }
    return json({ error: 'not_found', message: 'לא נמצא' }, 404);
  });
}

describe('NumbersSettings', () => {
  beforeEach(() => signIn('owner'));

  it('states the sandbox when no Twilio is connected and offers no purchase without the platform', async () => {
    server();
    renderWithProviders(<NumbersSettings />);
    expect(await screen.findByRole('status')).toHaveTextContent('מצב ארגז חול');
    expect(screen.queryByRole('heading', { name: 'רכישת מספר ישראלי' })).toBeNull();
  });

  it('shows Twilio refusing the credentials in Hebrew', async () => {
    server();
    const user = userEvent.setup();
    renderWithProviders(<NumbersSettings />);
    await user.type(await screen.findByLabelText(/Account SID/), SID);
    await user.type(screen.getByLabelText(/^Auth Token/), 'wrong');
    await user.click(screen.getByRole('button', { name: 'חיבור החשבון' }));
    expect(await screen.findByText(/Twilio דחתה את פרטי החשבון/)).toBeInTheDocument();
  }, 15_000);

  it('connects the own account, picks a number, shows its health and places a test call', async () => {
    const calls = server();
    const user = userEvent.setup();
    renderWithProviders(<NumbersSettings />);
    await user.type(await screen.findByLabelText(/Account SID/), SID);
    await user.type(screen.getByLabelText(/^Auth Token/), 'a'.repeat(32));
    await user.click(screen.getByRole('button', { name: 'חיבור החשבון' }));
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      accountSid: SID,
      authToken: 'a'.repeat(32),
    });

    const ownList = await screen.findByRole('list', { name: 'המספרים בחשבון Twilio שלכם' });
    await user.click(within(ownList).getByRole('button', { name: /חיבור המספר/ }));
    await waitFor(() =>
      expect(calls.find((c) => c.url.endsWith('/connect'))?.body).toEqual({ phoneSid: PN }),
    );
    await user.click(await screen.findByRole('button', { name: 'מצב המספר' }));
    expect(await screen.findByText('מכוונות למערכת')).toBeInTheDocument();
    expect(screen.getByText('עדיין לא התקבלה')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'בדיקת המזכירה' }));
    await waitFor(() =>
      expect(calls.some((c) => c.url.endsWith('/test-call') && c.method === 'POST')).toBe(true),
    );
  }, 20_000);
});
