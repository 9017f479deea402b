import { useSyncExternalStore } from 'react';
import { getSession, subscribeSession, type Session } from '../lib/session';

export function useSession(): Session | null {
  return useSyncExternalStore(subscribeSession, getSession, () => null);
}

/** Everyone but a viewer may create and change things (the server refuses a viewer anyway). */
export function useCanWrite(): boolean {
  return useSession()?.user.role !== 'viewer';
}
