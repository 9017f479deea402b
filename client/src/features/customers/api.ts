import { api, query, type Page } from '../../lib/api';

export type CustomerStatus = 'new' | 'contacted' | 'qualified' | 'negotiation' | 'won' | 'lost';
export type CustomerSource = 'call' | 'whatsapp' | 'manual' | 'import';
export type DealType = 'buy' | 'sell' | 'rent' | 'rent_out';

export interface Customer {
  id: string;
  name: string;
  phone: string;
  email: string | null;
  vatId: string | null;
  status: CustomerStatus;
  source: CustomerSource;
  tags: string[];
  notes: string | null;
  ownerId: string | null;
  area: string | null;
  rooms: number | null;
  budgetAgorot: number | null;
  dealType: DealType | null;
  createdAt: string;
  updatedAt: string;
}

/** What the customers list hands a customer's page in the history state. */
export interface CustomerPageState {
  /** The list's address with its page, search and filters, for the way back. */
  back?: string;
}

export interface CustomerInput {
  name: string;
  phone: string;
  email?: string;
  vatId?: string;
  status?: CustomerStatus;
  source?: CustomerSource;
  tags?: string[];
  notes?: string;
  ownerId?: string | null;
  area?: string;
  rooms?: number | null;
  budgetAgorot?: number | null;
  dealType?: DealType | '';
}

export interface CustomerListParams {
  page: number;
  limit: number;
  sort?: string;
  q?: string;
  status?: string;
  source?: string;
  ownerId?: string;
  tag?: string;
}

export interface ImportReport {
  rows: number;
  created: number;
  duplicates: number;
  rejected: { row: number; reason: string }[];
}

export const customerKeys = {
  all: ['customers'] as const,
  list: (params: CustomerListParams) => ['customers', 'list', params] as const,
  one: (id: string) => ['customers', 'one', id] as const,
};

export function listCustomers(params: CustomerListParams, signal?: AbortSignal) {
  return api<Page<Customer>>(`/api/crm/customers${query({ ...params })}`, signal ? { signal } : {});
}

export function getCustomer(id: string) {
  return api<Customer>(`/api/crm/customers/${encodeURIComponent(id)}`);
}

export function createCustomer(input: CustomerInput) {
  return api<Customer>('/api/crm/customers', { method: 'POST', json: input });
}

export function updateCustomer(id: string, input: Partial<CustomerInput>) {
  return api<Customer>(`/api/crm/customers/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    json: input,
  });
}

export function importCustomers(file: File) {
  const form = new FormData();
  form.append('file', file);
  return api<ImportReport>('/api/crm/customers/import', { method: 'POST', body: form });
}

/** What telephony-service answers for click-to-call and WhatsApp (the fields the UI reads). */
export interface ContactResult {
  id?: string;
  status?: string;
  /** No Twilio credentials: stored, nothing rang or was sent. */
  sandbox?: boolean;
}

/** Rings the agent (agentPhone, else the tenant's forwarding number), then the customer. */
export function startCall(customerId: string, agentPhone?: string) {
  return api<ContactResult>(`/api/customers/${encodeURIComponent(customerId)}/call/start`, {
    method: 'POST',
    json: agentPhone ? { agentPhone } : {},
  });
}

/**
 * Free text, or without it an opening: outside WhatsApp's 24-hour window the server sends the
 * template of {@code purpose} (default: opening a conversation) instead.
 */
export function startWhatsApp(customerId: string, text?: string, purpose?: string) {
  return api<ContactResult>(`/api/customers/${encodeURIComponent(customerId)}/whatsapp/start`, {
    method: 'POST',
    json: text ? { text } : purpose ? { purpose } : {},
  });
}
