import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { usePopover } from '../../hooks/usePopover';
import { formatDateTime, formatRelative } from '../../lib/format';
import { getInbox, markAllRead, markRead, notificationKeys } from './api';
import './notifications.css';

/** The notification centre behind the bell (SPEC C5). */
export function NotificationBell() {
  const { open, setOpen, root } = usePopover();
  const panelId = useId();
  const queryClient = useQueryClient();
  const inbox = useQuery({
    queryKey: notificationKeys.inbox,
    queryFn: getInbox,
    refetchInterval: 60_000,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: notificationKeys.inbox });
  const readOne = useMutation({
    mutationFn: markRead,
    onSettled: refresh,
  });
  const readAll = useMutation({
    mutationFn: markAllRead,
    onSettled: refresh,
  });

  const unread = inbox.data?.unreadCount ?? 0;
  return (
    <div className="popover-anchor" ref={root}>
      <button
        type="button"
        className="icon-button bell"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={
          unread === 1 ? 'התראות, אחת שלא נקראה' : unread ? `התראות, ${unread} שלא נקראו` : 'התראות'
        }
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">🔔</span>
        {unread ? (
          <span className="bell__count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div
          id={panelId}
          className="popover popover--end notifications"
          role="region"
          aria-label="מרכז ההתראות"
        >
          <div className="notifications__header">
            <strong>התראות</strong>
            {unread ? (
              <Button size="sm" variant="ghost" onClick={() => readAll.mutate()}>
                סימון הכול כנקרא
              </Button>
            ) : null}
          </div>
          {inbox.data?.items.length ? (
            <ul className="notifications__list">
              {inbox.data.items.map((n) => (
                <li
                  key={n.id}
                  className={
                    n.read
                      ? 'notifications__item'
                      : 'notifications__item notifications__item--unread'
                  }
                >
                  <Link
                    to={n.customerId ? `/customers/${n.customerId}` : '/tasks'}
                    onClick={() => {
                      if (!n.read) readOne.mutate(n.id);
                      setOpen(false);
                    }}
                  >
                    <span className="notifications__title">{n.title}</span>
                    {n.customerName ? <span className="muted">{n.customerName}</span> : null}
                    <time
                      className="muted"
                      dateTime={n.createdAt}
                      title={formatDateTime(n.createdAt)}
                    >
                      {formatRelative(n.createdAt)}
                    </time>
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState icon="🔕" title="אין התראות" />
          )}
        </div>
      ) : null}
    </div>
  );
}
