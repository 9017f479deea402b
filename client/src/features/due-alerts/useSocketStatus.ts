import { useSyncExternalStore } from 'react';
import { socket, type SocketStatus } from './socket';

export function useSocketStatus(): SocketStatus {
  return useSyncExternalStore(
    (notify) => socket.onStatus(notify),
    () => socket.status,
    () => 'idle',
  );
}
