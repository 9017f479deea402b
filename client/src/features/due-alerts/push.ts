import { api } from '../../lib/api';

/**
 * Web Push: the service worker (sw.js) shows task alerts when no tab is open. Permission
 * is asked only from a click (the shell's banner), never on page load; once granted, every
 * sign-in makes sure this browser's subscription is stored for the signed-in user.
 */
export function pushSupported(): boolean {
  return (
    typeof window !== 'undefined' &&
    'serviceWorker' in navigator &&
    'PushManager' in window &&
    'Notification' in window
  );
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const padded = base64url
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  const raw = atob(padded);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

function sameKey(current: ArrayBuffer | null, expected: Uint8Array): boolean {
  if (!current) return false;
  const bytes = new Uint8Array(current);
  return bytes.length === expected.length && bytes.every((b, i) => b === expected[i]);
}

/** Subscribes this browser with the server's VAPID key and stores it; false when it could not. */
export async function subscribeToPush(): Promise<boolean> {
  if (!pushSupported() || Notification.permission !== 'granted') return false;
  try {
    const registration = await navigator.serviceWorker.ready;
    const { publicKey } = await api<{ publicKey: string }>('/api/notifications/vapid-public-key');
    const key = keyBytes(publicKey);
    let subscription = await registration.pushManager.getSubscription();
    // A subscription made with another server key (the keys were rotated) can never be used.
    if (subscription && !sameKey(subscription.options.applicationServerKey, key)) {
      await subscription.unsubscribe();
      subscription = null;
    }
    subscription ??= await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: key,
    });
    await api('/api/notifications/subscribe', { method: 'POST', json: subscription.toJSON() });
    return true;
  } catch {
    return false;
  }
}

export async function unsubscribeFromPush(): Promise<void> {
  if (!pushSupported()) return;
  try {
    const registration = await navigator.serviceWorker.ready;
    const subscription = await registration.pushManager.getSubscription();
    if (!subscription) return;
    await api('/api/notifications/subscribe', {
      method: 'DELETE',
      json: { endpoint: subscription.endpoint },
    });
    await subscription.unsubscribe();
  } catch {
    // the server drops expired subscriptions on its own
  }
}

export async function askPushPermission(): Promise<boolean> {
  if (!pushSupported()) return false;
  const permission = await Notification.requestPermission();
  return permission === 'granted' && subscribeToPush();
}
