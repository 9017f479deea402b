import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { json, mockFetch, renderWithProviders, signIn, type FetchCall } from '../../../test/render';
import { vatBasisPoints } from './api';
import { SettingsPage } from './SettingsPage';

const ALL_ON = {
  crm: true,
  calls: true,
  whatsapp: true,
  tasks: true,
  contracts: true,
  invoices: true,
  signatures: true,
  stats: true,
};

const USERS = [
  { id: 'u1', name: 'דנה', email: 'dana@example.com', role: 'owner', active: true },
  { id: 'u2', name: 'רון', email: 'ron@example.com', role: 'agent', active: true },
  { id: 'u3', name: 'שני', email: 'shani@example.com', role: 'viewer', active: false },
];

const RECEPTIONIST = {
  greeting: 'שלום, הגעתם למשרד',
  prompt: 'את/ה מזכיר/ה',
  forwardTo: null,
  customGreeting: false,
  customPrompt: false,
  updatedAt: null,
  sandbox: true,
  providers: { twilio: false, openai: false },
  mode: 'record',
  voice: 'he-IL-Wavenet-A',
  handoffNumber: null,
};

/** A small in-memory server for the settings endpoints. */
function server(start: Record<string, boolean> = ALL_ON) {
  let features = { ...start };
  const business = {
    vatRateBasisPoints: 1800,
    businessName: null as string | null,
    businessId: null as string | null,
    address: null as string | null,
    phone: null as string | null,
  };
  const calls = mockFetch((call: FetchCall) => {
    const { url, method, body } = call;
    if (url === '/api/tenant/features') {
      if (method === 'PUT') features = { ...features, ...(body as Record<string, boolean>) };
      return json(features);
    }
    if (url === '/api/invoices/settings') {
      if (method === 'PUT') Object.assign(business, body);
      return json(business);
    }
    if (url === '/api/calls/settings') {
      if (method === 'PUT') {
        const b = body as { greeting: string; prompt: string };
        return json({
          ...RECEPTIONIST,
          ...b,
          customGreeting: true,
          updatedAt: '2026-11-25T10:00:00Z',
        });
      }
      return json(RECEPTIONIST);
    }
    if (url === '/api/users' && method === 'POST') {
      const b = body as { name: string; email: string; role: string };
      return json(
        { user: { id: 'u9', ...b, active: true }, temporaryPassword: 'Tmp-12345678' },
        201,
      );
    }
    if (url === '/api/tasks/settings') {
      if (method === 'PUT') return json({ ...(body as object), timeZone: 'Asia/Jerusalem' });
      return json({
        responseMinutes: 15,
        onDutyUserId: null,
        businessHours: {
          sunday: { open: '09:00', close: '18:00' },
          monday: { open: '09:00', close: '18:00' },
          tuesday: { open: '09:00', close: '18:00' },
          wednesday: { open: '09:00', close: '18:00' },
          thursday: { open: '09:00', close: '18:00' },
          friday: { open: '09:00', close: '13:00' },
          saturday: null,
        },
        timeZone: 'Asia/Jerusalem',
      });
    }
    if (url === '/api/users') return json({ items: USERS });
    if (url === '/api/users/u2/deactivate') return json({ ...USERS[1], active: false });
    return json({ error: 'not_found' }, 404);
  });
  return calls;
}

describe('SettingsPage', () => {
  beforeEach(() => signIn('owner'));

  it('saves the business details with the VAT rate in basis points', async () => {
    const calls = server();
    const user = userEvent.setup();
    renderWithProviders(<SettingsPage />, { route: '/settings' });
    const name = await screen.findByLabelText('שם העסק');
    expect(screen.getByLabelText('שיעור מע״מ (%)')).toHaveValue('18');
    await user.type(name, 'נדל״ן לדוגמה');
    await user.type(screen.getByLabelText('מספר עוסק / ח״פ'), '12345');
    await user.click(screen.getByRole('button', { name: 'שמירת פרטי העסק' }));
    expect(screen.getByText('מספר העוסק צריך להכיל 9 ספרות')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
    await user.type(screen.getByLabelText('מספר עוסק / ח״פ'), '6789');
    await user.click(screen.getByRole('button', { name: 'שמירת פרטי העסק' }));
    // Nine digits, but the check digit is wrong: said at once, not when an invoice is refused.
    expect(screen.getByText(/ספרת הביקורת של מספר העוסק/)).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
    await user.clear(screen.getByLabelText('מספר עוסק / ח״פ'));
    await user.click(screen.getByLabelText('מספר עוסק / ח״פ'));
    await user.paste('123456782');
    await user.click(screen.getByRole('button', { name: 'שמירת פרטי העסק' }));
    expect(await screen.findByText('פרטי העסק נשמרו')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      vatRateBasisPoints: 1800,
      businessName: 'נדל״ן לדוגמה',
      businessId: '123456782',
      address: null,
      phone: null,
    });
  }, 15_000);

  it('edits the receptionist greeting and prompt', async () => {
    const calls = server();
    const user = userEvent.setup();
    renderWithProviders(<SettingsPage />, { route: '/settings?tab=receptionist' });
    const greeting = await screen.findByLabelText('פתיח');
    expect(screen.getByText(/מצב ארגז חול/)).toBeInTheDocument();
    await user.clear(greeting);
    await user.type(greeting, 'שלום וברכה');
    await user.click(screen.getByRole('button', { name: 'שמירת הגדרות המזכירה' }));
    expect(await screen.findByText('הגדרות המזכירה נשמרו')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      greeting: 'שלום וברכה',
      prompt: 'את/ה מזכיר/ה',
      forwardTo: '',
      mode: 'record',
      voice: 'he-IL-Wavenet-A',
      handoffNumber: '',
    });
  });

  it('switches the receptionist to the streaming conversation with a voice and a hand-off number', async () => {
    const calls = server();
    const user = userEvent.setup();
    renderWithProviders(<SettingsPage />, { route: '/settings?tab=receptionist' });
    const mode = await screen.findByLabelText('אופן המענה');
    expect(screen.queryByLabelText('מספר להעברה לנציג')).not.toBeInTheDocument();
    await user.selectOptions(mode, 'streaming');
    await user.selectOptions(screen.getByLabelText('קול המזכירה'), 'he-IL-Wavenet-B');
    await user.type(screen.getByLabelText('מספר להעברה לנציג'), '050-7654321');
    await user.click(screen.getByRole('button', { name: 'שמירת הגדרות המזכירה' }));
    expect(await screen.findByText('הגדרות המזכירה נשמרו')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PUT')?.body).toMatchObject({
      mode: 'streaming',
      voice: 'he-IL-Wavenet-B',
      handoffNumber: '050-7654321',
    });
  });

  it('sets the call-back response time, the on-duty agent and the business hours', async () => {
    const calls = server();
    const user = userEvent.setup();
    renderWithProviders(<SettingsPage />, { route: '/settings?tab=callbacks' });
    const minutes = await screen.findByLabelText('זמן תגובה (דקות)');
    expect(minutes).toHaveValue('15');
    expect(screen.getByLabelText('סגירה ביום שישי')).toHaveValue('13:00');
    expect(screen.getByLabelText('פתיחה ביום שבת')).toBeDisabled();

    await user.clear(minutes);
    await user.type(minutes, '0');
    await user.click(screen.getByRole('button', { name: 'שמירת הגדרות החזרה' }));
    expect(screen.getByText('זמן התגובה הוא בין דקה אחת ל־1440 דקות')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);

    await user.clear(minutes);
    await user.type(minutes, '30');
    await user.selectOptions(screen.getByLabelText('נציג תורן'), 'u2');
    await user.click(screen.getByRole('checkbox', { name: 'שישי' }));
    await user.click(screen.getByRole('button', { name: 'שמירת הגדרות החזרה' }));
    expect(await screen.findByText('הגדרות החזרה ללקוחות נשמרו')).toBeInTheDocument();
    const saved = calls.find((c) => c.method === 'PUT' && c.url === '/api/tasks/settings')
      ?.body as {
      responseMinutes: number;
      onDutyUserId: string;
      businessHours: Record<string, unknown>;
    };
    expect(saved.responseMinutes).toBe(30);
    expect(saved.onDutyUserId).toBe('u2');
    expect(saved.businessHours.friday).toBeNull();
    expect(saved.businessHours.sunday).toEqual({ open: '09:00', close: '18:00' });
  });

  it('lists users, adds one with a temporary password and deactivates an agent', async () => {
    const calls = server();
    const user = userEvent.setup();
    renderWithProviders(<SettingsPage />, { route: '/settings?tab=users' });
    const table = await screen.findByRole('table', { name: 'משתמשי העסק' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.dataset.userId)).toEqual(['u1', 'u2', 'u3']);
    // Neither the owner (who is also "me") nor an inactive user can be deactivated.
    expect(within(table).getAllByRole('button', { name: 'השבתה' })).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: /הוספת משתמש/ }));
    const dialog = await screen.findByRole('dialog', { name: 'הוספת משתמש' });
    await user.type(within(dialog).getByLabelText('שם'), 'יעל');
    await user.type(within(dialog).getByLabelText('אימייל'), 'yael@example.com');
    await user.selectOptions(within(dialog).getByLabelText('תפקיד'), 'viewer');
    await user.click(within(dialog).getByRole('button', { name: 'הוספה' }));
    expect(await screen.findByLabelText('סיסמה זמנית')).toHaveTextContent('Tmp-12345678');
    expect(calls.find((c) => c.method === 'POST' && c.url === '/api/users')?.body).toEqual({
      name: 'יעל',
      email: 'yael@example.com',
      role: 'viewer',
    });
    await user.click(screen.getByRole('button', { name: 'סיום' }));

    await user.click(within(table).getByRole('button', { name: 'השבתה' }));
    const confirm = await screen.findByRole('dialog', { name: 'להשבית את רון?' });
    await user.click(within(confirm).getByRole('button', { name: 'השבתה' }));
    await waitFor(() =>
      expect(calls.some((c) => c.url === '/api/users/u2/deactivate' && c.method === 'POST')).toBe(
        true,
      ),
    );
  });

  it('switches a feature off and on, and hides the tabs of switched-off features', async () => {
    const calls = server();
    const user = userEvent.setup();
    renderWithProviders(<SettingsPage />, { route: '/settings?tab=features' });
    const calls_ = await screen.findByRole('switch', { name: /שיחות ומזכירה דיגיטלית/ });
    expect(calls_).toBeChecked();
    expect(screen.getByRole('tab', { name: 'מזכירה דיגיטלית' })).toBeInTheDocument();
    await user.click(calls_);
    await waitFor(() => expect(calls_).not.toBeChecked());
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ calls: false });
    expect(screen.queryByRole('tab', { name: 'מזכירה דיגיטלית' })).toBeNull();
    await user.click(calls_);
    await waitFor(() => expect(calls_).toBeChecked());
    expect(screen.getByRole('tab', { name: 'מזכירה דיגיטלית' })).toBeInTheDocument();
  });

  it('hides the business tab when neither invoices nor quotes are on', async () => {
    server({ ...ALL_ON, invoices: false, contracts: false });
    renderWithProviders(<SettingsPage />, { route: '/settings' });
    expect(await screen.findByRole('tab', { name: 'משתמשים והרשאות' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(screen.queryByRole('tab', { name: 'פרטי העסק' })).toBeNull();
  });
});

describe('vatBasisPoints', () => {
  it('reads a percent as basis points', () => {
    expect(vatBasisPoints('18')).toBe(1800);
    expect(vatBasisPoints('17,5')).toBe(1750);
    expect(vatBasisPoints('')).toBeNull();
    expect(vatBasisPoints('101')).toBeNull();
    expect(vatBasisPoints('abc')).toBeNull();
  });
});
