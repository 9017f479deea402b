import { api } from '../../lib/api';

/** One alert of the notification centre (notification-service's inbox). */
interface Notification {
  id: string;
  type: string;
  title: string;
  message: string | null;
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
