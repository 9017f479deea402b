import { api, query } from '../../lib/api';

export type TimelineKind =
  'call' | 'whatsapp' | 'task' | 'contract' | 'invoice' | 'signature' | 'customer';

export interface TimelineItem {
  id: string;
  kind: TimelineKind;
  type: string;
  occurredAt: string;
  title: string;
  details: Record<string, unknown> | null;
  reference: string | null;
  link: string | null;
}

export interface TimelinePage {
  items: TimelineItem[];
  nextCursor: string | null;
  limit: number;
}

const TIMELINE_PAGE_SIZE = 30;

export const timelineKeys = {
  /** Everything cached about one customer's timeline: invalidate it after a change to them. */
  customer: (customerId: string) => ['timeline', customerId] as const,
  pages: (customerId: string, kinds: TimelineKind[]) =>
    ['timeline', customerId, 'pages', kinds] as const,
  head: (customerId: string, kinds: TimelineKind[]) =>
    ['timeline', customerId, 'head', kinds] as const,
};

export function fetchTimeline(
  customerId: string,
  kinds: TimelineKind[],
  before?: string | null,
  limit = TIMELINE_PAGE_SIZE,
  signal?: AbortSignal,
) {
  const path = `/api/customers/${encodeURIComponent(customerId)}/timeline${query({
    kinds: kinds.join(','),
    limit,
    before: before ?? undefined,
  })}`;
  return api<TimelinePage>(path, signal ? { signal } : {});
}
