import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Skeleton } from '../../components/Skeleton';
import { useFallbackInterval, useLiveHint } from '../../hooks/useLive';
import { errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { formatPhone } from '../../lib/phone';
import {
  callKeys,
  getCall,
  listCalls,
  playableRecording,
  type CallLog,
  type CallTurn,
} from './api';
import {
  CALL_STATUS_TONES,
  callStatusLabel,
  DEAL_TYPE_LABELS,
  DETAIL_LABELS,
  formatDuration,
  TURN_OUTCOME_LABELS,
} from './labels';
// The pager and an error line look like the DataTable's and a field's.
import '../../components/DataTable/DataTable.css';
import '../../components/Field.css';
import './calls.css';

/**
 * The customer's calls, newest first. Each opens to its status history and the receptionist's
 * turns: what the caller said, what the AI answered, the details it picked up, the recording.
 * `openCall` (id or CallSid, from a timeline link) starts open.
 */
export function CallLogView({ customerId, openCall }: { customerId: string; openCall?: string }) {
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(openCall ?? null);
  const calls = useQuery({
    queryKey: callKeys.list(customerId, page),
    queryFn: ({ signal }) => listCalls(customerId, page, signal),
    placeholderData: keepPreviousData,
    refetchInterval: useFallbackInterval(30_000),
  });
  const refetchCalls = calls.refetch;
  useLiveHint('calls:changed', customerId, () => void refetchCalls());

  if (calls.isPending) return <Skeleton lines={4} />;
  if (calls.isError) {
    return (
      <div className="alert alert--danger" role="alert">
        {errorMessage(calls.error)}{' '}
        <Button size="sm" onClick={() => void calls.refetch()}>
          נסו שוב
        </Button>
      </div>
    );
  }
  if (calls.data.items.length === 0) {
    return (
      <EmptyState
        icon="📞"
        title="אין שיחות עם הלקוח"
        description="שיחות נכנסות שהמזכירה הדיגיטלית ענתה ושיחות שיצאו מכאן יופיעו כאן."
      />
    );
  }
  return (
    <section aria-label="יומן שיחות">
      <ul className="plain-list call-list">
        {calls.data.items.map((call) => {
          const expanded = open === call.id || (call.callSid !== null && open === call.callSid);
          return (
            <li key={call.id} className="call-list__item" data-call-id={call.id}>
              <button
                type="button"
                className="call-list__summary"
                aria-expanded={expanded}
                aria-controls={`call-${call.id}`}
                onClick={() => setOpen(expanded ? null : call.id)}
              >
                <span aria-hidden="true">{call.direction === 'inbound' ? '📥' : '📤'}</span>
                <span className="call-list__title">
                  {call.direction === 'inbound' ? 'שיחה נכנסת' : 'שיחה יוצאת'}
                </span>
                {call.status !== 'sandbox' ? (
                  <Badge tone={CALL_STATUS_TONES[call.status] ?? 'neutral'}>
                    {callStatusLabel(call.status)}
                  </Badge>
                ) : null}
                {call.sandbox ? <Badge tone="warning">סביבת ניסוי</Badge> : null}
                <span className="muted">
                  {formatDateTime(call.createdAt)}
                  {call.durationSeconds !== null
                    ? ` · ${formatDuration(call.durationSeconds)}`
                    : ''}
                </span>
              </button>
              {expanded ? (
                <div id={`call-${call.id}`} className="call-list__detail">
                  <CallDetailView call={call} />
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      {calls.data.pages > 1 ? (
        <div className="data-table__pager">
          <Button size="sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            הקודם
          </Button>
          <span>
            עמוד {page} מתוך {calls.data.pages}
          </span>
          <Button size="sm" disabled={page >= calls.data.pages} onClick={() => setPage(page + 1)}>
            הבא
          </Button>
        </div>
      ) : null}
    </section>
  );
}

function detailValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if ((key === 'dealType' || key === 'intent') && typeof value === 'string') {
    return DEAL_TYPE_LABELS[value] ?? value;
  }
  if (key === 'callbackPromised') return value === true ? 'כן' : '';
  if (key === 'budget' && typeof value === 'number') return `${value.toLocaleString('he-IL')} ₪`;
  return typeof value === 'string' || typeof value === 'number'
    ? String(value)
    : JSON.stringify(value);
}

/** A sandbox call has no real caller id: "sandbox" is not a number to show. */
function phoneOrDash(phone: string | null): string {
  return phone && phone !== 'sandbox' ? formatPhone(phone) : '—';
}

/** One call opened: its numbers, status history, the details it gave, and the turns with recordings. */
export function CallDetailView({ call }: { call: CallLog }) {
  const detail = useQuery({ queryKey: callKeys.one(call.id), queryFn: () => getCall(call.id) });
  if (detail.isPending) return <Skeleton lines={3} />;
  if (detail.isError) return <p role="alert">{errorMessage(detail.error)}</p>;
  const d = detail.data;
  const details = Object.entries(d.details).filter(([k, v]) => detailValue(k, v));
  return (
    <div className="call-detail">
      <dl className="details">
        <div className="details__row">
          <dt>מ־</dt>
          <dd dir="ltr">{phoneOrDash(call.from)}</dd>
        </div>
        <div className="details__row">
          <dt>אל</dt>
          <dd dir="ltr">{phoneOrDash(call.to)}</dd>
        </div>
        {call.error ? (
          <div className="details__row">
            <dt>שגיאה</dt>
            <dd>{call.error}</dd>
          </div>
        ) : null}
      </dl>
      {call.sandbox ? (
        <p className="muted">השיחה נרשמה בסביבת ניסוי (אין חיבור ל-Twilio) ולא חויגה בפועל.</p>
      ) : null}

      {d.statusHistory.length ? (
        <>
          <h3 className="card__subtitle">היסטוריית סטטוסים</h3>
          <ol className="status-history">
            {d.statusHistory.map((s, i) => (
              <li key={`${s.status}-${i}`}>
                <Badge tone={CALL_STATUS_TONES[s.status] ?? 'neutral'}>
                  {callStatusLabel(s.status)}
                </Badge>{' '}
                <time dateTime={s.at}>{formatDateTime(s.at)}</time>
              </li>
            ))}
          </ol>
        </>
      ) : null}

      {details.length ? (
        <>
          <h3 className="card__subtitle">פרטים שזוהו בשיחה</h3>
          <dl className="details">
            {details.map(([k, v]) => (
              <div key={k} className="details__row">
                <dt>{DETAIL_LABELS[k] ?? k}</dt>
                <dd>{detailValue(k, v)}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}

      {d.turns.length ? (
        <>
          <h3 className="card__subtitle">השיחה עם המזכירה הדיגיטלית</h3>
          <ol className="turns">
            {d.turns.map((turn, i) => (
              <li key={turn.id} className="turns__item">
                <p className="turns__meta muted">
                  תור {i + 1}
                  {turn.outcome ? ` · ${TURN_OUTCOME_LABELS[turn.outcome] ?? turn.outcome}` : ''}
                  {turn.mode === 'streaming' ? ` · ${streamingSummary(turn)}` : ''}
                </p>
                <div className="bubble bubble--in">
                  <span className="bubble__who">המתקשר/ת</span>
                  <p>{turn.transcript || 'לא זוהה דיבור'}</p>
                  {turn.recordingUrl ? (
                    <audio
                      controls
                      preload="none"
                      src={playableRecording(turn.recordingUrl)}
                      aria-label={`הקלטת המתקשר, תור ${i + 1}`}
                    />
                  ) : null}
                </div>
                {turn.reply ? (
                  <div className="bubble bubble--out">
                    <span className="bubble__who">תשובת ה-AI</span>
                    <p>{turn.reply}</p>
                    {turn.replyAudioUrl ? (
                      <audio
                        controls
                        preload="none"
                        src={turn.replyAudioUrl}
                        aria-label={`התשובה המוקראת, תור ${i + 1}`}
                      />
                    ) : null}
                  </div>
                ) : null}
                {turn.toolCalls?.length ? (
                  <p className="turns__meta muted">
                    פעולות:{' '}
                    {turn.toolCalls
                      .map((t) => `${TOOL_LABELS[t.name] ?? t.name}${t.ok ? '' : ' (נדחתה)'}`)
                      .join(' · ')}
                  </p>
                ) : null}
                {turn.error ? <p className="field__error">{turn.error}</p> : null}
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p className="muted">אין תמליל לשיחה הזו.</p>
      )}
    </div>
  );
}

const TOOL_LABELS: Record<string, string> = {
  lookup_caller: 'זיהוי המתקשר',
  record_lead: 'שמירת פרטי הליד',
  schedule_callback: 'קביעת שיחה חוזרת',
  hand_off: 'העברה לנציג',
  end_call: 'סיום השיחה',
};

/** "שיחה זורמת · מילה ראשונה אחרי 372 מ״ש · נקטעה" from a streaming turn's timings. */
function streamingSummary(turn: CallTurn): string {
  const parts = ['שיחה זורמת'];
  const first = turn.timings?.promptToFirstTokenMs;
  if (typeof first === 'number') parts.push(`מילה ראשונה אחרי ${Math.round(first)} מ״ש`);
  if (turn.timings?.interrupted === true) parts.push('נקטעה על ידי המתקשר');
  return parts.join(' · ');
}
