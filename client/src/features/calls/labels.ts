import type { BadgeTone } from '../../components/Badge';

const CALL_STATUS_LABELS: Record<string, string> = {
  queued: 'בתור',
  initiated: 'מחייג',
  ringing: 'מצלצל',
  'in-progress': 'בשיחה',
  completed: 'הסתיימה',
  busy: 'תפוס',
  failed: 'נכשלה',
  'no-answer': 'לא נענתה',
  canceled: 'בוטלה',
  sandbox: 'סביבת ניסוי',
};

export const CALL_STATUS_TONES: Record<string, BadgeTone> = {
  completed: 'success',
  busy: 'warning',
  'no-answer': 'warning',
  failed: 'danger',
  canceled: 'neutral',
  sandbox: 'info',
};

export const TURN_OUTCOME_LABELS: Record<string, string> = {
  answered: 'נענה בקול',
  answered_without_tts: 'נענה (ללא הקראה)',
  too_short: 'ההקלטה קצרה מדי',
  not_understood: 'לא הובן',
  error: 'שגיאה',
};

/** The lead details the AI receptionist extracts. */
export const DETAIL_LABELS: Record<string, string> = {
  name: 'שם',
  area: 'אזור',
  rooms: 'חדרים',
  budget: 'תקציב',
  dealType: 'סוג עסקה',
  intent: 'בקשה',
};

export const DEAL_TYPE_LABELS: Record<string, string> = {
  buy: 'קנייה',
  rent: 'שכירות',
  sell: 'מכירה',
  let: 'השכרה',
};

export function callStatusLabel(status: string): string {
  return CALL_STATUS_LABELS[status] ?? status;
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '';
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m ? `${m}:${String(s).padStart(2, '0')} דק׳` : `${s} שנ׳`;
}
