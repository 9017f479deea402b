import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Badge } from '../../components/Badge';
import { useServerTable, type DataTableColumn } from '../../components/DataTable';
import { Dialog } from '../../components/Dialog';
import { DateField, Select } from '../../components/Field';
import { ListPage, ListTable } from '../../components/ListPage';
import { errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { options } from '../../lib/options';
import { formatPhone } from '../../lib/phone';
import { callKeys, getCall, listAllCalls, type CallLog } from './api';
import { CallDetailView } from './CallLogView';
import { CALL_OUTCOME_LABELS, callOutcome, formatDuration } from './labels';
import './calls.css';

/**
 * Every call of the tenant (SPEC C14): when, who called, which customer, how long, what came of
 * it and the receptionist's summary; filtered by outcome and days, the filters and the page in the
 * address. A call opens over the list with its recording and its transcript by turn.
 */
export function CallsPage() {
  const { id: openId } = useParams();
  const navigate = useNavigate();
  const { search } = useLocation();
  const table = useServerTable('calls', { sortable: false });
  const { page, pageSize, filter, setFilters } = table;
  const params = {
    page,
    limit: pageSize,
    outcome: filter('outcome'),
    from: filter('from'),
    to: filter('to'),
  };
  const list = useQuery({
    queryKey: callKeys.all(params),
    queryFn: ({ signal }) => listAllCalls(params, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  });
  const columns = useCallColumns(search);
  const filtered = Boolean(params.outcome || params.from || params.to);

  return (
    <ListPage title="שיחות" subtitle="כל השיחות של העסק, עם סיכום המזכירה הדיגיטלית">
      <ListTable<CallLog>
        id="calls"
        caption="טבלת השיחות"
        exportFileName="שיחות"
        columns={columns}
        list={list}
        table={table}
        getRowId={(c) => c.id}
        onRowClick={(c) => void navigate(`/calls/${c.id}${search}`)}
        filters={
          <>
            <Select
              label="תוצאה"
              hideLabel
              placeholder="כל השיחות"
              options={options(CALL_OUTCOME_LABELS)}
              value={params.outcome}
              onChange={(e) => setFilters({ outcome: e.target.value })}
            />
            <DateField
              label="מתאריך"
              value={params.from}
              max={params.to || undefined}
              onChange={(from) => setFilters({ from })}
            />
            <DateField
              label="עד תאריך"
              value={params.to}
              min={params.from || undefined}
              onChange={(to) => setFilters({ to })}
            />
          </>
        }
        filtered={filtered}
        onClearFilters={() => setFilters({ outcome: null, from: null, to: null })}
        empty={{
          icon: '📞',
          title: 'עדיין אין שיחות',
          description: 'שיחות נכנסות שהמזכירה הדיגיטלית ענתה ושיחות יוצאות יופיעו כאן.',
        }}
        filteredEmpty={{ title: 'לא נמצאו שיחות', description: 'נסו לשנות את הסינון.' }}
      />
      {openId ? <OpenedCall id={openId} onClose={() => void navigate(`/calls${search}`)} /> : null}
    </ListPage>
  );
}

function useCallColumns(search: string): DataTableColumn<CallLog>[] {
  return useMemo<DataTableColumn<CallLog>[]>(
    () => [
      {
        id: 'createdAt',
        header: 'מועד',
        text: (c) => formatDateTime(c.createdAt),
        cell: (c) => (
          <Link to={`/calls/${c.id}${search}`} className="table-link">
            <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
          </Link>
        ),
        hideable: false,
      },
      {
        id: 'caller',
        header: 'מתקשר/ת',
        text: (c) => caller(c),
        ltr: true,
      },
      {
        id: 'customer',
        header: 'לקוח',
        text: (c) => c.customerName ?? '',
        cell: (c) =>
          c.customerId ? (
            <Link to={`/customers/${c.customerId}?tab=calls&call=${c.id}`}>
              {c.customerName ?? 'ללא שם'}
            </Link>
          ) : (
            '—'
          ),
      },
      {
        id: 'duration',
        header: 'משך',
        text: (c) => (c.durationSeconds === null ? '' : formatDuration(c.durationSeconds)),
      },
      {
        id: 'outcome',
        header: 'תוצאה',
        text: (c) => callOutcome(c).label,
        cell: (c) => {
          const o = callOutcome(c);
          return <Badge tone={o.tone}>{o.label}</Badge>;
        },
      },
      {
        id: 'summary',
        header: 'סיכום',
        text: (c) => c.summary ?? '',
        cell: (c) =>
          c.summary ? (
            <span className="call-summary">{c.summary}</span>
          ) : (
            <span className="muted">—</span>
          ),
      },
    ],
    [search],
  );
}

/** The number that called in, or the number called out to. */
function caller(c: CallLog): string {
  const number = c.direction === 'inbound' ? c.from : c.to;
  return number && number !== 'sandbox' ? formatPhone(number) : '—';
}

function OpenedCall({ id, onClose }: { id: string; onClose: () => void }) {
  const opened = useQuery({ queryKey: callKeys.one(id), queryFn: () => getCall(id) });
  return (
    <Dialog open title="פרטי השיחה" size="lg" onClose={onClose}>
      {opened.isError ? (
        <p role="alert">{errorMessage(opened.error)}</p>
      ) : opened.data ? (
        <>
          {opened.data.call.summary ? (
            <p className="call-summary call-summary--full">{opened.data.call.summary}</p>
          ) : null}
          <CallDetailView call={opened.data.call} />
        </>
      ) : (
        <p className="muted">טוען…</p>
      )}
    </Dialog>
  );
}
