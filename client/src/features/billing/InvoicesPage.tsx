import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { useServerTable, type DataTableColumn } from '../../components/DataTable';
import { DateField, Select } from '../../components/Field';
import { ListPage, ListTable } from '../../components/ListPage';
import { useToast } from '../../components/toast';
import { errorMessage } from '../../lib/api';
import { formatCountOf, formatDate } from '../../lib/format';
import { formatShekels } from '../../lib/money';
import { options } from '../../lib/options';
import { billingKeys, invoicePdfName, listInvoices, openPdf, type Invoice } from './api';
import {
  DOCUMENTS,
  INVOICE_STATUS_LABELS,
  INVOICE_STATUS_TONES,
  INVOICE_TYPE_LABELS,
} from './labels';

/** Invoices, receipts and credit notes (SPEC C7). */
export function InvoicesPage() {
  const navigate = useNavigate();
  const toast = useToast();
  const table = useServerTable('invoices');
  const { page, pageSize, filter, setFilters } = table;
  const customerId = filter('customerId');
  const status = filter('status');
  const type = filter('type');
  const from = filter('from');
  const to = filter('to');

  const columns = useMemo<DataTableColumn<Invoice>[]>(
    () => [
      {
        id: 'number',
        header: 'מספר',
        text: (i) => (i.number === null ? 'טיוטה' : String(i.number)),
        cell: (i) => (
          <Link to={`/invoices/${i.id}`} className="table-link">
            {i.number === null ? 'טיוטה' : i.number}
          </Link>
        ),
        sortable: true,
        hideable: false,
      },
      { id: 'type', header: 'סוג מסמך', text: (i) => INVOICE_TYPE_LABELS[i.type] },
      {
        id: 'customerName',
        header: 'לקוח',
        text: (i) => i.customerName,
        cell: (i) => <Link to={`/customers/${i.customerId}`}>{i.customerName}</Link>,
        sortable: true,
      },
      {
        id: 'issuedAt',
        header: 'תאריך',
        text: (i) => formatDate(i.issuedAt ?? i.createdAt),
        sortable: true,
      },
      {
        id: 'subtotal',
        header: 'לפני מע״מ',
        text: (i) => formatShekels(i.subtotalAgorot),
        defaultHidden: true,
      },
      { id: 'vat', header: 'מע״מ', text: (i) => formatShekels(i.vatAgorot), defaultHidden: true },
      {
        id: 'totalAgorot',
        header: 'סה״כ',
        text: (i) => formatShekels(i.totalAgorot),
        sortable: true,
      },
      {
        id: 'status',
        header: 'סטטוס',
        text: (i) => INVOICE_STATUS_LABELS[i.status],
        cell: (i) => (
          <Badge tone={INVOICE_STATUS_TONES[i.status]}>{INVOICE_STATUS_LABELS[i.status]}</Badge>
        ),
        sortable: true,
      },
      {
        id: 'allocation',
        header: 'מספר הקצאה',
        text: (i) => i.allocationNumber ?? '',
        ltr: true,
        defaultHidden: true,
      },
      {
        id: 'actions',
        header: 'פעולות',
        text: () => '',
        hideable: false,
        exportable: false,
        cell: (i) => (
          <Button
            size="sm"
            variant="ghost"
            aria-label={`PDF של ${INVOICE_TYPE_LABELS[i.type]} ${i.number ?? 'טיוטה'}`}
            onClick={() =>
              openPdf(`/api/invoices/${i.id}/pdf`, invoicePdfName(i)).catch((e: unknown) =>
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

  const filters = {
    sort: table.sortParam(columns, '-createdAt'),
    status,
    type,
    customerId,
    from,
    to,
  };
  const params = { page, limit: pageSize, ...filters };
  const list = useQuery({
    queryKey: billingKeys.invoiceList(params),
    queryFn: ({ signal }) => listInvoices(params, signal),
    placeholderData: keepPreviousData,
  });

  const filtered = Boolean(status || type || customerId || from || to);
  const newPath = customerId
    ? `/invoices/new?customerId=${encodeURIComponent(customerId)}`
    : '/invoices/new';
  const newInvoice = { label: 'חשבונית חדשה', onClick: () => void navigate(newPath) };

  return (
    <ListPage
      title="חשבוניות"
      subtitle={
        list.data ? formatCountOf(list.data.total, DOCUMENTS) : 'חשבוניות מס, קבלות וזיכויים'
      }
      exportAll={{ path: '/api/invoices/export', params: filters, fileName: 'חשבוניות.csv' }}
      newItem={newInvoice}
    >
      <ListTable<Invoice>
        id="invoices"
        caption="טבלת החשבוניות"
        exportFileName="חשבוניות"
        columns={columns}
        list={list}
        table={table}
        getRowId={(i) => i.id}
        onRowClick={(i) => void navigate(`/invoices/${i.id}`)}
        filters={
          <>
            <Select
              label="סטטוס"
              hideLabel
              placeholder="כל הסטטוסים"
              options={options(INVOICE_STATUS_LABELS)}
              value={status}
              onChange={(e) => setFilters({ status: e.target.value })}
            />
            <Select
              label="סוג מסמך"
              hideLabel
              placeholder="כל סוגי המסמכים"
              options={options(INVOICE_TYPE_LABELS)}
              value={type}
              onChange={(e) => setFilters({ type: e.target.value })}
            />
            <DateField
              label="מתאריך"
              value={from}
              max={to}
              onChange={(value) => setFilters({ from: value })}
            />
            <DateField
              label="עד תאריך"
              value={to}
              min={from}
              onChange={(value) => setFilters({ to: value })}
            />
          </>
        }
        filtered={filtered}
        onClearFilters={() =>
          setFilters({ status: null, type: null, from: null, to: null, customerId: null })
        }
        empty={{
          icon: '🧾',
          title: 'עדיין אין חשבוניות',
          description: 'צרו טיוטה, בדקו אותה והפיקו חשבונית עם מספר רץ.',
        }}
        filteredEmpty={{ title: 'לא נמצאו חשבוניות', description: 'נסו לשנות את הסינון.' }}
        newItem={newInvoice}
      />
    </ListPage>
  );
}
