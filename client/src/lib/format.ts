const dateTime = new Intl.DateTimeFormat('he-IL', { dateStyle: 'short', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat('he-IL', { dateStyle: 'short' });
const shekels = new Intl.NumberFormat('he-IL', {
  style: 'currency',
  currency: 'ILS',
  maximumFractionDigits: 0,
});

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : '';
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? dateOnly.format(new Date(iso)) : '';
}

/** One unit of time in Hebrew: the word for one and for two, and the plural after a number. */
interface TimeUnit {
  seconds: number;
  one: string;
  two: string;
  many: string;
}

const MINUTE: TimeUnit = { seconds: 60, one: 'דקה', two: 'שתי דקות', many: 'דקות' };
const HOUR: TimeUnit = { seconds: 3600, one: 'שעה', two: 'שעתיים', many: 'שעות' };
const DAY: TimeUnit = { seconds: 86_400, one: 'יום', two: 'יומיים', many: 'ימים' };

function amount(n: number, unit: TimeUnit): string {
  if (n === 1) return unit.one;
  if (n === 2) return unit.two;
  return `${n} ${unit.many}`;
}

/**
 * How long ago or how soon, as people say it: "לפני דקה", "לפני 5 דקות", "לפני שעתיים",
 * "אתמול", "מחר", "בעוד יומיים"; a week or more away is the date itself. (`Intl.RelativeTimeFormat` in Hebrew
 * writes "לפני דקה אחת" and, in some browsers, "לפני דקה (1)".) The exact time belongs in a
 * title attribute next to it.
 */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'עכשיו';
  // The unit is chosen after rounding: 59 minutes and 40 seconds is "an hour", not "60 דקות".
  const units = [MINUTE, HOUR, DAY];
  const unit = units.find((u, i) => {
    const next = units[i + 1];
    return next === undefined || Math.round(abs / u.seconds) * u.seconds < next.seconds;
  });
  const n = unit ? Math.round(abs / unit.seconds) : 0;
  if (!unit || (unit === DAY && n >= 7)) return formatDate(iso);
  if (unit === DAY && n === 1) return seconds < 0 ? 'אתמול' : 'מחר';
  return seconds < 0 ? `לפני ${amount(n, unit)}` : `בעוד ${amount(n, unit)}`;
}

/** A noun counted in Hebrew: "one" follows the noun, in its gender; other numbers precede it. */
export interface Counted {
  /** "לקוח אחד", "חשבונית אחת". */
  one: string;
  /** "לקוחות", written after the number. */
  many: string;
  /** For none, when "0 לקוחות" would read badly ("אין לקוחות"). */
  none?: string;
}

const count = new Intl.NumberFormat('he-IL');

/** "לקוח אחד", "2 לקוחות", "1,250 לקוחות", "אין לקוחות". */
export function formatCountOf(n: number, noun: Counted): string {
  if (n === 1) return noun.one;
  if (n === 0 && noun.none) return noun.none;
  return `${count.format(n)} ${noun.many}`;
}

export function formatAgorot(agorot: number | null | undefined): string {
  return agorot === null || agorot === undefined ? '' : shekels.format(agorot / 100);
}

/** A wa.me link wants the digits of the international number only. */
export function whatsappUrl(phone: string): string {
  return `https://wa.me/${phone.replace(/\D/g, '')}`;
}
