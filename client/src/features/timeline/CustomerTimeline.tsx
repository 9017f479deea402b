import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Skeleton } from '../../components/Skeleton';
import { errorMessage } from '../../lib/api';
import { formatDateTime, formatRelative } from '../../lib/format';
import type { TimelineItem, TimelineKind } from './api';
import { KIND_META, KIND_ORDER } from './kinds';
import { useTimeline, type UseTimelineOptions } from './useTimeline';
import './timeline.css';

export interface CustomerTimelineProps extends UseTimelineOptions {
  customerId: string;
}

/**
 * SPEC C8 on the customer page: everything that happened with the customer, newest first,
 * filterable by kind, loading older items as the list is scrolled and new ones as they happen.
 */
export function CustomerTimeline({ customerId, liveIntervalMs }: CustomerTimelineProps) {
  const [kinds, setKinds] = useState<TimelineKind[]>([]);
  const timeline = useTimeline(
    customerId,
    kinds,
    liveIntervalMs === undefined ? {} : { liveIntervalMs },
  );
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasMore, loadingMore, loadMore } = timeline;

  useEffect(() => {
    const node = sentinel.current;
    if (!node || !hasMore || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && !loadingMore) loadMore();
      },
      { rootMargin: '200px' },
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, [hasMore, loadingMore, loadMore]);

  const toggle = (kind: TimelineKind) =>
    setKinds((current) =>
      current.includes(kind) ? current.filter((k) => k !== kind) : [...current, kind],
    );

  return (
    <section className="timeline" aria-label="ציר הזמן של הלקוח">
      <div className="chips" role="group" aria-label="סינון לפי סוג">
        <button
          type="button"
          className="chip"
          aria-pressed={kinds.length === 0}
          onClick={() => setKinds([])}
        >
          הכול
        </button>
        {KIND_ORDER.map((kind) => (
          <button
            key={kind}
            type="button"
            className="chip"
            aria-pressed={kinds.includes(kind)}
            onClick={() => toggle(kind)}
          >
            <span aria-hidden="true">{KIND_META[kind].icon}</span> {KIND_META[kind].label}
          </button>
        ))}
      </div>

      {timeline.isPending ? (
        <Skeleton lines={4} className="timeline__skeleton" />
      ) : timeline.isError ? (
        <div className="alert alert--danger" role="alert">
          {errorMessage(timeline.error)}{' '}
          <Button size="sm" onClick={timeline.refetch}>
            נסו שוב
          </Button>
        </div>
      ) : timeline.items.length === 0 ? (
        <EmptyState
          icon="🕒"
          title={kinds.length ? 'אין אירועים מהסוג שנבחר' : 'עדיין אין אירועים'}
          description="שיחות, הודעות, משימות, הצעות וחשבוניות של הלקוח יופיעו כאן."
        />
      ) : (
        <ol className="timeline__list">
          {timeline.items.map((item) => (
            <TimelineEntry key={item.id} item={item} customerId={customerId} />
          ))}
        </ol>
      )}

      {hasMore ? (
        <div ref={sentinel} className="timeline__more">
          <Button size="sm" loading={loadingMore} onClick={loadMore}>
            טעינת אירועים קודמים
          </Button>
        </div>
      ) : null}
    </section>
  );
}

function TimelineEntry({ item, customerId }: { item: TimelineItem; customerId: string }) {
  // A kind this client does not know yet still shows, with a neutral icon.
  const known = (KIND_META as Partial<Record<string, { label: string; icon: string }>>)[item.kind];
  const meta = known ?? { label: item.kind, icon: '•' };
  const text = summary(item);
  // The customer's own card links to this very page: no point offering it.
  const showLink = item.link && item.link !== `/customers/${customerId}`;
  return (
    <li className={`timeline__item timeline__item--${item.kind}`} data-kind={item.kind}>
      <span className="timeline__icon" aria-hidden="true">
        {meta.icon}
      </span>
      <div className="timeline__content">
        <p className="timeline__title">{item.title}</p>
        {text ? <p className="timeline__details">{text}</p> : null}
        <p className="timeline__meta">
          <time dateTime={item.occurredAt} title={formatDateTime(item.occurredAt)}>
            {formatRelative(item.occurredAt)}
          </time>
          <span aria-hidden="true"> · </span>
          <span>{meta.label}</span>
          {showLink && item.link ? (
            <>
              <span aria-hidden="true"> · </span>
              <Link to={item.link} className="timeline__source">
                פתח מקור
              </Link>
            </>
          ) : null}
        </p>
      </div>
    </li>
  );
}

/**
 * A line of detail worth reading: the message text, the call transcript, or the name of the
 * document a contract event is about ("החוזה נחתם" alone does not say which).
 */
function summary(item: TimelineItem): string | null {
  const d = item.details ?? {};
  const keys =
    item.kind === 'contract' || item.kind === 'signature' ? ['title'] : ['text', 'transcript'];
  for (const key of keys) {
    const value = d[key];
    if (typeof value === 'string' && value.trim() && !item.title.includes(value)) return value;
  }
  return null;
}
