import { api } from '../../lib/api';
import type { LineItem } from '../billing/api';

/** Exactly what the signer sees and signs (billing-service's `SignableDocument`). */
export interface SignableDocument {
  contractId: string;
  title: string;
  businessName: string | null;
  businessId: string | null;
  customerName: string;
  terms: string | null;
  lines: LineItem[];
  vatRateBasisPoints: number;
  subtotalAgorot: number;
  vatAgorot: number;
  totalAgorot: number;
  currency: string;
}

export interface SigningView {
  document: SignableDocument;
  status: string;
  expiresAt: string;
  /** The fingerprint the signature binds to; a changed document is refused (409). */
  documentSha256: string;
}

export interface SignInput {
  signature: string;
  signerName: string;
  documentSha256: string;
}

export const signingKeys = {
  link: (token: string) => ['signing', token] as const,
};

const path = (token: string) => `/api/public/sign/${encodeURIComponent(token)}`;

/** No login on this page: the one-time token in the link is the only key. */
export function getSigning(token: string) {
  return api<SigningView>(path(token), { auth: false });
}

export function sign(token: string, input: SignInput) {
  return api<undefined>(path(token), { method: 'POST', json: input, auth: false });
}

export function decline(token: string) {
  return api<undefined>(`${path(token)}/decline`, { method: 'POST', auth: false });
}

/** Hebrew for each refusal of a signing link (the API's stable error codes). */
export const LINK_PROBLEMS: Record<string, { icon: string; title: string; description: string }> = {
  signing_link_not_found: {
    icon: '🔗',
    title: 'הקישור אינו תקין',
    description: 'ייתכן שהקישור הועתק חלקית, או שנשלח קישור חדש במקומו. בקשו מהעסק לשלוח אותו שוב.',
  },
  signing_link_used: {
    icon: '✅',
    title: 'המסמך כבר נחתם',
    description: 'הקישור הזה כבר שימש לחתימה או לסירוב, ואי אפשר להשתמש בו שוב.',
  },
  signing_link_expired: {
    icon: '⌛',
    title: 'תוקף הקישור פג',
    description: 'הקישור לחתימה אינו בתוקף עוד. בקשו מהעסק לשלוח קישור חדש.',
  },
  feature_disabled: {
    icon: '🚫',
    title: 'החתימה הדיגיטלית אינה זמינה',
    description: 'העסק השבית את החתימה הדיגיטלית. פנו אליו ישירות.',
  },
};
