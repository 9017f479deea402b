/*
 * AgentLocator service worker: shows task alerts sent by Web Push (notification-service
 * PushDelivery) with Call / WhatsApp / Snooze actions, when no tab of the app is open.
 *
 * Payload: {type:"task:due", notificationId, taskId, title, body, customerId, customerName,
 * customerPhone, dueAt, actions:[{action:"call"|"whatsapp"|"snooze", title, url, minutes?}]}
 * or, for the other notifications (ADR 0028): {type, notificationId, title, body, url, customerId}
 */
const TOKEN_CACHE = 'agentlocator-session';
const TOKEN_KEY = '/__session/access-token';

self.addEventListener('install', () => {
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

// The app posts its current access token so that "Snooze" works without opening a tab.
self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type !== 'session') return;
  event.waitUntil(
    caches
      .open(TOKEN_CACHE)
      .then((cache) =>
        data.accessToken
          ? cache.put(TOKEN_KEY, new Response(data.accessToken))
          : cache.delete(TOKEN_KEY),
      ),
  );
});

async function storedToken() {
  const cache = await caches.open(TOKEN_CACHE);
  const response = await cache.match(TOKEN_KEY);
  return response ? response.text() : null;
}

/**
 * The action buttons the browser can show: desktop Chromium shows two (Notification.maxActions),
 * so Snooze, which only a button can do, keeps its place and Call / WhatsApp fill the rest (a
 * click on the notification itself opens the app's alert, which has them all).
 */
function buttons(actions) {
  const max = (self.Notification && self.Notification.maxActions) || actions.length;
  if (actions.length <= max) return actions;
  const snooze = actions.filter((a) => a.action === 'snooze').slice(0, 1);
  const others = actions.filter((a) => a.action !== 'snooze');
  const kept = new Set([...others.slice(0, Math.max(max - snooze.length, 0)), ...snooze]);
  return actions.filter((a) => kept.has(a));
}

self.addEventListener('push', (event) => {
  let alert;
  try {
    alert = event.data ? event.data.json() : {};
  } catch {
    alert = { title: event.data ? event.data.text() : '' };
  }
  const actions = Array.isArray(alert.actions) ? alert.actions : [];
  event.waitUntil(
    self.registration.showNotification(alert.title || 'הגיע מועד המשימה', {
      body: alert.body || alert.customerName || '',
      tag: alert.taskId
        ? `task-${alert.taskId}`
        : alert.notificationId
          ? `n-${alert.notificationId}`
          : undefined,
      renotify: Boolean(alert.taskId),
      // a due task waits for the agent; the other notifications (ADR 0028) may fade
      requireInteraction: alert.type === undefined || alert.type === 'task:due',
      dir: 'rtl',
      lang: 'he',
      icon: '/favicon.svg',
      data: alert,
      actions: buttons(actions).map((a) => ({ action: a.action, title: a.title })),
    }),
  );
});

async function openOrFocus(url, alert) {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const existing = windows.find((w) => new URL(w.url).origin === self.location.origin);
  if (existing) {
    await existing.focus();
    // any other notification opens its link in the tab already open
    if (alert && !alert.taskId && alert.url && 'navigate' in existing) {
      await existing.navigate(url);
      return;
    }
    // The open tab shows the full-screen alert itself; no reload needed.
    if (alert && alert.taskId) existing.postMessage({ type: 'task:due', alert });
    return;
  }
  await self.clients.openWindow(url || '/');
}

async function snooze(alert, action) {
  const minutes = action.minutes || 5;
  const token = await storedToken();
  if (token) {
    try {
      const response = await fetch(action.url || `/api/tasks/${alert.taskId}/snooze`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ minutes }),
      });
      if (response.ok) {
        await self.registration.showNotification('המשימה נדחתה', {
          body: `${alert.title || ''} · בעוד ${minutes} דקות`,
          tag: `task-${alert.taskId}`,
          dir: 'rtl',
          lang: 'he',
          icon: '/favicon.svg',
        });
        return;
      }
    } catch {
      // fall through: let the app do it once signed in
    }
  }
  await self.clients.openWindow(
    `/?snoozeTask=${encodeURIComponent(alert.taskId)}&minutes=${minutes}`,
  );
}

/**
 * What a click on a notification (or on one of its action buttons) does. A named function so
 * that the browser tests can run it: no DevTools protocol command clicks a notification.
 */
function handleNotificationClick(notification, actionId) {
  const alert = notification.data || {};
  const actions = Array.isArray(alert.actions) ? alert.actions : [];
  const action = actions.find((a) => a.action === actionId);
  notification.close();
  if (action && action.action === 'snooze') return snooze(alert, action);
  if (action && (action.action === 'call' || action.action === 'whatsapp')) {
    return self.clients.openWindow(action.url);
  }
  return openOrFocus(
    alert.url || (alert.customerId ? `/customers/${alert.customerId}` : '/'),
    alert,
  );
}

self.addEventListener('notificationclick', (event) => {
  event.waitUntil(handleNotificationClick(event.notification, event.action));
});
