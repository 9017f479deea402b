import { api } from '../../lib/api';
import { sessionFromTokens, setSession, type TokenResponse } from '../../lib/session';

/** Self-service accounts (ADR 0031): the public endpoints behind the mailed links. */
/** Query keys of the signed-in user's own account. */
export const accountKeys = {
  sessions: ['account', 'sessions'] as const,
};

export async function signup(form: {
  businessName: string;
  name: string;
  email: string;
  password: string;
}): Promise<void> {
  await api<TokenResponse>('/api/auth/signup', { method: 'POST', json: form, auth: false });
}

export async function verifyEmail(token: string): Promise<void> {
  await api('/api/auth/verify-email', { method: 'POST', json: { token }, auth: false });
}

export async function resendVerification(email: string): Promise<void> {
  await api('/api/auth/verify-email/resend', { method: 'POST', json: { email }, auth: false });
}

export async function forgotPassword(email: string): Promise<void> {
  await api('/api/auth/password/forgot', { method: 'POST', json: { email }, auth: false });
}

export async function resetPassword(token: string, password: string): Promise<void> {
  await api('/api/auth/password/reset', {
    method: 'POST',
    json: { token, password },
    auth: false,
  });
}

export async function confirmEmail(token: string): Promise<void> {
  await api('/api/auth/email/confirm', { method: 'POST', json: { token }, auth: false });
}

/** The invitee's own password; they are signed in at once. */
export async function acceptInvitation(token: string, password: string): Promise<void> {
  const tokens = await api<TokenResponse>('/api/auth/invitations/accept', {
    method: 'POST',
    json: { token, password },
    auth: false,
  });
  setSession(sessionFromTokens(tokens));
}
