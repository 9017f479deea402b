import { beforeEach, describe, expect, it } from 'vitest';
import { json, mockFetch, signIn } from '../../test/render';
import { api, ApiError, getAccessToken, query } from './api';
import { getSession, setSession } from './session';

const tokens = (n: number) => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  expiresIn: 900,
  user: { id: 'u1', name: 'דנה', email: 'd@example.com', role: 'owner', tenantId: 't1' },
});

describe('api', () => {
  beforeEach(() => signIn());

  it('sends the bearer token and parses JSON', async () => {
    const calls = mockFetch(() => json({ ok: true }));
    await expect(api('/api/x')).resolves.toEqual({ ok: true });
    expect(calls[0]?.headers.Authorization).toBe('Bearer access-1');
  });

  it('refreshes once on a 401 and retries with the new token', async () => {
    const calls = mockFetch(({ url, headers }) => {
      if (url === '/api/auth/refresh') return json(tokens(2));
      return headers.Authorization === 'Bearer access-2'
        ? json({ ok: true })
        : json({ error: 'unauthorized' }, 401);
    });
    await expect(api('/api/x')).resolves.toEqual({ ok: true });
    expect(calls.map((c) => c.url)).toEqual(['/api/x', '/api/auth/refresh', '/api/x']);
    expect(calls[1]?.body).toEqual({ refreshToken: 'refresh-1' });
    expect(getSession()?.refreshToken).toBe('refresh-2');
  });

  it('signs out when the refresh token is refused', async () => {
    mockFetch(({ url }) =>
      url === '/api/auth/refresh'
        ? json({ error: 'invalid_refresh' }, 401)
        : json({ error: 'unauthorized' }, 401),
    );
    await expect(api('/api/x')).rejects.toBeInstanceOf(ApiError);
    expect(getSession()).toBeNull();
  });

  it('refreshes before a request when the token is about to expire, once for concurrent callers', async () => {
    const session = getSession();
    if (session) setSession({ ...session, expiresAt: Date.now() + 1000 });
    const calls = mockFetch(() => json(tokens(3)));
    const [a, b] = await Promise.all([getAccessToken(), getAccessToken()]);
    expect(a).toBe('access-3');
    expect(b).toBe('access-3');
    expect(calls.filter((c) => c.url === '/api/auth/refresh')).toHaveLength(1);
  });

  it('says in plain words what a malformed address or filter means, keeping the code', async () => {
    mockFetch(() =>
      json({ error: 'invalid_parameter', message: 'ערך לא תקין בפרמטר id', details: {} }, 400),
    );
    const error = await api('/api/crm/customers/not-an-id').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('invalid_parameter');
    expect((error as ApiError).message).toBe(
      'הקישור אינו תקין, אולי הועתק רק בחלקו. חזרו לרשימה ופתחו משם.',
    );
    expect((error as ApiError).message).not.toMatch(/פרמטר|id/);
  });

  it("turns an error body into ApiError with the server's Hebrew message and field details", async () => {
    mockFetch(() =>
      json(
        {
          error: 'validation_failed',
          message: 'יש לתקן את השדות',
          details: { fields: { phone: 'מספר לא תקין' } },
        },
        400,
      ),
    );
    const error = await api('/api/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe('יש לתקן את השדות');
    expect((error as ApiError).code).toBe('validation_failed');
    expect((error as ApiError).fieldErrors).toEqual({ phone: 'מספר לא תקין' });
  });

  it('falls back to a Hebrew message when the body is not JSON', async () => {
    mockFetch(() => new Response('bad gateway', { status: 503 }));
    await expect(api('/api/x')).rejects.toThrow('השירות אינו זמין כרגע, נסו שוב בעוד רגע');
  });

  it('builds query strings from the values that are set', () => {
    expect(query({ page: 1, q: 'דנה', status: '', owner: undefined })).toBe(
      `?page=1&q=${encodeURIComponent('דנה')}`,
    );
    expect(query({})).toBe('');
  });
});
