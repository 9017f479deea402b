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
  /** Twilio's error as a Hebrew sentence the agent can act on. */
  errorMessage?: string | null;
  /** The approved template (Twilio Content) an outbound message was sent as. */
  contentSid?: string | null;
  /** Stored but never sent: the suite has no Twilio WhatsApp sender. */
  sandbox: boolean;
  createdAt: string;
}

const THREAD_PAGE = 30;

export const whatsappKeys = {
  thread: (customerId: string) => ['whatsapp', 'thread', customerId] as const,
  conversation: (customerId: string) => ['whatsapp', 'conversation', customerId] as const,
  purposes: ['whatsapp', 'purposes'] as const,
  inbox: (filter: InboxFilter) => ['whatsapp', 'inbox', filter] as const,
  inboxAll: ['whatsapp', 'inbox'] as const,
  templates: ['whatsapp', 'templates'] as const,
  preview: (customerId: string, purpose: string, values: Record<string, string>) =>
    ['whatsapp', 'preview', customerId, purpose, values] as const,
};

/** WhatsApp's 24-hour window and the conversation's state, for the composer. */
export interface ConversationState {
  windowOpen: boolean;
  windowClosesAt: string | null;
  lastInboundAt: string | null;
  optedOut: boolean;
  assignedTo: string | null;
  unreadCount: number;
}

export function getConversation(customerId: string, signal?: AbortSignal) {
  return api<ConversationState>(
    `/api/customers/${encodeURIComponent(customerId)}/whatsapp/conversation`,
    signal ? { signal } : {},
  );
}

export type Purpose = 'opening' | 'task_follow_up' | 'signing_link' | 'invoice';

export interface PurposeTemplate {
  purpose: Purpose;
  label: string;
  contentSid: string;
  name: string;
  body: string;
  variables: Record<string, string>;
}

export function getPurposes(signal?: AbortSignal) {
  return api<PurposeTemplate[]>('/api/whatsapp/templates/purposes', signal ? { signal } : {});
}

export interface TemplatePreview {
  purpose: Purpose;
  contentSid: string;
  text: string;
}

export function previewTemplate(
  customerId: string,
  purpose: Purpose,
  values?: Record<string, string>,
) {
  return api<TemplatePreview>(
    `/api/customers/${encodeURIComponent(customerId)}/whatsapp/template/preview`,
    { method: 'POST', json: { purpose, values } },
  );
}

export function sendTemplate(
  customerId: string,
  purpose: Purpose,
  values?: Record<string, string>,
) {
  return api<WhatsAppMessage>(
    `/api/customers/${encodeURIComponent(customerId)}/whatsapp/template`,
    {
      method: 'POST',
      json: { purpose, values },
    },
  );
}

export type InboxFilter = 'all' | 'mine' | 'unassigned' | 'unread';

export interface Conversation {
  peerPhone: string;
  customerId: string | null;
  customerName: string | null;
  lastInboundAt: string | null;
  lastMessageAt: string;
  lastMessageText: string | null;
  lastMessageDirection: 'inbound' | 'outbound' | null;
  unreadCount: number;
  assignedTo: string | null;
  optedOut: boolean;
  windowOpen: boolean;
  windowClosesAt: string | null;
}

export function getInbox(filter: InboxFilter, page: number, signal?: AbortSignal) {
  return api<Page<Conversation>>(
    `/api/whatsapp/conversations${query({ filter, page, limit: 50 })}`,
    signal ? { signal } : {},
  );
}

/** E.164 without its "+", which a URL path would otherwise have to escape. */
const pathPhone = (phone: string) => encodeURIComponent(phone.replace(/^\+/, ''));

export function markRead(phone: string) {
  return api<Conversation>(`/api/whatsapp/conversations/${pathPhone(phone)}/read`, {
    method: 'POST',
  });
}

/** Without {@code agentId}: the caller takes the conversation. */
export function assignConversation(phone: string, agentId?: string | null) {
  return api<Conversation>(`/api/whatsapp/conversations/${pathPhone(phone)}/assign`, {
    method: 'POST',
    ...(agentId === undefined ? {} : { json: { agentId } }),
  });
}

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
