import { formatDate } from '../../lib/format';
import { agorotToInput, parseShekels } from '../../lib/money';
import type { Payment } from './api';

/** How a customer paid, as billing-service records it on a receipt (קבלה). */
export type PaymentMethod = 'cash' | 'cheque' | 'bank_transfer' | 'credit_card' | 'bit' | 'other';
export type CardCompany = 'isracard' | 'cal' | 'diners' | 'amex' | 'max' | 'other';

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  cash: 'מזומן',
  cheque: 'המחאה',
  bank_transfer: 'העברה בנקאית',
  credit_card: 'כרטיס אשראי',
  bit: 'ביט',
  other: 'אחר',
};

export const CARD_COMPANY_LABELS: Record<CardCompany, string> = {
  isracard: 'ישראכרט',
  cal: 'כאל',
  diners: 'דיינרס',
  amex: 'אמריקן אקספרס',
  max: 'מקס',
  other: 'אחר',
};

/** One payment as the API takes it. */
export interface PaymentInput {
  method: PaymentMethod;
  amountAgorot: number;
  /** ISO day. */
  date: string;
  bankNumber?: string;
  branchNumber?: string;
  accountNumber?: string;
  chequeNumber?: string;
  chequeDueDate?: string;
  cardLast4?: string;
  cardCompany?: CardCompany;
  installments?: number;
  reference?: string;
}

/** One payment as the form holds it: text as typed. */
export interface DraftPayment {
  key: string;
  method: PaymentMethod;
  amount: string;
  date: string;
  bankNumber: string;
  branchNumber: string;
  accountNumber: string;
  chequeNumber: string;
  chequeDueDate: string;
  cardLast4: string;
  cardCompany: CardCompany | '';
  installments: string;
  reference: string;
}

export type PaymentErrors = Record<string, Partial<Record<keyof DraftPayment, string>>>;

let counter = 0;

/** Today in Israel as an ISO day: the day a payment is dated by default. */
export function israeliToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Jerusalem',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export function emptyPayment(amountAgorot: number, date: string): DraftPayment {
  counter += 1;
  return {
    key: `p${counter}`,
    method: 'cash',
    amount: amountAgorot > 0 ? agorotToInput(amountAgorot) : '',
    date,
    bankNumber: '',
    branchNumber: '',
    accountNumber: '',
    chequeNumber: '',
    chequeDueDate: '',
    cardLast4: '',
    cardCompany: '',
    installments: '1',
    reference: '',
  };
}

const DIGITS = (max: number) => new RegExp(`^\\d{1,${max}}$`);

export type CheckedPayments =
  | { ok: true; payments: PaymentInput[]; totalAgorot: number }
  | { ok: false; errors: PaymentErrors; message: string };

/**
 * The same rules billing-service applies (its `Payments`), so a mistake is shown beside its field
 * before anything is sent: a cheque needs bank (up to 3 digits), branch (4), account (15), number
 * (10) and due date; a card its last four digits; every payment a positive amount and a date.
 * {@code expectedAgorot}: the total the payments must reach exactly (a tax invoice-receipt) or not
 * exceed (a receipt: the balance), as {@code mode} says.
 */
export function validatePayments(
  drafts: DraftPayment[],
  expectedAgorot: number,
  mode: 'exact' | 'at_most',
): CheckedPayments {
  const errors: PaymentErrors = {};
  const payments: PaymentInput[] = [];
  for (const d of drafts) {
    const e: Partial<Record<keyof DraftPayment, string>> = {};
    const amount = parseShekels(d.amount);
    if (amount === null || amount <= 0) e.amount = 'יש להזין סכום חיובי';
    if (!d.date) e.date = 'יש להזין תאריך תשלום';
    const payment: PaymentInput = { method: d.method, amountAgorot: amount ?? 0, date: d.date };
    if (d.method === 'cheque') {
      if (!DIGITS(3).test(d.bankNumber.trim())) e.bankNumber = 'מספר בנק: עד 3 ספרות';
      if (!DIGITS(4).test(d.branchNumber.trim())) e.branchNumber = 'מספר סניף: עד 4 ספרות';
      if (!DIGITS(15).test(d.accountNumber.trim())) e.accountNumber = 'מספר חשבון: עד 15 ספרות';
      if (!DIGITS(10).test(d.chequeNumber.trim())) e.chequeNumber = 'מספר המחאה: עד 10 ספרות';
      if (!d.chequeDueDate) e.chequeDueDate = 'יש להזין תאריך פירעון';
      Object.assign(payment, {
        bankNumber: d.bankNumber.trim(),
        branchNumber: d.branchNumber.trim(),
        accountNumber: d.accountNumber.trim(),
        chequeNumber: d.chequeNumber.trim(),
        chequeDueDate: d.chequeDueDate,
      });
    } else if (d.method === 'credit_card') {
      if (!/^\d{4}$/.test(d.cardLast4.trim()))
        e.cardLast4 = 'יש להזין את 4 הספרות האחרונות של הכרטיס';
      const installments = Number(d.installments || '1');
      if (!Number.isInteger(installments) || installments < 1 || installments > 36) {
        e.installments = 'מספר התשלומים: 1 עד 36';
      }
      Object.assign(payment, {
        cardLast4: d.cardLast4.trim(),
        installments,
        ...(d.cardCompany ? { cardCompany: d.cardCompany } : {}),
      });
    } else if (d.reference.trim()) {
      if (d.reference.trim().length > 50) e.reference = 'האסמכתה ארוכה מדי (עד 50 תווים)';
      payment.reference = d.reference.trim();
    }
    if (Object.keys(e).length) errors[d.key] = e;
    payments.push(payment);
  }
  if (drafts.length === 0) {
    return { ok: false, errors, message: 'יש להזין לפחות אמצעי תשלום אחד' };
  }
  if (Object.keys(errors).length) {
    return { ok: false, errors, message: 'יש לתקן את פרטי התשלום המסומנים' };
  }
  const totalAgorot = payments.reduce((sum, p) => sum + p.amountAgorot, 0);
  if (mode === 'exact' && totalAgorot !== expectedAgorot) {
    return {
      ok: false,
      errors,
      message: 'בחשבונית מס קבלה סכום התשלומים צריך להיות שווה לסה״כ לתשלום',
    };
  }
  if (mode === 'at_most' && totalAgorot > expectedAgorot) {
    return { ok: false, errors, message: 'סכום התשלומים גבוה מהיתרה לתשלום' };
  }
  return { ok: true, payments, totalAgorot };
}

/** One payment as the document prints it: method, its particulars, amount. */
export function paymentText(p: Payment): string {
  const parts: string[] = [PAYMENT_METHOD_LABELS[p.method]];
  if (p.method === 'cheque') {
    parts.push(
      `בנק ${p.bankNumber ?? ''} סניף ${p.branchNumber ?? ''} חשבון ${p.accountNumber ?? ''} המחאה ${p.chequeNumber ?? ''}`,
    );
    if (p.chequeDueDate) parts.push(`לפירעון ${formatDate(p.chequeDueDate)}`);
  }
  if (p.method === 'credit_card') {
    const company = p.cardCompany ? CARD_COMPANY_LABELS[p.cardCompany as CardCompany] : null;
    parts.push(`${company ?? 'כרטיס'} המסתיים ב-${p.cardLast4 ?? ''}`);
    if (p.installments && p.installments > 1) parts.push(`${p.installments} תשלומים`);
  }
  if (p.reference) parts.push(`אסמכתה ${p.reference}`);
  return parts.join(' · ');
}
