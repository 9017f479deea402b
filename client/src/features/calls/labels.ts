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

/** The lead details the AI receptionist extracts (ADR 0027). */
export const DETAIL_LABELS: Record<string, string> = {
  name: 'שם',
  intent: 'מה מבקש/ת',
  area: 'אזור',
  rooms: 'חדרים',
  budget: 'תקציב',
  timing: 'מתי',
  summary: 'סיכום',
  callbackPromised: 'הובטחה חזרה',
  dealType: 'סוג עסקה',
};

/** The calls screen's outcome filter. */
export const CALL_OUTCOME_LABELS = {
  answered: 'נענו ע״י המזכירה',
  missed: 'לא נענו / ננטשו',
};

/** What came of a call, in a word for the list. */
export function callOutcome(call: {
  direction: string;
  status: string;
  outcome: string | null;
  completedAt: string | null;
  sandbox: boolean;
}): { label: string; tone: BadgeTone } {
  if (call.sandbox) return { label: 'סביבת ניסוי', tone: 'info' };
  if (call.direction === 'outbound') {
    return call.status === 'completed'
      ? { label: 'שיחה יוצאת', tone: 'success' }
      : { label: callStatusLabel(call.status), tone: CALL_STATUS_TONES[call.status] ?? 'neutral' };
  }
  if (call.outcome === 'answered' || call.outcome === 'answered_without_tts') {
    return { label: 'נענתה ע״י המזכירה', tone: 'success' };
  }
  if (call.completedAt === null) return { label: 'בשיחה', tone: 'info' };
  return { label: 'לא נענתה', tone: 'warning' };
}

export const DEAL_TYPE_LABELS: Record<string, string> = {
  buy: 'קנייה',
  rent: 'שכירות',
  sell: 'מכירה',
  let: 'השכרה',
  other: 'אחר',
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
