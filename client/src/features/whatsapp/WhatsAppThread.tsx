import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { TextArea } from '../../components/Field';
import { Skeleton } from '../../components/Skeleton';
import { useToast } from '../../components/toast';
import { useFallbackInterval, useLiveHint } from '../../hooks/useLive';
import { errorMessage } from '../../lib/api';
import { formatCountOf, formatDateTime, formatRelative } from '../../lib/format';
import { timelineKeys } from '../timeline/api';
import { getThread, MESSAGE_STATUS, sendWhatsApp, whatsappKeys, type WhatsAppMessage } from './api';
import './whatsapp.css';

export interface WhatsAppThreadProps {
  customerId: string;
  readOnly?: boolean;
  /** A message to bring into view (the timeline links with its MessageSid). */
  highlight?: string;
}

/** SPEC C4's conversation view: the thread, oldest at the top, delivery ticks kept fresh. */
export function WhatsAppThread({ customerId, readOnly = false, highlight }: WhatsAppThreadProps) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const end = useRef<HTMLDivElement>(null);
  const thread = useInfiniteQuery({
    queryKey: whatsappKeys.thread(customerId),
    queryFn: ({ pageParam, signal }) => getThread(customerId, pageParam, signal),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page < last.pages ? last.page + 1 : undefined),
    // Statuses (sent → delivered → read) and replies arrive by webhook; the socket's hint says
    // when, and a slow poll stands in only while the socket is down.
    refetchInterval: useFallbackInterval(15_000),
  });
  const refetchThread = thread.refetch;
  useLiveHint('whatsapp:changed', customerId, () => void refetchThread());
  const send = useMutation({
    mutationFn: (body: string) => sendWhatsApp(customerId, body),
    onSuccess: (message) => {
      setText('');
      void queryClient.invalidateQueries({ queryKey: whatsappKeys.thread(customerId) });
      void queryClient.invalidateQueries({ queryKey: timelineKeys.customer(customerId) });
      if (message.sandbox) toast.info('סביבת ניסוי: ההודעה נשמרה אך לא נשלחה בפועל');
      else if (message.status === 'failed') toast.error('השליחה נכשלה');
      else toast.success('ההודעה נשלחה');
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  // Oldest first, as a chat reads; pages come newest first.
  const messages: WhatsAppMessage[] = (thread.data?.pages ?? [])
    .flatMap((p) => p.items)
    .slice()
    .reverse();
  const count = messages.length;
  const newestId = messages[count - 1]?.id;

  useEffect(() => {
    const target = highlight
      ? document.querySelector(`[data-message-sid="${CSS.escape(highlight)}"]`)
      : end.current;
    // jsdom has no scrollIntoView.
    if (target && 'scrollIntoView' in target) target.scrollIntoView({ block: 'nearest' });
  }, [newestId, highlight]);

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const body = text.trim();
    if (body) send.mutate(body);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
  };

  const sandbox = messages.some((m) => m.sandbox);
  return (
    <section className="wa" aria-label="שיחת WhatsApp">
      <header className="wa__header">
        <span aria-hidden="true">💬</span> <strong>WhatsApp</strong>
        {sandbox ? (
          <span
            className="wa__sandbox"
            title="אין חיבור ל-Twilio: ההודעות נשמרות ביומן אך לא נשלחות"
          >
            <Badge tone="warning">סביבת ניסוי</Badge>
          </span>
        ) : null}
      </header>
      {sandbox ? (
        <p className="wa__note muted">
          סביבת ניסוי: ההודעות נשמרות ביומן אך לא נשלחות בפועל ללקוח.
        </p>
      ) : null}

      <div className="wa__thread" aria-live="polite" aria-busy={thread.isFetching || undefined}>
        {thread.hasNextPage ? (
          <div className="wa__older">
            <Button
              size="sm"
              loading={thread.isFetchingNextPage}
              onClick={() => void thread.fetchNextPage()}
            >
              הודעות קודמות
            </Button>
          </div>
        ) : null}
        {thread.isPending ? (
          <Skeleton lines={4} />
        ) : thread.isError ? (
          <div className="alert alert--danger" role="alert">
            {errorMessage(thread.error)}
          </div>
        ) : count === 0 ? (
          <EmptyState
            icon="💬"
            title="עדיין אין הודעות"
            description="כתבו הודעה ראשונה ללקוח. תשובות הלקוח יופיעו כאן."
          />
        ) : (
          <ol className="plain-list wa__list">
            {messages.map((m) => (
              <Message
                key={m.id}
                message={m}
                highlighted={highlight !== undefined && m.messageSid === highlight}
              />
            ))}
          </ol>
        )}
        <div ref={end} />
      </div>

      {!readOnly ? (
        <form className="wa__composer" onSubmit={submit}>
          <TextArea
            label="הודעה חדשה"
            hideLabel
            rows={2}
            maxLength={1600}
            placeholder="כתבו הודעה… (Ctrl+Enter לשליחה)"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onKeyDown}
          />
          <Button type="submit" variant="whatsapp" loading={send.isPending} disabled={!text.trim()}>
            שליחה
          </Button>
        </form>
      ) : null}
    </section>
  );
}

function Message({ message: m, highlighted }: { message: WhatsAppMessage; highlighted: boolean }) {
  const status = MESSAGE_STATUS[m.status] ?? { label: m.status, icon: '' };
  const out = m.direction === 'outbound';
  return (
    <li
      className={`wa__message wa__message--${out ? 'out' : 'in'}${highlighted ? ' wa__message--highlight' : ''}`}
      data-message-sid={m.messageSid ?? undefined}
      data-status={m.status}
    >
      <p className="wa__text">
        {m.text ??
          (m.mediaCount
            ? `📎 ${formatCountOf(m.mediaCount, { one: 'קובץ מצורף אחד', many: 'קבצים מצורפים' })}`
            : '')}
      </p>
      <p className="wa__meta">
        <time dateTime={m.createdAt} title={formatDateTime(m.createdAt)}>
          {formatRelative(m.createdAt)}
        </time>
        {out ? (
          <span className={`wa__status wa__status--${m.status}`} title={status.label}>
            <span aria-hidden="true">{status.icon}</span>
            <span className="visually-hidden">{status.label}</span>
            {m.status === 'failed' || m.status === 'undelivered' || m.sandbox ? (
              <span className="wa__status-text">{status.label}</span>
            ) : null}
          </span>
        ) : null}
      </p>
    </li>
  );
}
