import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Select } from '../../components/Field';
import { Skeleton } from '../../components/Skeleton';
import { Tabs } from '../../components/Tabs';
import { useToast } from '../../components/toast';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useFallbackInterval, useLiveHint } from '../../hooks/useLive';
import { useCanWrite, useSession } from '../../hooks/useSession';
import { useUsers } from '../../hooks/useUsers';
import { errorMessage } from '../../lib/api';
import { formatDateTime, formatRelative } from '../../lib/format';
import {
  assignConversation,
  getInbox,
  markRead,
  whatsappKeys,
  type Conversation,
  type InboxFilter,
} from './api';
import { WhatsAppThread } from './WhatsAppThread';
import './whatsapp.css';

const FILTERS: { id: InboxFilter; label: string }[] = [
  { id: 'all', label: 'הכול' },
  { id: 'mine', label: 'שלי' },
  { id: 'unassigned', label: 'לא משויכות' },
  { id: 'unread', label: 'לא נקראו' },
];

/**
 * Issue 18's inbox: every WhatsApp conversation of the office, newest first, with unread count,
 * last message and assigned agent. Opening one marks it read; an agent takes or hands it over.
 */
export function InboxPage() {
  useDocumentTitle('WhatsApp');
  const [filter, setFilter] = useState<InboxFilter>('all');
  const [openPhone, setOpenPhone] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const inbox = useQuery({
    queryKey: whatsappKeys.inbox(filter),
    queryFn: ({ signal }) => getInbox(filter, 1, signal),
    placeholderData: keepPreviousData,
    // New messages and statuses arrive as the socket's hint; a slow poll only while it is down.
    refetchInterval: useFallbackInterval(15_000),
  });
  const refetchInbox = inbox.refetch;
  useLiveHint('whatsapp:changed', null, () => void refetchInbox());
  const read = useMutation({
    mutationFn: markRead,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: whatsappKeys.inboxAll }),
  });
  const items = inbox.data?.items ?? [];
  const open = items.find((c) => c.peerPhone === openPhone) ?? null;

  const openConversation = (c: Conversation) => {
    setOpenPhone(c.peerPhone);
    if (c.unreadCount > 0) read.mutate(c.peerPhone);
  };

  return (
    <div className="page wa-inbox">
      <header className="page__header">
        <h1 className="page__title">WhatsApp</h1>
      </header>
      <Tabs
        label="סינון שיחות"
        tabs={FILTERS}
        selected={filter}
        onSelect={(id) => setFilter(id as InboxFilter)}
      >
        <div className={`wa-inbox__layout${open ? ' wa-inbox__layout--open' : ''}`}>
          <div className="wa-inbox__list">
            {inbox.isPending ? (
              <Skeleton lines={5} />
            ) : inbox.isError ? (
              <div className="alert alert--danger" role="alert">
                {errorMessage(inbox.error)}
              </div>
            ) : items.length === 0 ? (
              <EmptyState
                icon="💬"
                title="אין שיחות"
                description="הודעות WhatsApp מלקוחות ומפניות חדשות יופיעו כאן."
              />
            ) : (
              <ul className="plain-list" aria-label="שיחות">
                {items.map((c) => (
                  <li key={c.peerPhone}>
                    <button
                      type="button"
                      className={`wa-inbox__row${c.peerPhone === openPhone ? ' wa-inbox__row--open' : ''}`}
                      aria-current={c.peerPhone === openPhone || undefined}
                      onClick={() => openConversation(c)}
                    >
                      <span className="wa-inbox__name">
                        {c.customerName ?? <bdi dir="ltr">{c.peerPhone}</bdi>}
                      </span>
                      <time
                        className="wa-inbox__time"
                        dateTime={c.lastMessageAt}
                        title={formatDateTime(c.lastMessageAt)}
                      >
                        {formatRelative(c.lastMessageAt)}
                      </time>
                      <span className="wa-inbox__last">
                        {c.lastMessageDirection === 'outbound' ? 'אתם: ' : ''}
                        {c.lastMessageText ?? ''}
                      </span>
                      <span className="wa-inbox__badges">
                        {c.unreadCount > 0 ? (
                          <Badge tone="success">
                            <span aria-label={`${c.unreadCount} לא נקראו`}>{c.unreadCount}</span>
                          </Badge>
                        ) : null}
                        {c.windowOpen ? null : <Badge tone="neutral">חלון סגור</Badge>}
                        {c.optedOut ? <Badge tone="warning">הוסר</Badge> : null}
                        <AssigneeName id={c.assignedTo} />
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
          {open ? (
            <div className="wa-inbox__conversation">
              <div className="wa-inbox__actions">
                <Button size="sm" onClick={() => setOpenPhone(null)}>
                  חזרה לרשימה
                </Button>
                <Assign conversation={open} />
              </div>
              {open.customerId ? (
                <WhatsAppThread customerId={open.customerId} />
              ) : (
                <p className="muted">
                  הפנייה עוד לא קושרה לכרטיס לקוח. היא תקושר ברגע שמערכת הלקוחות תענה.
                </p>
              )}
            </div>
          ) : null}
        </div>
      </Tabs>
    </div>
  );
}

function AssigneeName({ id }: { id: string | null }) {
  const users = useUsers();
  if (!id) return <span className="muted wa-inbox__assignee">לא משויכת</span>;
  const name = users.data?.find((u) => u.id === id)?.name;
  return <span className="wa-inbox__assignee">👤 {name ?? 'סוכן'}</span>;
}

function Assign({ conversation }: { conversation: Conversation }) {
  const me = useSession()?.user.id;
  const canWrite = useCanWrite();
  const users = useUsers();
  const toast = useToast();
  const queryClient = useQueryClient();
  const assign = useMutation({
    mutationFn: (agentId?: string | null) => assignConversation(conversation.peerPhone, agentId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: whatsappKeys.inboxAll });
      toast.success('השיוך עודכן');
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  if (!canWrite) return null;
  const others = (users.data ?? []).filter((u) => u.active && u.id !== me && u.role !== 'viewer');
  return (
    <>
      {conversation.assignedTo !== me ? (
        <Button
          size="sm"
          variant="primary"
          loading={assign.isPending}
          onClick={() => assign.mutate(undefined)}
        >
          לקחת את השיחה
        </Button>
      ) : null}
      {others.length > 0 ? (
        <Select
          label="העברה לסוכן"
          hideLabel
          placeholder="העברה לסוכן…"
          value=""
          options={others.map((u) => ({ value: u.id, label: u.name }))}
          onChange={(e) => {
            if (e.target.value) assign.mutate(e.target.value);
          }}
        />
      ) : null}
    </>
  );
}
