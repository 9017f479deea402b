import { api } from './api';
import { getSession, sessionFromTokens, setSession, type TokenResponse } from './session';

export async function login(email: string, password: string): Promise<void> {
  const tokens = await api<TokenResponse>('/api/auth/login', {
    method: 'POST',
    json: { email, password },
    auth: false,
  });
  setSession(sessionFromTokens(tokens));
}

/** Revokes the refresh token on the server (best effort) and forgets the session here. */
export async function logout(): Promise<void> {
  const session = getSession();
  try {
    if (session) {
      await api('/api/auth/logout', {
        method: 'POST',
        json: { refreshToken: session.refreshToken },
      });
    }
  } catch {
    // signed out locally either way
  } finally {
    setSession(null);
  }
}
