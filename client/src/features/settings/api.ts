import type { Feature, Features } from '../../hooks/useFeatures';
import type { User } from '../../hooks/useUsers';
import { api } from '../../lib/api';

export interface CreateUserInput {
  name: string;
  email: string;
  role: 'agent' | 'viewer';
  password?: string;
}

export interface CreatedUser {
  user: User;
  /** Only when the owner did not choose a password: shown once. */
  temporaryPassword?: string;
}

export const createUser = (input: CreateUserInput) =>
  api<CreatedUser>('/api/users', { method: 'POST', json: input });
export interface InvitationInput {
  name: string;
  email: string;
  role: 'agent' | 'viewer';
}
/** Mails an invitation link; the colleague chooses their own password (ADR 0031). */
export const inviteUser = (input: InvitationInput) =>
  api('/api/users/invitations', { method: 'POST', json: input });
export const reactivateUser = (id: string) =>
  api<User>(`/api/users/${encodeURIComponent(id)}/reactivate`, { method: 'POST' });
export const deactivateUser = (id: string) =>
  api<User>(`/api/users/${encodeURIComponent(id)}/deactivate`, { method: 'POST' });

export const setFeatures = (changes: Partial<Record<Feature, boolean>>) =>
  api<Features>('/api/tenant/features', { method: 'PUT', json: changes });

export const FEATURE_INFO: Record<Feature, { label: string; description: string }> = {
  crm: { label: 'לקוחות', description: 'טבלת הלקוחות, כרטיס הלקוח וציר הזמן' },
  calls: { label: 'שיחות ומזכירה דיגיטלית', description: 'חיוג מהמערכת ומענה אוטומטי לשיחות' },
  whatsapp: { label: 'WhatsApp', description: 'שליחת הודעות וצפייה בשיחות WhatsApp' },
  tasks: { label: 'משימות', description: 'משימות, תזכורות והתראות בזמן' },
  contracts: { label: 'הצעות מחיר וחוזים', description: 'הצעות מחיר וחוזים ללקוחות' },
  signatures: { label: 'חתימה דיגיטלית', description: 'שליחת מסמכים לחתימה מרחוק' },
  invoices: { label: 'חשבוניות', description: 'חשבוניות מס, קבלות וזיכויים' },
  stats: { label: 'סטטיסטיקה', description: 'לוח הנתונים והגרפים' },
};

export const FEATURE_ORDER: Feature[] = [
  'crm',
  'calls',
  'whatsapp',
  'tasks',
  'contracts',
  'signatures',
  'invoices',
  'stats',
];

/** "18" → 1800 basis points; null when it is not a rate between 0 and 100. */
export function vatBasisPoints(percent: string): number | null {
  const n = Number(percent.trim().replace(',', '.'));
  if (percent.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) return null;
  return Math.round(n * 100);
}

export type Day =
  'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';

/** Israel's week, from Sunday. */
export const DAYS: { id: Day; label: string }[] = [
  { id: 'sunday', label: 'ראשון' },
  { id: 'monday', label: 'שני' },
  { id: 'tuesday', label: 'שלישי' },
  { id: 'wednesday', label: 'רביעי' },
  { id: 'thursday', label: 'חמישי' },
  { id: 'friday', label: 'שישי' },
  { id: 'saturday', label: 'שבת' },
];

/** tasks-service's call-back rule (ADR 0027); a day without hours is closed. */
export interface CallbackSettings {
  responseMinutes: number;
  onDutyUserId: string | null;
  businessHours: Partial<Record<Day, { open: string; close: string } | null>>;
  timeZone?: string;
}

export const callbackKeys = { settings: ['tasks', 'settings'] as const };

export const getCallbackSettings = () => api<CallbackSettings>('/api/tasks/settings');

export const saveCallbackSettings = (settings: CallbackSettings) =>
  api<CallbackSettings>('/api/tasks/settings', { method: 'PUT', json: settings });
