import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderWithProviders } from '../../../test/render';
import { ResetPasswordPage, SignupPage, VerifyEmailPage } from './AccountPages';
import { LoginPage } from './LoginPage';

describe('account pages', () => {
  it('signs up and then asks to open the verification mail', async () => {
    const user = userEvent.setup();
    const calls = mockFetch(() => json({ accessToken: 'a', refreshToken: 'r', user: {} }, 201));
    renderWithProviders(<SignupPage />);
    await user.type(screen.getByLabelText('שם העסק'), 'סוכנות הגליל');
    await user.type(screen.getByLabelText('השם שלך'), 'מיכל');
    await user.type(screen.getByLabelText('אימייל'), 'michal@example.test');
    await user.type(screen.getByLabelText('סיסמה'), 'Galil-office-2026');
    await user.click(screen.getByRole('button', { name: 'הרשמה' }));

    expect(await screen.findByRole('heading', { name: 'כמעט סיימנו' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('michal@example.test');
    expect(calls[0]?.url).toBe('/api/auth/signup');
    expect(calls[0]?.body).toEqual({
      businessName: 'סוכנות הגליל',
      name: 'מיכל',
      email: 'michal@example.test',
      password: 'Galil-office-2026',
    });
  });

  it('shows the field message of a refused password under the field', async () => {
    const user = userEvent.setup();
    mockFetch(() =>
      json(
        {
          error: 'validation_failed',
          message: 'הבקשה אינה תקינה',
          details: { fields: { password: 'הסיסמה חייבת להכיל 8 עד 128 תווים' } },
        },
        400,
      ),
    );
    renderWithProviders(<SignupPage />);
    await user.type(screen.getByLabelText('שם העסק'), 'עסק');
    await user.type(screen.getByLabelText('השם שלך'), 'מיכל');
    await user.type(screen.getByLabelText('אימייל'), 'michal@example.test');
    await user.type(screen.getByLabelText('סיסמה'), 'short');
    await user.click(screen.getByRole('button', { name: 'הרשמה' }));
    expect(await screen.findByText('הסיסמה חייבת להכיל 8 עד 128 תווים')).toBeInTheDocument();
  });

  it('verifies the address from the link once', async () => {
    const calls = mockFetch(() => new Response(null, { status: 204 }));
    renderWithProviders(
      <Routes>
        <Route path="/verify-email" element={<VerifyEmailPage />} />
      </Routes>,
      { route: '/verify-email?token=abc' },
    );
    expect(await screen.findByText(/כתובת האימייל אושרה/)).toBeInTheDocument();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.body).toEqual({ token: 'abc' });
  });

  it('shows the server message of an expired reset link in Hebrew', async () => {
    const user = userEvent.setup();
    mockFetch(() =>
      json({ error: 'link_expired', message: 'תוקף הקישור פג. בקשו קישור חדש.' }, 410),
    );
    renderWithProviders(
      <Routes>
        <Route path="/reset-password" element={<ResetPasswordPage />} />
      </Routes>,
      { route: '/reset-password?token=old' },
    );
    await user.type(screen.getByLabelText('סיסמה חדשה'), 'A-brand-new-secret-9');
    await user.type(screen.getByLabelText('הסיסמה שוב'), 'A-brand-new-secret-9');
    await user.click(screen.getByRole('button', { name: 'שמירת הסיסמה' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('תוקף הקישור פג. בקשו קישור חדש.');
  });

  it('offers a new verification mail when the login is refused for an unverified address', async () => {
    const user = userEvent.setup();
    const calls = mockFetch(({ url }) =>
      url === '/api/auth/login'
        ? json(
            { error: 'email_not_verified', message: 'יש לאשר את כתובת האימייל לפני ההתחברות.' },
            403,
          )
        : new Response(null, { status: 202 }),
    );
    renderWithProviders(<LoginPage />, { route: '/login' });
    await user.type(screen.getByLabelText('אימייל'), 'michal@example.test');
    await user.type(screen.getByLabelText('סיסמה'), 'Galil-office-2026');
    await user.click(screen.getByRole('button', { name: 'כניסה' }));
    await user.click(await screen.findByRole('button', { name: 'שליחת מכתב האישור שוב' }));

    expect(await screen.findByText('שלחנו מכתב חדש. בדקו את תיבת הדואר.')).toBeInTheDocument();
    expect(calls[1]?.url).toBe('/api/auth/verify-email/resend');
    expect(calls[1]?.body).toEqual({ email: 'michal@example.test' });
  });
});
