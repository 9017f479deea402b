import type { BadgeTone } from '../../components/Badge';
import type { ContractStatus, InvoiceStatus, InvoiceType } from './api';

export const CONTRACT_STATUS_LABELS: Record<ContractStatus, string> = {
  draft: 'טיוטה',
  sent: 'נשלח לחתימה',
  viewed: 'נצפה',
  signed: 'נחתם',
  declined: 'נדחה',
  expired: 'פג תוקף',
};

export const CONTRACT_STATUS_TONES: Record<ContractStatus, BadgeTone> = {
  draft: 'neutral',
  sent: 'info',
  viewed: 'primary',
  signed: 'success',
  declined: 'danger',
  expired: 'warning',
};

export const INVOICE_TYPE_LABELS: Record<InvoiceType, string> = {
  tax_invoice: 'חשבונית מס',
  receipt: 'קבלה',
  tax_invoice_receipt: 'חשבונית מס קבלה',
  credit_note: 'חשבונית זיכוי',
};

/**
 * What a user may draft; a credit note only comes from crediting an issued document, a receipt from
 * recording a payment on an issued tax invoice.
 */
export const DRAFTABLE_TYPES: Record<Exclude<InvoiceType, 'credit_note' | 'receipt'>, string> = {
  tax_invoice: 'חשבונית מס',
  tax_invoice_receipt: 'חשבונית מס קבלה (שולמה במקום)',
};

export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, string> = {
  draft: 'טיוטה',
  awaiting_allocation: 'ממתינה למספר הקצאה',
  issued: 'הופקה',
  paid: 'שולמה',
  cancelled: 'בוטלה',
};

export const INVOICE_STATUS_TONES: Record<InvoiceStatus, BadgeTone> = {
  draft: 'neutral',
  awaiting_allocation: 'warning',
  issued: 'info',
  paid: 'success',
  cancelled: 'danger',
};

/** Quotes, contracts and invoices counted: "מסמך אחד", "3 מסמכים". */
export const DOCUMENTS = { one: 'מסמך אחד', many: 'מסמכים', none: 'אין מסמכים' };
