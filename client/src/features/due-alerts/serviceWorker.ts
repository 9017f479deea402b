import { getSession, subscribeSession } from '../../lib/session';
import { parseTaskDue, type TaskDueMessage } from './socket';

/** The page's side of the conversation with the service worker (sw.js, next to this file). */
export async function registerServiceWorker(): Promise<ServiceWorkerRegistration | null> {
  if (!('serviceWorker' in navigator)) return null;
  try {
    return await navigator.serviceWorker.register('/sw.js');
  } catch {
    return null;
  }
}

/** The service worker needs the current token to snooze from a notification. */
export function shareTokenWithServiceWorker(): () => void {
  if (!('serviceWorker' in navigator)) return () => undefined;
  const post = () => {
    void navigator.serviceWorker.ready.then((registration) => {
      const session = getSession();
      registration.active?.postMessage({
        type: 'session',
        accessToken: session?.accessToken ?? null,
      });
    });
  };
  post();
  return subscribeSession(post);
}

/** A click on a notification while a tab is open: the worker hands the alert to that tab. */
export function onAlertFromServiceWorker(listener: (alert: TaskDueMessage) => void): () => void {
  if (!('serviceWorker' in navigator)) return () => undefined;
  const onMessage = (event: MessageEvent<unknown>) => {
    const data = event.data as { type?: string; alert?: unknown } | null;
    if (data?.type === 'task:due' && data.alert) {
      const alert = parseTaskDue(JSON.stringify(data.alert));
      if (alert) listener(alert);
    }
  };
  navigator.serviceWorker.addEventListener('message', onMessage);
  return () => navigator.serviceWorker.removeEventListener('message', onMessage);
}
