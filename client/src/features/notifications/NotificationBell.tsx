import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { useFallbackInterval, useLiveMessages } from '../../hooks/useLive';
import { usePopover } from '../../hooks/usePopover';
import { formatDateTime, formatRelative } from '../../lib/format';
import { getInbox, markAllRead, markRead, notificationKeys, type Inbox } from './api';
import './notifications.css';

/** Where a notification leads; alerts stored before links existed go to the customer or the tasks. */
function linkOf(n: Inbox['items'][number]): string {
  if (n.link) return n.link;
  return n.customerId ? `/customers/${n.customerId}` : '/tasks';
}

/**
 * The notification centre behind the bell (SPEC C5). The socket brings each new notification and
 * every read mark (from any tab of the user) as it happens; it polls slowly only while the socket
 * is down, and refetches when the socket comes back.
 */
export function NotificationBell() {
  const { open, setOpen, root } = usePopover();
  const panelId = useId();
  const queryClient = useQueryClient();
  const inbox = useQuery({
    queryKey: notificationKeys.inbox,
    queryFn: getInbox,
    refetchInterval: useFallbackInterval(60_000),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: notificationKeys.inbox });
  useLiveMessages((message) => {
    if (message.type !== 'notification:new' && message.type !== 'notification:read') return;
    // The count moves at once; the list follows from the server.
    queryClient.setQueryData<Inbox>(notificationKeys.inbox, (old) =>
      old ? { ...old, unreadCount: message.unreadCount } : old,
    );
    refresh();
  }, refresh);
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
            <span className="notifications__actions">
              {unread ? (
                <Button size="sm" variant="ghost" onClick={() => readAll.mutate()}>
                  סימון הכול כנקרא
                </Button>
              ) : null}
              <Link
                className="notifications__settings"
                to="/notifications/preferences"
                onClick={() => setOpen(false)}
              >
                העדפות
              </Link>
            </span>
          </div>
          {inbox.data?.items.length ? (
            <ul className="notifications__list">
              {inbox.data.items.map((n) => (
                <li
                  key={n.id}
                  className={[
                    'notifications__item',
                    n.read ? '' : 'notifications__item--unread',
                    n.priority === 'high' ? 'notifications__item--high' : '',
                  ]
                    .filter(Boolean)
                    .join(' ')}
                >
                  <Link
                    to={linkOf(n)}
                    onClick={() => {
                      if (!n.read) readOne.mutate(n.id);
                      setOpen(false);
                    }}
                  >
                    <span className="notifications__title">{n.title}</span>
                    {n.body || n.customerName ? (
                      <span className="muted">{n.body ?? n.customerName}</span>
                    ) : null}
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
