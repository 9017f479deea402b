import { api, query, request, type Page } from '../../lib/api';
import { downloadFile } from '../../lib/csv';
import type { PaymentInput, PaymentMethod } from './payments';

/** One priced line as the API returns it; its total was fixed by the server. */
export interface LineItem {
  description: string;
  quantity: number;
  unitPriceAgorot: number;
  totalAgorot: number;
}

/** One line as the editor sends it (quantity up to three decimals, price in agorot). */
export interface LineInput {
  description: string;
  quantity: number;
  unitPriceAgorot: number;
}

export type ContractStatus = 'draft' | 'sent' | 'viewed' | 'signed' | 'declined' | 'expired';

export interface Contract {
  id: string;
  customerId: string;
  customerName: string;
  title: string;
  terms: string | null;
  lines: LineItem[];
  vatRateBasisPoints: number;
  subtotalAgorot: number;
  vatAgorot: number;
  totalAgorot: number;
  currency: string;
  status: ContractStatus;
  sentAt: string | null;
  viewedAt: string | null;
  signedAt: string | null;
  declinedAt: string | null;
  signingLinkExpiresAt: string | null;
  signerName: string | null;
  createdAt: string;
  updatedAt: string;
  /** The invoice the quote became, once it did. */
  invoiceId?: string | null;
}

export interface ContractInput {
  customerId: string;
  title: string;
  terms?: string;
  lines: LineInput[];
}

export interface SigningLink {
  /** A path of this app (`/sign/<token>`), as billing-service's `signing-path` configures it. */
  signingUrl: string;
  expiresAt: string;
}

export type InvoiceType = 'tax_invoice' | 'receipt' | 'tax_invoice_receipt' | 'credit_note';
export type InvoiceStatus = 'draft' | 'awaiting_allocation' | 'issued' | 'paid' | 'cancelled';

export interface Invoice {
  id: string;
  customerId: string;
  customerName: string;
  customerVatId: string | null;
  type: InvoiceType;
  status: InvoiceStatus;
  number: number | null;
  lines: LineItem[];
  vatRateBasisPoints: number;
  subtotalAgorot: number;
  vatAgorot: number;
  totalAgorot: number;
  currency: string;
  creditOf: string | null;
  creditedBy: string | null;
  allocationStatus: string | null;
  allocationNumber: string | null;
  allocationSandbox: boolean | null;
  allocationRejectionReason: string | null;
  issuedAt: string | null;
  paidAt: string | null;
  cancelledAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Paid so far by receipts (a tax invoice). */
  paidAgorot?: number;
  /** Still owed on an issued tax invoice; 0 on every other document. */
  balanceAgorot?: number;
  /** On a receipt or tax invoice-receipt, when one document is read. */
  payments?: Payment[] | null;
  /** On a receipt: the invoices it paid; on an invoice: the receipts that paid it. */
  settlements?: Settlement[] | null;
}

/** A payment recorded on a receipt or tax invoice-receipt. */
export interface Payment {
  id: string;
  lineNumber: number;
  method: PaymentMethod;
  amountAgorot: number;
  paidOn: string;
  bankNumber: string | null;
  branchNumber: string | null;
  accountNumber: string | null;
  chequeNumber: string | null;
  chequeDueDate: string | null;
  cardLast4: string | null;
  cardCompany: string | null;
  installments: number | null;
  reference: string | null;
}

export interface Settlement {
  receiptId: string;
  invoiceId: string;
  invoiceType: InvoiceType;
  invoiceNumber: number | null;
  amountAgorot: number;
}

export interface InvoiceInput {
  customerId: string;
  /** A receipt is not drafted: it is issued by recording a payment. */
  type: Exclude<InvoiceType, 'credit_note' | 'receipt'>;
  lines: LineInput[];
}

/** What invoices and quotes print (the owner edits it in the settings). */
export interface BillingSettings {
  /** 1800 = 18%. */
  vatRateBasisPoints: number;
  businessName: string | null;
  businessId: string | null;
  address: string | null;
  phone: string | null;
}

export type ListParams = Record<string, string | number | undefined>;

export const billingKeys = {
  settings: ['billing', 'settings'] as const,
  contracts: ['contracts'] as const,
  contractList: (params: ListParams) => ['contracts', 'list', params] as const,
  contract: (id: string) => ['contracts', 'one', id] as const,
  invoices: ['invoices'] as const,
  invoiceList: (params: ListParams) => ['invoices', 'list', params] as const,
  invoice: (id: string) => ['invoices', 'one', id] as const,
};

const id = encodeURIComponent;

export function getBillingSettings() {
  return api<BillingSettings>('/api/invoices/settings');
}

export function saveBillingSettings(settings: BillingSettings) {
  return api<BillingSettings>('/api/invoices/settings', { method: 'PUT', json: settings });
}

export function listContracts(params: ListParams, signal?: AbortSignal) {
  return api<Page<Contract>>(`/api/contracts${query(params)}`, signal ? { signal } : {});
}

export function getContract(contractId: string) {
  return api<Contract>(`/api/contracts/${id(contractId)}`);
}

export function createContract(input: ContractInput) {
  return api<Contract>('/api/contracts', { method: 'POST', json: input });
}

export function updateContract(
  contractId: string,
  input: Partial<Omit<ContractInput, 'customerId'>>,
) {
  return api<Contract>(`/api/contracts/${id(contractId)}`, { method: 'PATCH', json: input });
}

export function sendContract(contractId: string) {
  return api<SigningLink>(`/api/contracts/${id(contractId)}/send`, { method: 'POST' });
}

export function listInvoices(params: ListParams, signal?: AbortSignal) {
  return api<Page<Invoice>>(`/api/invoices${query(params)}`, signal ? { signal } : {});
}

export function getInvoice(invoiceId: string) {
  return api<Invoice>(`/api/invoices/${id(invoiceId)}`);
}

export function createInvoice(input: InvoiceInput) {
  return api<Invoice>('/api/invoices', { method: 'POST', json: input });
}

export function updateInvoice(invoiceId: string, input: Partial<InvoiceInput>) {
  return api<Invoice>(`/api/invoices/${id(invoiceId)}`, { method: 'PATCH', json: input });
}

export function deleteInvoice(invoiceId: string) {
  return api<undefined>(`/api/invoices/${id(invoiceId)}`, { method: 'DELETE' });
}

export type InvoiceAction = 'issue' | 'pay' | 'credit' | 'allocation';

export function invoiceAction(invoiceId: string, action: InvoiceAction) {
  return api<Invoice>(`/api/invoices/${id(invoiceId)}/${action}`, { method: 'POST' });
}

/** Issues a draft; a tax invoice-receipt brings the payments made on the spot. */
export function issueInvoice(invoiceId: string, payments?: PaymentInput[]) {
  return api<Invoice>(`/api/invoices/${id(invoiceId)}/issue`, {
    method: 'POST',
    ...(payments ? { json: { payments } } : {}),
  });
}

/** A receipt (קבלה) for payments against a customer's issued tax invoices. */
export function createReceipt(invoiceIds: string[], payments: PaymentInput[]) {
  return api<Invoice>('/api/invoices/receipts', { method: 'POST', json: { invoiceIds, payments } });
}

/** The quote becomes a draft invoice with its lines; the answer is the quote with `invoiceId`. */
export function contractToInvoice(
  contractId: string,
  type: 'tax_invoice' | 'tax_invoice_receipt' = 'tax_invoice',
) {
  return api<Contract>(`/api/contracts/${id(contractId)}/invoice`, {
    method: 'POST',
    json: { type },
  });
}

/** The absolute signing link to show and copy. */
export function absoluteSigningUrl(link: SigningLink): string {
  return new URL(link.signingUrl, window.location.origin).href;
}

/**
 * Opens a PDF that needs the bearer token: fetched as a blob and shown from an object URL. The tab
 * is opened first, while the click still counts as a user gesture, so no popup blocker stops it;
 * when there is no tab (blocked anyway), the file is downloaded instead.
 */
export async function openPdf(path: string, filename: string): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const response = await request(path, { headers: { Accept: 'application/pdf' } });
    const blob = await response.blob();
    const url = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
    if (tab && !tab.closed) tab.location.href = url;
    else downloadFile(filename, blob, 'application/pdf');
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (error) {
    tab?.close();
    throw error;
  }
}

export function invoicePdfName(invoice: Invoice): string {
  return `${invoice.type}-${invoice.number ?? 'draft'}.pdf`;
}
