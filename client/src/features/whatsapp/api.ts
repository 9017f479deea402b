import { api, query, type Page } from '../../lib/api';

export interface WhatsAppMessage {
  id: string;
  customerId: string | null;
  messageSid: string | null;
  direction: 'inbound' | 'outbound';
  peerPhone: string;
  text: string | null;
  mediaCount: number;
  status: string;
  errorCode: string | null;
  /** Stored but never sent: the suite has no Twilio WhatsApp sender. */
  sandbox: boolean;
  createdAt: string;
}

const THREAD_PAGE = 30;

export const whatsappKeys = {
  thread: (customerId: string) => ['whatsapp', 'thread', customerId] as const,
};

/** Newest first, paged. */
export function getThread(customerId: string, page: number, signal?: AbortSignal) {
  return api<Page<WhatsAppMessage>>(
    `/api/customers/${encodeURIComponent(customerId)}/whatsapp/messages${query({ page, limit: THREAD_PAGE })}`,
    signal ? { signal } : {},
  );
}

export function sendWhatsApp(customerId: string, text: string) {
  return api<WhatsAppMessage>(`/api/customers/${encodeURIComponent(customerId)}/whatsapp/start`, {
    method: 'POST',
    json: { text },
  });
}

/** Delivery statuses (SPEC C4), with a tick a WhatsApp user recognises. */
export const MESSAGE_STATUS: Record<string, { label: string; icon: string }> = {
  pending: { label: 'בשליחה', icon: '🕓' },
  accepted: { label: 'בתור לשליחה', icon: '🕓' },
  scheduled: { label: 'מתוזמנת', icon: '🕓' },
  queued: { label: 'בתור לשליחה', icon: '🕓' },
  sending: { label: 'נשלחת', icon: '🕓' },
  sent: { label: 'נשלחה', icon: '✓' },
  delivered: { label: 'נמסרה', icon: '✓✓' },
  read: { label: 'נקראה', icon: '✓✓' },
  failed: { label: 'השליחה נכשלה', icon: '⚠' },
  undelivered: { label: 'לא נמסרה', icon: '⚠' },
  canceled: { label: 'בוטלה', icon: '✕' },
  received: { label: 'התקבלה', icon: '' },
  sandbox: { label: 'נשמרה בסביבת ניסוי, לא נשלחה', icon: '🧪' },
};
