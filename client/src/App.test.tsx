import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { json, mockFetch, renderWithProviders } from '../test/render';
import { App } from './App';
import { getSession } from './lib/session';

vi.mock('./features/due-alerts/socket', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./features/due-alerts/socket')>();
  return {
    ...actual,
    socket: new actual.RealtimeSocket({
      createClient: () =>
        ({ activate: () => undefined, deactivate: () => Promise.resolve() }) as never,
    }),
  };
});

describe('App', () => {
  it('sends a signed-out visitor to the login page, and signs in with the server answer', async () => {
    const user = userEvent.setup();
    const calls = mockFetch(({ url }) => {
      if (url === '/api/auth/login') {
        return json({
          accessToken: 'a',
          refreshToken: 'r',
          expiresIn: 900,
          user: {
            id: 'u1',
            name: 'דנה הדגמה',
            email: 'demo@agentlocator.dev',
            role: 'owner',
            tenantId: 't1',
          },
        });
      }
      if (url === '/api/tenant/features') return json({ crm: true, tasks: true });
      if (url.startsWith('/api/crm/customers'))
        return json({ items: [], page: 1, limit: 25, total: 0, pages: 0 });
      if (url === '/api/notifications?limit=20') return json({ items: [], unreadCount: 0 });
      return json({ items: [] });
    });
    renderWithProviders(<App />, { route: '/customers' });
    expect(await screen.findByRole('heading', { name: 'כניסה לחשבון' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('אימייל'), 'demo@agentlocator.dev');
    await user.type(screen.getByLabelText('סיסמה'), 'demo1234!');
    await user.click(screen.getByRole('button', { name: 'כניסה' }));
    // The shell and the page are chunks of their own, loaded on first use (and transformed on
    // demand in the test run), so they may take longer than a query's default second.
    expect(
      await screen.findByRole('heading', { name: 'לקוחות' }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(getSession()?.user.name).toBe('דנה הדגמה');
    expect(calls[0]?.body).toEqual({ email: 'demo@agentlocator.dev', password: 'demo1234!' });
    expect(await screen.findByText('עדיין אין לקוחות')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('link', { name: /משימות/ })).toBeInTheDocument());
    expect(screen.queryByRole('link', { name: /חשבוניות/ })).not.toBeInTheDocument();
  });

  it('shows the server message when the password is wrong', async () => {
    const user = userEvent.setup();
    mockFetch(() =>
      json({ error: 'invalid_credentials', message: 'האימייל או הסיסמה שגויים' }, 401),
    );
    renderWithProviders(<App />, { route: '/login' });
    await user.type(screen.getByLabelText('אימייל'), 'x@example.com');
    await user.type(screen.getByLabelText('סיסמה'), 'wrong-password');
    await user.click(screen.getByRole('button', { name: 'כניסה' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('האימייל או הסיסמה שגויים');
    expect(getSession()).toBeNull();
  });
});
