import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { json, mockFetch, renderWithProviders, signIn } from '../../../test/render';
import type { NotificationPreferences } from './api';
import { NotificationPreferencesPage } from './NotificationPreferencesPage';

const saved: NotificationPreferences = {
  kinds: [
    { kind: 'lead:new', label: 'ליד חדש', bell: true, push: true },
    { kind: 'invoice:paid', label: 'חשבונית שולמה', bell: true, push: false },
  ],
  quietHours: null,
};

describe('NotificationPreferencesPage', () => {
  beforeEach(() => signIn('agent'));

  it('saves the kinds and the quiet hours; no bell means no push', async () => {
    const user = userEvent.setup();
    const calls = mockFetch(({ method, body }) => (method === 'PUT' ? json(body) : json(saved)));
    renderWithProviders(<NotificationPreferencesPage />);

    const bell = await screen.findByRole('checkbox', { name: 'ליד חדש: בפעמון' });
    const push = screen.getByRole('checkbox', { name: 'ליד חדש: התראת דחיפה' });
    expect(push).toBeChecked();
    await user.click(bell);
    expect(push).not.toBeChecked();
    expect(push).toBeDisabled();

    await user.click(screen.getByRole('checkbox', { name: /בלי התראות דחיפה בשעות השקט/ }));
    expect(screen.getByLabelText('מהשעה')).toHaveValue('22:00');
    expect(screen.getByLabelText('עד השעה')).toHaveValue('07:00');
    await user.click(screen.getByRole('button', { name: 'שמירה' }));

    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.body).toEqual({
      kinds: [
        { kind: 'lead:new', bell: false, push: false },
        { kind: 'invoice:paid', bell: true, push: false },
      ],
      quietHours: { from: '22:00', to: '07:00' },
    });
    expect(await screen.findByText('ההעדפות נשמרו')).toBeInTheDocument();
  });

  it('will not save quiet hours that start and end together', async () => {
    const user = userEvent.setup();
    mockFetch(() => json({ ...saved, quietHours: { from: '22:00', to: '07:00' } }));
    renderWithProviders(<NotificationPreferencesPage />);
    const to = await screen.findByLabelText('עד השעה');
    await user.clear(to);
    await user.type(to, '22:00');
    expect(await screen.findByText('שעת הסיום חייבת להיות שונה משעת ההתחלה')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'שמירה' })).toBeDisabled();
  });
});
