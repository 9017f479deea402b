import { api } from '../../lib/api';

/** telephony-service's Settings → Numbers (SPEC C16, ADR 0032). */
export interface NumberView {
  phone: string;
  label: string | null;
  /** `own`: through the tenant's own Twilio account; `platform`: the platform's. */
  source: 'own' | 'platform';
  phoneSid: string | null;
  connectedAt: string | null;
}

export interface NumberSetup {
  /** No Twilio at all: calls and messages are stored, not sent. */
  sandbox: boolean;
  /** The platform operates a Twilio account: numbers can be bought on it. */
  platformAvailable: boolean;
  account: { accountSid: string; apiKeySid: string | null; connectedAt: string } | null;
  numbers: NumberView[];
}

export interface IncomingNumber {
  sid: string;
  phoneNumber: string;
  friendlyName: string;
  voiceUrl: string | null;
}

export interface AvailableNumber {
  phoneNumber: string;
  friendlyName: string;
  locality: string | null;
  voice: boolean;
  sms: boolean;
}

export interface NumberHealth {
  phone: string;
  webhooksPointHere: boolean;
  voiceUrl: string | null;
  statusCallback: string | null;
  smsUrl: string | null;
  lastCallAt: string | null;
  signatureFailuresLastDay: number;
}

export interface ConnectAccountInput {
  accountSid: string;
  authToken: string;
  apiKeySid?: string;
  apiKeySecret?: string;
}

const base = '/api/calls/numbers/setup';

export const numberKeys = {
  setup: ['numbers', 'setup'] as const,
  accountNumbers: ['numbers', 'account-numbers'] as const,
  available: (type: string) => ['numbers', 'available', type] as const,
  health: (phone: string) => ['numbers', 'health', phone] as const,
};

export const getNumberSetup = () => api<NumberSetup>(base);
export const connectAccount = (input: ConnectAccountInput) =>
  api<NumberSetup['account']>(`${base}/account`, { method: 'PUT', json: input });
export const disconnectAccount = () => api<undefined>(`${base}/account`, { method: 'DELETE' });
export const getAccountNumbers = () => api<IncomingNumber[]>(`${base}/account/numbers`);
export const getAvailableNumbers = (type: 'local' | 'mobile') =>
  api<AvailableNumber[]>(`${base}/available?type=${type}`);
export const connectNumber = (phoneSid: string) =>
  api<NumberView>(`${base}/connect`, { method: 'POST', json: { phoneSid } });
export const buyNumber = (phoneNumber: string) =>
  api<NumberView>(`${base}/buy`, { method: 'POST', json: { phoneNumber } });
export const disconnectNumber = (phone: string) =>
  api<undefined>(`${base}/numbers/${encodeURIComponent(phone)}`, { method: 'DELETE' });
export const getNumberHealth = (phone: string) =>
  api<NumberHealth>(`${base}/numbers/${encodeURIComponent(phone)}/health`);
export const placeTestCall = (phone: string) =>
  api<{ callSid: string }>(`${base}/numbers/${encodeURIComponent(phone)}/test-call`, {
    method: 'POST',
  });
