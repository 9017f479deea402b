import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Input, Select, TextArea } from '../../components/Field';
import { Skeleton } from '../../components/Skeleton';
import { useToast } from '../../components/toast';
import { useFallbackInterval, useLiveHint } from '../../hooks/useLive';
import { errorMessage } from '../../lib/api';
import { formatCountOf, formatDateTime, formatRelative } from '../../lib/format';
import { timelineKeys } from '../timeline/api';
import {
  getConversation,
  getPurposes,
  getThread,
  MESSAGE_STATUS,
  previewTemplate,
  sendTemplate,
  sendWhatsApp,
  whatsappKeys,
  type ConversationState,
  type Purpose,
  type WhatsAppMessage,
} from './api';
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
  // Is WhatsApp's 24-hour window open? It decides between free text and templates.
  const conversation = useQuery({
    queryKey: whatsappKeys.conversation(customerId),
    queryFn: ({ signal }) => getConversation(customerId, signal),
    enabled: !readOnly,
    // The socket's hint below refreshes it when a message arrives; this catches the window closing.
    refetchInterval: 30_000,
  });
  const onSent = (message: WhatsAppMessage) => {
    void queryClient.invalidateQueries({ queryKey: whatsappKeys.thread(customerId) });
    void queryClient.invalidateQueries({ queryKey: whatsappKeys.conversation(customerId) });
    void queryClient.invalidateQueries({ queryKey: timelineKeys.customer(customerId) });
    if (message.sandbox) toast.info('סביבת ניסוי: ההודעה נשמרה אך לא נשלחה בפועל');
    else if (message.status === 'failed') toast.error(message.errorMessage ?? 'השליחה נכשלה');
    else toast.success('ההודעה נשלחה');
  };
  const refetchThread = thread.refetch;
  const refetchConversation = conversation.refetch;
  useLiveHint('whatsapp:changed', customerId, () => {
    void refetchThread();
    void refetchConversation();
  });
  const send = useMutation({
    mutationFn: (body: string) => sendWhatsApp(customerId, body),
    onSuccess: (message) => {
      setText('');
      onSent(message);
    },
    onError: (error) => {
      toast.error(errorMessage(error));
      void queryClient.invalidateQueries({ queryKey: whatsappKeys.conversation(customerId) });
    },
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
        <Composer
          customerId={customerId}
          state={conversation.data}
          loading={conversation.isPending}
          text={text}
          setText={setText}
          sending={send.isPending}
          onSubmit={submit}
          onKeyDown={onKeyDown}
          onSent={onSent}
        />
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
        {m.contentSid ? <span className="wa__template">תבנית</span> : null}
      </p>
      {m.errorMessage && (m.status === 'failed' || m.status === 'undelivered') ? (
        <p className="wa__error" role="note">
          {m.errorMessage}
        </p>
      ) : null}
    </li>
  );
}

interface ComposerProps {
  customerId: string;
  state: ConversationState | undefined;
  loading: boolean;
  text: string;
  setText: (text: string) => void;
  sending: boolean;
  onSubmit: (event: SyntheticEvent) => void;
  onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
  onSent: (message: WhatsAppMessage) => void;
}

/**
 * Free text inside WhatsApp's 24-hour window (and until when it is open); outside it, the
 * tenant's approved templates with a Hebrew preview, since WhatsApp would refuse free text.
 */
function Composer({
  customerId,
  state,
  loading,
  text,
  setText,
  sending,
  onSubmit,
  onKeyDown,
  onSent,
}: ComposerProps) {
  if (loading || !state) return null;
  if (state.optedOut) {
    return (
      <div className="alert alert--warning wa__window" role="status">
        הלקוח ביקש לא לקבל הודעות WhatsApp (כתב STOP או הסר). אפשר לשלוח שוב רק אחרי שיכתוב START.
      </div>
    );
  }
  if (!state.windowOpen) {
    return <TemplateComposer customerId={customerId} state={state} onSent={onSent} />;
  }
  return (
    <>
      <p className="wa__window wa__window--open" role="status">
        חלון השיחה פתוח עד {formatDateTime(state.windowClosesAt)}: אפשר לכתוב חופשי.
      </p>
      <form className="wa__composer" onSubmit={onSubmit}>
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
        <Button type="submit" variant="whatsapp" loading={sending} disabled={!text.trim()}>
          שליחה
        </Button>
      </form>
    </>
  );
}

const VALUE_FIELDS: Record<string, string> = {
  link: 'קישור',
  documentNumber: 'מספר המסמך',
  amount: 'סכום',
};

function TemplateComposer({
  customerId,
  state,
  onSent,
}: {
  customerId: string;
  state: ConversationState;
  onSent: (message: WhatsAppMessage) => void;
}) {
  const toast = useToast();
  const purposes = useQuery({
    queryKey: whatsappKeys.purposes,
    queryFn: ({ signal }) => getPurposes(signal),
  });
  const [chosen, setChosen] = useState<Purpose | ''>('');
  const [values, setValues] = useState<Record<string, string>>({});
  const options = purposes.data ?? [];
  const purpose = chosen || options[0]?.purpose || '';
  const template = options.find((o) => o.purpose === purpose);
  const fields = template
    ? Object.values(template.variables).filter((field) => field in VALUE_FIELDS)
    : [];
  const filled = Object.fromEntries(fields.map((f) => [f, values[f] ?? '']));
  const preview = useQuery({
    queryKey: whatsappKeys.preview(customerId, purpose, filled),
    queryFn: () => previewTemplate(customerId, purpose as Purpose, filled),
    enabled: purpose !== '',
    retry: false,
  });
  const send = useMutation({
    mutationFn: () => sendTemplate(customerId, purpose as Purpose, filled),
    onSuccess: onSent,
    onError: (error) => toast.error(errorMessage(error)),
  });
  const why = state.lastInboundAt
    ? `עברו יותר מ־24 שעות מאז שהלקוח כתב (${formatDateTime(state.lastInboundAt)})`
    : 'הלקוח עוד לא כתב לעסק';
  return (
    <div className="wa__templates">
      <p className="wa__window wa__window--closed" role="status">
        חלון השיחה סגור: {why}, ולכן WhatsApp מקבל רק תבנית מאושרת.
      </p>
      {purposes.isPending ? (
        <Skeleton lines={2} />
      ) : options.length === 0 ? (
        <p className="muted">לא נבחרו תבניות. בעל החשבון בוחר תבניות מאושרות בהגדרות WhatsApp.</p>
      ) : (
        <form
          className="wa__template-form"
          onSubmit={(e) => {
            e.preventDefault();
            send.mutate();
          }}
        >
          <Select
            label="תבנית"
            value={purpose}
            options={options.map((o) => ({ value: o.purpose, label: o.label }))}
            onChange={(e) => setChosen(e.target.value as Purpose)}
          />
          {fields.map((field) => (
            <Input
              key={field}
              label={VALUE_FIELDS[field] ?? field}
              value={values[field] ?? ''}
              dir="ltr"
              onChange={(e) => setValues({ ...values, [field]: e.target.value })}
            />
          ))}
          <div className="wa__preview" aria-label="תצוגה מקדימה">
            {preview.isError ? (
              <span className="muted">{errorMessage(preview.error)}</span>
            ) : (
              (preview.data?.text ?? '…')
            )}
          </div>
          <Button
            type="submit"
            variant="whatsapp"
            loading={send.isPending}
            disabled={!preview.data || preview.isError}
          >
            שליחת תבנית
          </Button>
        </form>
      )}
    </div>
  );
}
