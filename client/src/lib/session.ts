/**
 * The signed-in session: tokens and user, kept in localStorage so that a reload or a second tab
 * stays signed in. Every tab sees the same session; a change in one tab reaches the others
 * through the storage event.
 */
export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: 'owner' | 'agent' | 'viewer' | 'admin';
  tenantId: string;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds at which the access token expires. */
  expiresAt: number;
  user: SessionUser;
}

/** What login, signup and refresh answer. */
export interface TokenResponse {
  accessToken: string;
  refreshToken: string;
  /** Seconds. */
  expiresIn: number;
  user: SessionUser;
}

const KEY = 'agentlocator.session';
type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();
let cached: Session | null | undefined;

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return (
    typeof s.accessToken === 'string' &&
    typeof s.refreshToken === 'string' &&
    typeof s.expiresAt === 'number' &&
    typeof s.user === 'object' &&
    s.user !== null
  );
}

function read(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return isSession(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function getSession(): Session | null {
  cached ??= read();
  return cached;
}

/** Reads the stored session again, bypassing this tab's copy (another tab may have refreshed). */
export function reloadSession(): Session | null {
  cached = read();
  return cached;
}

export function sessionFromTokens(tokens: TokenResponse, now = Date.now()): Session {
  return {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: now + tokens.expiresIn * 1000,
    user: tokens.user,
  };
}

export function setSession(session: Session | null): void {
  cached = session;
  if (session) localStorage.setItem(KEY, JSON.stringify(session));
  else localStorage.removeItem(KEY);
  listeners.forEach((l) => l(session));
}

export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== KEY && event.key !== null) return;
    const session = reloadSession();
    listeners.forEach((l) => l(session));
  });
}
