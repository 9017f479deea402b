import { api } from '../../lib/api';

/** One alert of the notification centre (notification-service's inbox). */
interface Notification {
  id: string;
  type: string;
  title: string;
  message: string | null;
  /** The second line (who, what); null on older alerts. */
  body: string | null;
  /** Where it leads in the app; null on alerts stored before links existed. */
  link: string | null;
  priority: 'low' | 'normal' | 'high' | null;
  taskId: string | null;
  customerId: string | null;
  customerName: string | null;
  createdAt: string;
  read: boolean;
}

export interface Inbox {
  items: Notification[];
  unreadCount: number;
}

export const notificationKeys = {
  inbox: ['notifications'] as const,
  preferences: ['notifications', 'preferences'] as const,
};

export function getInbox() {
  return api<Inbox>('/api/notifications?limit=20');
}

export function markRead(id: string) {
  return api(`/api/notifications/${id}/read`, { method: 'POST' });
}

export function markAllRead() {
  return api('/api/notifications/read-all', { method: 'POST' });
}

export interface KindPreference {
  kind: string;
  label: string;
  bell: boolean;
  push: boolean;
}

/** Israeli wall-clock hours, "HH:mm"; `from` after `to` spans midnight. */
export interface QuietHours {
  from: string;
  to: string;
}

export interface NotificationPreferences {
  kinds: KindPreference[];
  quietHours: QuietHours | null;
}

export function getPreferences() {
  return api<NotificationPreferences>('/api/notifications/preferences');
}

export function savePreferences(preferences: NotificationPreferences) {
  return api<NotificationPreferences>('/api/notifications/preferences', {
    method: 'PUT',
    json: {
      kinds: preferences.kinds.map(({ kind, bell, push }) => ({ kind, bell, push })),
      quietHours: preferences.quietHours,
    },
  });
}
