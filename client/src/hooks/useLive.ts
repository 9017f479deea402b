import { useEffect, useRef, useSyncExternalStore } from 'react';
import { live, type LiveMessage } from '../lib/live';

/** Whether live messages arrive now (the socket is connected). */
export function useLiveConnected(): boolean {
  return useSyncExternalStore(
    (notify) => live.onConnected(notify),
    () => live.connected,
    () => false,
  );
}

/**
 * Calls `onMessage` for each live message, and `onReconnect` each time the socket comes back
 * (messages sent while it was down are lost: refetch then).
 */
export function useLiveMessages(
  onMessage: (message: LiveMessage) => void,
  onReconnect?: () => void,
): void {
  const handlers = useRef({ onMessage, onReconnect });
  useEffect(() => {
    handlers.current = { onMessage, onReconnect };
  });
  useEffect(() => {
    const off = live.on((m) => handlers.current.onMessage(m));
    const offConnected = live.onConnected((connected) => {
      if (connected) handlers.current.onReconnect?.();
    });
    return () => {
      off();
      offConnected();
    };
  }, []);
}

/**
 * A screen's refetch on a "changed" hint about its customer (or any, when `customerId` is null):
 * once at once, and once more a moment later, because the hint and the projection it announces
 * (the timeline's, say) are written by different services and the hint may arrive first.
 */
export function useLiveHint(
  type: LiveMessage['type'],
  customerId: string | null,
  refetch: () => void,
  settleMs = 1500,
): void {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  useLiveMessages((message) => {
    if (message.type !== type) return;
    if (
      customerId !== null &&
      'customerId' in message &&
      message.customerId !== null &&
      message.customerId !== customerId
    ) {
      return;
    }
    refetch();
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(refetch, settleMs);
  }, refetch);
}

/** The polling interval to use: none while live messages arrive, `fallbackMs` while they cannot. */
export function useFallbackInterval(fallbackMs: number): number | false {
  return useLiveConnected() ? false : fallbackMs;
}
