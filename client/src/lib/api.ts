import { downloadFile } from './csv';
import {
  getSession,
  reloadSession,
  sessionFromTokens,
  setSession,
  type Session,
  type TokenResponse,
} from './session';

/** An answer of the API that was not 2xx, with the server's Hebrew message when it sent one. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Field errors of a 400, `{fields: {name: "…"}}`, when the server sent them. */
  get fieldErrors(): Record<string, string> {
    const fields = this.details.fields;
    if (typeof fields !== 'object' || fields === null) return {};
    return Object.fromEntries(
      Object.entries(fields as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
    );
  }
}

const FALLBACK_MESSAGES: Record<number, string> = {
  400: 'הבקשה אינה תקינה',
  401: 'יש להתחבר מחדש',
  403: 'אין לך הרשאה לפעולה הזו',
  404: 'הפריט לא נמצא',
  409: 'הפעולה מתנגשת בנתונים קיימים',
  413: 'הקובץ גדול מדי',
  429: 'יותר מדי בקשות, נסו שוב בעוד רגע',
  503: 'השירות אינו זמין כרגע, נסו שוב בעוד רגע',
};

/**
 * Answers about the request itself rather than what the person typed: the server's message
 * names a query parameter ("ערך לא תקין בפרמטר id"), which means nothing on screen. They come
 * from an address changed by hand or copied in part.
 */
const REQUEST_MESSAGES: Record<string, string> = {
  invalid_parameter: 'הקישור אינו תקין, אולי הועתק רק בחלקו. חזרו לרשימה ופתחו משם.',
  invalid_filter: 'אחד מערכי הסינון אינו תקין. נקו את הסינון ונסו שוב.',
  invalid_date: 'אחד התאריכים אינו תקין. בחרו תאריך מחדש.',
};

function fallbackMessage(status: number): string {
  return FALLBACK_MESSAGES[status] ?? 'אירעה שגיאה, נסו שוב';
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // not JSON: keep the fallback message
  }
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const code = typeof b.error === 'string' ? b.error : `http_${response.status}`;
  const message =
    REQUEST_MESSAGES[code] ??
    (typeof b.message === 'string' && b.message ? b.message : fallbackMessage(response.status));
  const details: Record<string, unknown> =
    typeof b.details === 'object' && b.details !== null
      ? (b.details as Record<string, unknown>)
      : {};
  if (typeof b.feature === 'string') details.feature = b.feature;
  return new ApiError(response.status, code, message, details);
}

/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_MS = 30_000;
let refreshing: Promise<Session | null> | null = null;

async function exchange(refreshToken: string): Promise<Session | null> {
  const response = await fetch('/api/auth/refresh', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ refreshToken }),
  });
  if (!response.ok) return null;
  return sessionFromTokens((await response.json()) as TokenResponse);
}

/**
 * Trades the refresh token for a new pair, once at a time across every tab: the server rotates
 * refresh tokens and revokes the whole family when a rotated one is used again, so two tabs
 * refreshing with the same token would sign the user out. Inside the lock the stored session is
 * read again; if another tab already rotated, its fresh tokens are used.
 */
function refreshSession(): Promise<Session | null> {
  if (refreshing) return refreshing;
  const stale = getSession();
  if (!stale) return Promise.resolve(null);
  const run = async (): Promise<Session | null> => {
    const current = reloadSession();
    if (!current) return null;
    if (
      current.refreshToken !== stale.refreshToken &&
      current.expiresAt - Date.now() > REFRESH_MARGIN_MS
    ) {
      return current;
    }
    const next = await exchange(current.refreshToken);
    setSession(next);
    return next;
  };
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  refreshing = (locks ? locks.request('agentlocator-refresh', run) : run()).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** A usable access token, refreshed first when it is about to expire; null when signed out. */
export async function getAccessToken(): Promise<string | null> {
  const session = getSession();
  if (!session) return null;
  if (session.expiresAt - Date.now() > REFRESH_MARGIN_MS) return session.accessToken;
  const next = await refreshSession();
  return next?.accessToken ?? null;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** false for the public routes (login, refresh). */
  auth?: boolean;
}

/** A fetch to the API that adds the token, refreshes it once on a 401 and throws ApiError. */
export async function request(path: string, options: RequestOptions = {}): Promise<Response> {
  const { method = 'GET', json, body, headers = {}, signal, auth = true } = options;
  const send = async (token: string | null): Promise<Response> => {
    const h: Record<string, string> = { Accept: 'application/json', ...headers };
    if (json !== undefined) h['Content-Type'] = 'application/json';
    if (token) h.Authorization = `Bearer ${token}`;
    const init: RequestInit = { method, headers: h };
    if (json !== undefined) init.body = JSON.stringify(json);
    else if (body !== undefined) init.body = body;
    if (signal) init.signal = signal;
    return fetch(path, init);
  };
  let response = await send(auth ? await getAccessToken() : null);
  if (response.status === 401 && auth && getSession()) {
    const next = await refreshSession();
    if (next) response = await send(next.accessToken);
    else setSession(null);
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await request(path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

/** `?a=1&b=x` from the defined, non-empty values. */
export function query(params: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

/** The server's CSV of every row matching the filters (not only the page on screen). */
export async function downloadExport(path: string, params: QueryParams, filename: string) {
  const response = await request(`${path}${query(params)}`, { headers: { Accept: 'text/csv' } });
  downloadFile(filename, await response.blob(), 'text/csv;charset=utf-8');
}

/** The list shape of the whole API. */
export interface Page<T> {
  items: T[];
  page: number;
  limit: number;
  total: number;
  pages: number;
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'אין חיבור לשרת, בדקו את החיבור ונסו שוב';
}
