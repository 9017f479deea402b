import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { useServerTable, type DataTableColumn } from '../../components/DataTable';
import { Select } from '../../components/Field';
import { ListPage, ListTable } from '../../components/ListPage';
import { useToast } from '../../components/toast';
import { errorMessage } from '../../lib/api';
import { formatCountOf, formatDate } from '../../lib/format';
import { formatShekels } from '../../lib/money';
import { options } from '../../lib/options';
import { billingKeys, listContracts, openPdf, type Contract } from './api';
import { CONTRACT_STATUS_LABELS, CONTRACT_STATUS_TONES, DOCUMENTS } from './labels';

/** Quotes and contracts (SPEC C6): server-side paging and sorting, filters by status and customer. */
export function ContractsPage() {
  const navigate = useNavigate();
  const toast = useToast();
  const table = useServerTable('contracts');
  const { page, pageSize, filter, setFilters } = table;
  const customerId = filter('customerId');
  const status = filter('status');

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

  const filters = { sort: table.sortParam(columns, '-createdAt'), status, customerId };
  const params = { page, limit: pageSize, ...filters };
  const list = useQuery({
    queryKey: billingKeys.contractList(params),
    queryFn: ({ signal }) => listContracts(params, signal),
    placeholderData: keepPreviousData,
  });

  const filtered = Boolean(status || customerId);
  const newPath = customerId
    ? `/contracts/new?customerId=${encodeURIComponent(customerId)}`
    : '/contracts/new';
  const newQuote = { label: 'הצעה חדשה', onClick: () => void navigate(newPath) };

  return (
    <ListPage
      title="הצעות מחיר וחוזים"
      subtitle={list.data ? formatCountOf(list.data.total, DOCUMENTS) : 'הצעות מחיר, חוזים וחתימות'}
      exportAll={{ path: '/api/contracts/export', params: filters, fileName: 'הצעות-וחוזים.csv' }}
      newItem={newQuote}
    >
      <ListTable<Contract>
        id="contracts"
        caption="טבלת הצעות המחיר והחוזים"
        exportFileName="הצעות-וחוזים"
        columns={columns}
        list={list}
        table={table}
        getRowId={(c) => c.id}
        onRowClick={(c) => void navigate(`/contracts/${c.id}`)}
        filters={
          <>
            <Select
              label="סטטוס"
              hideLabel
              placeholder="כל הסטטוסים"
              options={options(CONTRACT_STATUS_LABELS)}
              value={status}
              onChange={(e) => setFilters({ status: e.target.value })}
            />
            {customerId ? (
              <Button size="sm" variant="ghost" onClick={() => setFilters({ customerId: null })}>
                {`לקוח אחד (${list.data?.items[0]?.customerName ?? '…'}) ✕`}
              </Button>
            ) : null}
          </>
        }
        filtered={filtered}
        empty={{
          icon: '📄',
          title: 'עדיין אין הצעות מחיר',
          description: 'צרו הצעת מחיר ללקוח ושלחו אותה לחתימה דיגיטלית.',
        }}
        filteredEmpty={{ title: 'לא נמצאו מסמכים', description: 'נסו לשנות את הסינון.' }}
        newItem={newQuote}
      />
    </ListPage>
  );
}
