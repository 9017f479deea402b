import { useSyncExternalStore } from 'react';
import { socket, type SocketStatus } from '../lib/socket';

export function useSocketStatus(): SocketStatus {
  return useSyncExternalStore(
    (notify) => socket.onStatus(notify),
    () => socket.status,
    () => 'idle',
  );
}
