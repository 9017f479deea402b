import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useFallbackInterval, useLiveHint } from '../../hooks/useLive';
import { ApiError } from '../../lib/api';
import {
  fetchTimeline,
  timelineKeys,
  type TimelineItem,
  type TimelineKind,
  type TimelinePage,
} from './api';

const EMPTY: TimelinePage = { items: [], nextCursor: null, limit: 0 };

/** A customer nobody has written an event about yet has no timeline: that is an empty one. */
async function pageOrEmpty(load: () => Promise<TimelinePage>): Promise<TimelinePage> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return EMPTY;
    throw error;
  }
}

export interface UseTimelineOptions {
  /**
   * How often the newest items are looked for while the socket is down (its `timeline:changed`
   * hints refetch them otherwise); 0 turns live updates off.
   */
  liveIntervalMs?: number;
}

/**
 * One customer's timeline, newest first: older pages by cursor as the user scrolls, and a small
 * "head" query for events newer than what is shown, merged on top without reloading the pages
 * already read. The head is refetched when the socket says the customer's timeline changed, and
 * polled slowly only while the socket is down.
 */
export function useTimeline(
  customerId: string,
  kinds: TimelineKind[],
  { liveIntervalMs = 15_000 }: UseTimelineOptions = {},
) {
  const fallback = useFallbackInterval(liveIntervalMs);
  const pages = useInfiniteQuery({
    queryKey: timelineKeys.pages(customerId, kinds),
    queryFn: ({ pageParam, signal }) =>
      pageOrEmpty(() => fetchTimeline(customerId, kinds, pageParam, undefined, signal)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: Infinity,
  });

  const head = useQuery({
    queryKey: timelineKeys.head(customerId, kinds),
    queryFn: ({ signal }) => pageOrEmpty(() => fetchTimeline(customerId, kinds, null, 20, signal)),
    enabled: pages.isSuccess,
    refetchInterval: liveIntervalMs > 0 ? fallback : false,
    staleTime: 0,
  });
  const refetchHead = head.refetch;
  useLiveHint('timeline:changed', customerId, () => {
    if (liveIntervalMs > 0) void refetchHead();
  });

  const items = useMemo<TimelineItem[]>(() => {
    const older = pages.data?.pages.flatMap((p) => p.items) ?? [];
    const seen = new Set(older.map((i) => i.id));
    const newest = older[0] ? Date.parse(older[0].occurredAt) : -Infinity;
    const fresh = (head.data?.items ?? []).filter(
      (i) => !seen.has(i.id) && Date.parse(i.occurredAt) >= newest,
    );
    return [...fresh, ...older];
  }, [pages.data, head.data]);

  return {
    items,
    isPending: pages.isPending,
    isError: pages.isError,
    error: pages.error,
    hasMore: pages.hasNextPage,
    loadingMore: pages.isFetchingNextPage,
    loadMore: () => void pages.fetchNextPage(),
    refetch: () => void pages.refetch(),
  };
}
