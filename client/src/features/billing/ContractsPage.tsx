import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { DataTable, useServerTable, type DataTableColumn } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { Select } from '../../components/Field';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import { useToast } from '../../components/toast';
import { useSession } from '../../hooks/useSession';
import { downloadExport, errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { formatShekels } from '../../lib/money';
import { options } from '../../lib/options';
import { billingKeys, listContracts, openPdf, type Contract } from './api';
import { CONTRACT_STATUS_LABELS, CONTRACT_STATUS_TONES } from './labels';

const SORTABLE = new Set(['title', 'customerName', 'status', 'totalAgorot', 'createdAt']);

/** Quotes and contracts (SPEC C6): server-side paging and sorting, filters by status and customer. */
export function ContractsPage() {
  const navigate = useNavigate();
  const toast = useToast();
  const [search, setSearch] = useSearchParams();
  const customerId = search.get('customerId') ?? '';
  const [status, setStatus] = useState('');
  const table = useServerTable('contracts');
  const { page, pageSize, sort, resetPage } = table;
  const [exporting, setExporting] = useState(false);
  const canWrite = useSession()?.user.role !== 'viewer';

  const sortParam =
    sort && SORTABLE.has(sort.id) ? `${sort.desc ? '-' : ''}${sort.id}` : '-createdAt';
  const params = { page, limit: pageSize, sort: sortParam, status, customerId };
  const list = useQuery({
    queryKey: billingKeys.contractList(params),
    queryFn: ({ signal }) => listContracts(params, signal),
    placeholderData: keepPreviousData,
  });

  const columns = useMemo<DataTableColumn<Contract>[]>(
    () => [
      {
        id: 'title',
        header: 'כותרת',
        text: (c) => c.title,
        cell: (c) => (
          <Link to={`/contracts/${c.id}`} className="table-link">
            {c.title}
          </Link>
        ),
        sortable: true,
        hideable: false,
      },
      {
        id: 'customerName',
        header: 'לקוח',
        text: (c) => c.customerName,
        cell: (c) => <Link to={`/customers/${c.customerId}`}>{c.customerName}</Link>,
        sortable: true,
      },
      {
        id: 'status',
        header: 'סטטוס',
        text: (c) => CONTRACT_STATUS_LABELS[c.status],
        cell: (c) => (
          <Badge tone={CONTRACT_STATUS_TONES[c.status]}>{CONTRACT_STATUS_LABELS[c.status]}</Badge>
        ),
        sortable: true,
      },
      {
        id: 'totalAgorot',
        header: 'סה״כ כולל מע״מ',
        text: (c) => formatShekels(c.totalAgorot),
        sortable: true,
      },
      { id: 'createdAt', header: 'נוצר', text: (c) => formatDate(c.createdAt), sortable: true },
      { id: 'sentAt', header: 'נשלח', text: (c) => formatDate(c.sentAt), defaultHidden: true },
      { id: 'signedAt', header: 'נחתם', text: (c) => formatDate(c.signedAt) },
      {
        id: 'actions',
        header: 'פעולות',
        text: () => '',
        hideable: false,
        exportable: false,
        cell: (c) => (
          <Button
            size="sm"
            variant="ghost"
            aria-label={`PDF של ${c.title}`}
            onClick={() =>
              openPdf(`/api/contracts/${c.id}/pdf`, `contract-${c.id}.pdf`).catch((e: unknown) =>
                toast.error(errorMessage(e)),
              )
            }
          >
            PDF
          </Button>
        ),
      },
    ],
    [toast],
  );

  const exportAll = async () => {
    setExporting(true);
    try {
      await downloadExport(
        '/api/contracts/export',
        { sort: sortParam, status, customerId },
        'הצעות-וחוזים.csv',
      );
    } catch (e) {
      toast.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  const filtered = Boolean(status || customerId);
  const newPath = customerId
    ? `/contracts/new?customerId=${encodeURIComponent(customerId)}`
    : '/contracts/new';

  return (
    <section className="page">
      <header className="page__header">
        <div>
          <h1 className="page__title">הצעות מחיר וחוזים</h1>
          <p className="page__subtitle">
            {list.data ? `${list.data.total} מסמכים` : 'הצעות מחיר, חוזים וחתימות'}
          </p>
        </div>
        <div className="page__actions">
          <Button icon="⬇" loading={exporting} onClick={() => void exportAll()}>
            ייצוא הכול
          </Button>
          {canWrite ? (
            <Button variant="primary" icon="+" onClick={() => void navigate(newPath)}>
              הצעה חדשה
            </Button>
          ) : null}
        </div>
      </header>

      <QueryErrorAlert query={list} />

      <DataTable<Contract>
        id="contracts"
        caption="טבלת הצעות המחיר והחוזים"
        exportFileName="הצעות-וחוזים"
        columns={columns}
        data={list.data?.items ?? []}
        getRowId={(c) => c.id}
        loading={list.isPending}
        onRowClick={(c) => void navigate(`/contracts/${c.id}`)}
        server={table.server(list.data?.total ?? 0)}
        toolbar={
          <div className="filters" role="search">
            <Select
              label="סטטוס"
              hideLabel
              placeholder="כל הסטטוסים"
              options={options(CONTRACT_STATUS_LABELS)}
              value={status}
              onChange={(e) => {
                setStatus(e.target.value);
                resetPage();
              }}
            />
            {customerId ? (
              <Button
                size="sm"
                variant="ghost"
                onClick={() => {
                  setSearch({}, { replace: true });
                  resetPage();
                }}
              >
                {`לקוח אחד (${list.data?.items[0]?.customerName ?? '…'}) ✕`}
              </Button>
            ) : null}
          </div>
        }
        empty={
          filtered ? (
            <EmptyState icon="🔍" title="לא נמצאו מסמכים" description="נסו לשנות את הסינון." />
          ) : (
            <EmptyState
              icon="📄"
              title="עדיין אין הצעות מחיר"
              description="צרו הצעת מחיר ללקוח ושלחו אותה לחתימה דיגיטלית."
              action={
                canWrite ? (
                  <Button variant="primary" onClick={() => void navigate(newPath)}>
                    הצעה חדשה
                  </Button>
                ) : undefined
              }
            />
          )
        }
      />
    </section>
  );
}
